//! ecommpay objects: Payment Page parameters, Gate requests and answers, callbacks.
//!
//! ecommpay signs every key it sends (an absent key and a `null` one sign differently), so
//! optional fields here are left out when unset.

mod callback;
mod request;

pub use callback::{
    Callback, CallbackCustomer, CallbackPayment, Operation, Provider, RedirectData, Sum,
    SyncResponse,
};
pub use request::{
    GateCustomer, GatePayment, GateSaleRequest, General, PaymentPageParams, ReturnUrl,
    StatusRequest,
};
