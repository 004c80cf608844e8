//! ecommpay: everything signed happens on the merchant's server (the Payment Page URL, the Gate
//! request with the project secret), and the result arrives there by callback. The browser
//! side is the plain merchant path: `createPayment` returns the Payment Page redirect or the
//! Gate answer, `retrievePayment` the latest callback (kasir-core interprets both; a Gate
//! `redirect_data` becomes a POST form). So this adapter keeps every default but its status rules.

use crate::jsview::Js;
use crate::psp::adapter::Adapter;
use kasir_core::status::{interpret_ecommpay, InterpretError, Payment};

/// The ecommpay adapter.
pub struct Ecommpay;

impl Adapter for Ecommpay {
    fn interpret(&self, obj: &Js) -> Result<Payment, InterpretError> {
        interpret_ecommpay(obj)
    }
}
