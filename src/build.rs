//! What this build of the widget has: each PSP is a cargo feature (`omise`, `wooshpay`,
//! `ecommpay`; all by default), so the file `kasir.js` loads for a provider carries only it.

use kasir_core::catalogue::{asks_inputs, Account};
use kasir_core::status::posts_redirects;
use kasir_core::Psp;

/// Whether this build has `psp`'s adapter.
pub fn has_provider(psp: Psp) -> bool {
    match psp {
        Psp::Omise => cfg!(feature = "omise"),
        Psp::Wooshpay => cfg!(feature = "wooshpay"),
        Psp::Ecommpay => cfg!(feature = "ecommpay"),
    }
}

/// Whether a method of this build's PSPs asks the shopper for something (phone, bank, plan,
/// email). Known at compile time: a build without such a method (WooshPay's, ecommpay's)
/// carries no input controls or validation.
pub const ASKS_INPUTS: bool = (cfg!(feature = "omise") && asks_inputs(Psp::Omise))
    || (cfg!(feature = "wooshpay") && asks_inputs(Psp::Wooshpay))
    || (cfg!(feature = "ecommpay") && asks_inputs(Psp::Ecommpay));

/// Whether a PSP of this build can answer a redirect to follow with a POST form (ecommpay's):
/// the other builds carry no form code.
pub const POSTS_REDIRECTS: bool = (cfg!(feature = "omise") && posts_redirects(Psp::Omise))
    || (cfg!(feature = "wooshpay") && posts_redirects(Psp::Wooshpay))
    || (cfg!(feature = "ecommpay") && posts_redirects(Psp::Ecommpay));

/// The account a merchant can give in the options (`capability`): Opn's `GET /capability`. A
/// build without Opn has no such value (`Infallible`), so it carries no code for one (it still
/// refuses the option by name).
#[cfg(feature = "omise")]
pub type GivenAccount = Account;
/// The account a merchant can give in the options: none without Opn.
#[cfg(not(feature = "omise"))]
pub type GivenAccount = std::convert::Infallible;

/// A given account as the catalogue's [`Account`].
pub fn given_account(given: GivenAccount) -> Account {
    #[cfg(feature = "omise")]
    return given;
    #[cfg(not(feature = "omise"))]
    match given {}
}
