//! The PSPs' browser sides: one adapter per PSP behind [`Adapter`], and the merchant hooks they
//! share. Nothing outside this folder branches on the provider: the controller asks
//! [`adapter`] for the one it mounted with.

//!
//! Each PSP is a cargo feature (`omise`, `wooshpay`, `ecommpay`, all on by default): the
//! build `kasir.js` loads for a provider has only that provider's adapter and status rules
//! (scripts/make-loader.sh); `config::validate` refuses a provider the build lacks.

pub mod adapter;
#[cfg(feature = "ecommpay")]
pub mod ecommpay;
pub mod merchant;
#[cfg(feature = "omise")]
pub mod omise;
#[cfg(feature = "wooshpay")]
pub mod wooshpay;

pub use adapter::Adapter;
use kasir_core::Psp;

/// The adapter of a provider (one this build has: `config::validate` checks [`built`]).
pub fn adapter(psp: Psp) -> &'static dyn Adapter {
    match psp {
        #[cfg(feature = "omise")]
        Psp::Omise => &omise::Omise,
        #[cfg(feature = "wooshpay")]
        Psp::Wooshpay => &wooshpay::Wooshpay,
        #[cfg(feature = "ecommpay")]
        Psp::Ecommpay => &ecommpay::Ecommpay,
        #[allow(unreachable_patterns)]
        _ => &adapter::NotBuilt,
    }
}
