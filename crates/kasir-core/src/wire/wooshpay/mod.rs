//! WooshPay objects (Stripe-shaped; timestamps in milliseconds).
//!
//! Like Stripe's, WooshPay objects carry their keys with `null` when unset, so optional fields
//! serialize as `null`; only parameters leave unset fields out.

mod checkout;
mod events;
mod intent;
mod list;
mod refund;

pub use checkout::{
    CheckoutSession, CheckoutSessionParams, LineItem, LineItemParams, Price, PriceData, Product,
    ProductData,
};
pub use events::{Event, EventData, WebhookEndpoint};
pub use intent::{
    DisplayQrCode, NextAction, PaymentError, PaymentIntent, PaymentIntentParams, PaymentMethodRef,
    RedirectToUrl, TerminalOptions,
};
pub use list::{Error, ErrorEnvelope, List};
pub use refund::Refund;
