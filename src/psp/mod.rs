//! The PSPs' browser sides: one adapter per PSP behind [`Adapter`], and the merchant hooks they
//! share. Nothing outside this folder branches on the provider: the controller asks
//! [`adapter`] for the one it mounted with.

pub mod adapter;
pub mod ecommpay;
pub mod merchant;
pub mod omise;
pub mod wooshpay;

pub use adapter::Adapter;
use kasir_core::Psp;

/// The adapter of a provider.
pub fn adapter(psp: Psp) -> &'static dyn Adapter {
    match psp {
        Psp::Omise => &omise::Omise,
        Psp::Wooshpay => &wooshpay::Wooshpay,
        Psp::Ecommpay => &ecommpay::Ecommpay,
    }
}
