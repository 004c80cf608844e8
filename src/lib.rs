//! # Kasir: an embeddable checkout for Southeast Asian wallet, QR and instalment payments
//!
//! A Leptos component compiled to WebAssembly. A merchant embeds `dist/kasir.js` with one script
//! tag and calls `Kasir.mount(target, options)` (or adds `<div data-kasir …>`). The widget shows a
//! method picker (TrueMoney Wallet, TrueMoney QR, Akulaku, PromptPay), creates payment sources in
//! the browser with a **public** key, asks the merchant's server to create the payment, shows the
//! QR code or follows the redirect, polls the result and reports it to the host page with DOM
//! events (`kasir:*`), callbacks (`on*`) and the `checkout.result` promise.
//!
//! # Layout
//! - [`embed`]: the JavaScript API (mount, destroy, auto-mount), events, and the effect runner.
//! - [`config`]: options → validated [`config::Settings`]; every problem is a named
//!   [`config::KasirError`].
//! - [`flow`]: the pure checkout state machine (select → create → QR / redirect → result), the
//!   polling schedule and the redirect URL rule; tested natively.
//! - [`psp`]: one file per PSP for browser-side calls, plus the merchant hooks.
//! - [`actions`]: next-action views and mechanics: QR + countdown, redirects, polling.
//! - [`ui`]: the screens (picker, status, result).
//! - [`i18n`]: flat dotted keys, one file per locale.
//! - [`resume`]: the pending payment in `sessionStorage`, for reloads and returns.
//! - [`jsview`]: kasir-core's `JsonView` over JavaScript objects.
//!
//! # Design decisions
//! - PSP objects are interpreted by kasir-core through `JsonView`, so the same rules run in the
//!   sandbox's tests and in the browser, without serde_json in the bundle.
//! - Secret keys are refused before anything else; no request is sent with bad options.
//! - The DOM is only touched through Leptos views and a handful of `web_sys` calls; merchant and
//!   PSP strings are always text, never HTML (the only `inner_html` is our own QR SVG).

pub mod actions;
pub mod config;
pub mod embed;
pub mod flow;
pub mod i18n;
pub mod jsview;
pub mod net;
pub mod psp;
pub mod resume;
pub mod ui;
