//! The demo shop's merchant backends, one per PSP.

use super::backend::Backend;
use super::ecommpay::EcommpayShop;
use super::omise::OpnShop;
use super::wooshpay::WooshpayShop;
use kasir_core::catalogue::Psp;

/// Every backend, in navigation order.
pub static BACKENDS: &[&dyn Backend] = &[&OpnShop, &WooshpayShop, &EcommpayShop];

/// The backend of a PSP.
pub fn of(psp: Psp) -> Option<&'static dyn Backend> {
    BACKENDS.iter().copied().find(|b| b.psp() == psp)
}
