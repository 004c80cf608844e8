//! Opn Payments (Omise) objects, API version 2019-05-29.
//!
//! Opn objects carry every key, `null` when it does not apply, so the optional fields here
//! serialize as `null` rather than being left out.

mod capability;
mod charge;
mod event;
mod list;
mod refund;
mod source;

pub use capability::{
    AmountLimit, BankInfo, Capability, CapabilityBank, CapabilityLimits, MinLimit, PaymentMethod,
};
pub use charge::{Charge, ChargeParams, ChargeStatus, PlatformFee, SourceRef, TransactionFees};
pub use event::{Event, WebhookDelivery};
pub use list::{Error, List};
pub use refund::Refund;
pub use source::{Document, NewSource, ScannableCode, Source, SourceParams};
