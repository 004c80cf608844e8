//! ecommpay: everything signed happens on the merchant's server (the Payment Page URL, the Gate
//! request with the project secret), and the result arrives there by callback. The browser
//! side is the plain merchant path: `createPayment` returns the Payment Page redirect or the
//! Gate answer, `retrievePayment` the latest callback (kasir-core interprets both; a Gate
//! `redirect_data` becomes a POST form). So this adapter keeps every default.

use crate::psp::adapter::Adapter;

/// The ecommpay adapter.
pub struct Ecommpay;

impl Adapter for Ecommpay {}
