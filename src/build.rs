//! What this build of the widget has: each PSP is a cargo feature (`omise`, `wooshpay`,
//! `ecommpay`; all by default), so the file `kasir.js` loads for a provider carries only it.

use kasir_core::Psp;

/// Whether this build has `psp`'s adapter.
pub fn has_provider(psp: Psp) -> bool {
    match psp {
        Psp::Omise => cfg!(feature = "omise"),
        Psp::Wooshpay => cfg!(feature = "wooshpay"),
        Psp::Ecommpay => cfg!(feature = "ecommpay"),
    }
}
