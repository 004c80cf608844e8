//! The three PSP emulators, one folder each, split by resource; each implements the
//! `Emulator` trait and is listed in the registry.

pub mod ecommpay;
pub mod omise;
pub mod wooshpay;
