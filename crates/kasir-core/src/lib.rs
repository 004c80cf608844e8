//! Pure payment domain code shared by the Kasir widget (wasm32) and the Kasir sandbox (native).
//!
//! Nothing here touches the network, the DOM, the clock or the file system: every function is a
//! pure transformation, so all of it is unit-tested natively and the same code runs in the
//! browser.
//!
//! # Layout
//! - [`money`]: amounts in minor units with ISO-4217 exponents, locale formatting, checked maths.
//! - [`catalogue`]: the payment methods, which PSP offers which (wire names, currencies, amount
//!   limits and refund rules taken from the PSPs' own documents), and [`catalogue::availability`].
//! - [`view`]: [`view::JsonView`], a read-only view over a JSON-like object. It is implemented for
//!   `serde_json::Value` here and for `JsValue` in the widget, so the interpretation of PSP objects
//!   is shared without pulling `serde_json` into the wasm bundle.
//! - [`status`]: the unified [`status::Payment`] (status + next action) interpreted from an Opn
//!   charge, a WooshPay payment intent / checkout session or an ecommpay Gate answer / callback.
//! - [`terms`]: the amount a PSP object is for and the lifetime the PSP gives it.
//! - [`text`]: numbers as text without `core::fmt` (kept out of the widget's wasm).
//! - [`time`]: RFC 3339 ↔ Unix milliseconds without a date library.
//! - `wire` (feature `json`): serde types for every PSP object in the seeds.
//! - `signature` (feature `signature`): ecommpay HMAC-SHA512 signing, Opn and WooshPay webhook
//!   signatures.
//!
//! # Design decisions
//! - Money never touches floating point: parsing and formatting work on decimal strings and `i64`
//!   minor units, and every arithmetic operation is checked.
//! - Every failure is a named error type (`thiserror`); no function panics on any input.
//! - The widget builds this crate with `default-features = false`: only money, catalogue, view,
//!   status and time, which keeps serde_json and the hash functions out of the shopper's bundle.

pub mod catalogue;
pub mod money;
pub mod shopper;
#[cfg(feature = "signature")]
pub mod signature;
pub mod status;
pub mod terms;
pub mod text;
pub mod time;
pub mod view;
#[cfg(feature = "json")]
pub mod wire;

pub use catalogue::{availability, Availability, Flow, Input, MethodId, Offer, Psp, Unavailable};
pub use money::{Currency, Locale, Money, MoneyError};
pub use status::{NextAction, Payment, PaymentStatus, RedirectMethod};
