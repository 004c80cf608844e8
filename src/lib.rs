//! # Kasir: an embeddable checkout for Southeast Asian wallet, QR and instalment payments
//!
//! A Leptos component compiled to WebAssembly. A merchant embeds `dist/kasir.js` with one script
//! tag and calls `Kasir.mount(target, options)` (or adds `<div data-kasir …>`). The widget shows a
//! method picker (the provider's methods from kasir-core's catalogue), creates payment sources in
//! the browser with a **public** key, asks the merchant's server to create the payment, shows the
//! QR code or follows the redirect, polls the result and reports it to the host page with DOM
//! events (`kasir:*`), callbacks (`on*`) and the `checkout.result` promise.
//!
//! # Layout
//! - [`embed`]: the JavaScript API only (mount, destroy, auto-mount).
//! - [`options`]: the option ↔ `data-*` attribute table; JavaScript options → [`config::RawOptions`].
//! - [`config`]: raw options → validated [`config::Settings`] (pure, tested natively).
//! - [`error`]: [`error::KasirError`], every named error with its stable code.
//! - [`events`]: `kasir:*` events, `on*` callbacks, `postMessage` to and from a parent page.
//! - [`checkout`]: one mounted checkout's state ([`checkout::Ctx`]) and its Leptos context.
//! - [`build`]: which PSPs this build has (cargo features, one build per provider for `kasir.js`).
//! - [`capability`]: what the merchant's account has enabled (Opn `GET /capability`, for its adapter).
//! - [`details`]: the shopper's inputs (phone, email, bank, plan) and their validation.
//! - [`form`]: those inputs' controls in the DOM (values, errors, plan options).
//! - [`controller`]: pay, the state machine's effects, polling, cancel, "check again".
//! - [`pickup`]: resuming a payment after a reload or a return (only this checkout's own).
//! - [`flows`]: the ways into pay, "check again" and pickup; in a shipped build their code is a
//!   wasm chunk of its own, fetched once the picker is drawn (cargo feature `split`).
//! - [`flow`]: the pure checkout state machine (select → create → QR / redirect → result), the
//!   tested natively.
//! - [`schedule`]: polling backoff, the polling bound, request timeouts, the countdown text,
//!   all on the page's monotonic clock (pure, tested natively).
//! - [`psp`]: one adapter per PSP behind [`psp::Adapter`] (`omise`, `wooshpay`, `ecommpay`), and
//!   the merchant hooks (`merchant`). The only place that knows which PSP is which.
//! - [`actions`]: mechanics only: polling with backoff (`poll`), GET/POST redirects (`redirect`).
//! - [`ui`]: the screens as `#[component]`s taking the checkout as a prop: `picker`, `qr`,
//!   `handoff`, `result`, `status` (redirecting, confirming), `inputs` (the shopper's details),
//!   with `focus` and `icons` helpers.
//! - `qr_encoder`: the QR module (`crates/kasir-qr`), loaded on demand through the loader
//!   (cargo feature `qr-encoder`, in the builds whose PSP needs it).
//! - [`i18n`]: flat dotted keys, one file per locale.
//! - [`resume`]: the pending payment in `sessionStorage`, for reloads and returns.
//! - [`page`]: the host page: target, device, own URL, random ids, shadow-root stylesheet.
//! - [`url`]: the redirect URL rule and GET query strings (pure, tested natively).
//! - [`jsview`]: kasir-core's `JsonView` over JavaScript objects, and the `Reflect` helpers.
//! - [`net`]: JSON over `fetch`, HTTP Basic auth with a public key.
//!
//! Imports only go down this list's dependency order (embed → controller → psp → checkout →
//! config/flow/i18n …); no two files import each other.
//!
//! # Design decisions
//! - PSP objects are interpreted by kasir-core through `JsonView`, so the same rules run in the
//!   sandbox's tests and in the browser, without serde_json in the bundle.
//! - Methods are catalogue rows: the picker, the wire names and the flow (QR, redirect, app
//!   redirect and its desktop handoff) come from kasir-core, so a new method on an existing flow
//!   touches no widget file.
//! - Secret keys are refused before anything else; no request is sent with bad options.
//! - The DOM is only touched through Leptos views and a handful of `web_sys` calls; merchant and
//!   PSP strings are always text, never HTML (the only `inner_html` is our own QR SVG).

pub mod actions;
pub mod build;
pub mod capability;
pub mod checkout;
pub mod config;
pub mod controller;
pub mod details;
pub mod embed;
pub mod error;
pub mod events;
pub mod flow;
pub mod flows;
pub mod form;
pub mod i18n;
pub mod jsview;
pub mod net;
pub mod options;
pub mod page;
pub mod pickup;
pub mod psp;
#[cfg(feature = "qr-encoder")]
pub mod qr_encoder;
pub mod resume;
pub mod schedule;
pub mod ui;
pub mod url;

/// The widget's allocator: `lol_alloc`'s free list (sorted, coalescing; the widget's heap is a few
/// hundred KB of short-lived view and request data) instead of std's dlmalloc, 4.7 KB less code
/// in every build. The QR module has its own (crates/kasir-qr, built alone).
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: lol_alloc::LockedAllocator<lol_alloc::FreeListAllocator> =
    lol_alloc::LockedAllocator::new(lol_alloc::FreeListAllocator::new());
