//! The three PSP emulators, one per file.

pub mod ecommpay;
pub mod omise;
pub mod omise_events;
pub mod wooshpay;
pub mod wooshpay_checkout;
