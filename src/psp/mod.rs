//! Talking to the PSP from the browser (public key only) and to the merchant's server hooks.
//! One file per PSP; they never import each other.

pub mod merchant;
pub mod omise;
pub mod wooshpay;
