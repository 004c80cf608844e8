//! What a PSP adapter does for the controller. Each PSP is one implementation in its own file;
//! the defaults are the plain merchant-server path (the merchant's `createPayment` creates the
//! PSP object, its `retrievePayment` returns it), so an adapter only says where its PSP differs.

use crate::checkout::Ctx;
use crate::error::KasirError;
use crate::jsview::Js;
use crate::psp::merchant;
use kasir_core::catalogue::{Account, Offer};
use kasir_core::status::{InterpretError, Payment};
use std::future::Future;
use std::pin::Pin;
use wasm_bindgen::JsValue;

/// A PSP call in flight (browser futures are not `Send`).
pub type PspFuture<'a> = Pin<Box<dyn Future<Output = Result<JsValue, KasirError>> + 'a>>;

/// A payment found on the page's return URL: the PSP object to interpret, and its
/// browser-side secret.
pub type Returned = (JsValue, Option<String>);

/// The account's enabled methods being read (it ends with the account, or the catalogue).
pub type AccountFuture = Pin<Box<dyn Future<Output = Account>>>;

/// One PSP's browser side.
pub trait Adapter {
    /// A PSP object (an answer, a callback, a polled state) by this PSP's rules (kasir-core).
    fn interpret(&self, obj: &Js) -> Result<Payment, InterpretError>;

    /// What the merchant's account has enabled, when this PSP can tell the browser (the picker
    /// waits for it); `None`: the catalogue is the account, at once. A call it makes is sent
    /// when this is called (the widget calls it while it mounts).
    fn account(&self, _ctx: &Ctx) -> Option<AccountFuture> {
        None
    }

    /// Before the merchant is asked: what the browser creates with the public key (Opn: the
    /// source), passed to the merchant as `source`; `null` when nothing.
    fn prepare<'a>(&'a self, _ctx: &'a Ctx, _offer: &'static Offer) -> PspFuture<'a> {
        Box::pin(async { Ok(JsValue::NULL) })
    }

    /// Create (or confirm) the payment: the merchant's `createPayment` with `request`, then
    /// whatever the PSP needs from the browser. Returns the PSP object to interpret.
    fn create<'a>(
        &'a self,
        ctx: &'a Ctx,
        _offer: &'static Offer,
        request: &'a JsValue,
        _idempotency_key: &'a str,
    ) -> PspFuture<'a> {
        Box::pin(merchant::create_payment(&ctx.options, request))
    }

    /// The payment's current state (polling).
    fn retrieve<'a>(&'a self, ctx: &'a Ctx, id: &'a str) -> PspFuture<'a> {
        retrieve_from_merchant(ctx, id)
    }

    /// A payment this PSP names in the page's URL after a return from its page (none unless
    /// the PSP appends one).
    fn resume_from_return(&self, _ctx: &Ctx) -> Option<Returned> {
        None
    }

    /// The query parameters the PSP appends to the return URL (left out of the default
    /// `returnUrl`, which is this page).
    fn return_params(&self) -> &'static [&'static str] {
        &[]
    }

    /// Whether a desktop shopper may finish an app redirect (the catalogue row's flow) on a
    /// phone instead, given the created PSP object.
    fn desktop_handoff(&self, _created: &JsValue) -> bool {
        false
    }

    /// Whether this PSP's flows may need a QR encoded in the browser (a payload without an
    /// image, the desktop handoff): the QR module is then fetched as soon as the picker shows.
    fn encodes_qr(&self) -> bool {
        false
    }
}

/// The payment's current state from the merchant's `retrievePayment` (the default path).
pub fn retrieve_from_merchant<'a>(ctx: &'a Ctx, id: &'a str) -> PspFuture<'a> {
    let last = ctx.last_payment.borrow().clone();
    Box::pin(async move { merchant::retrieve_payment(&ctx.options, &last, id).await })
}

/// Stands in for a provider this build lacks; never reached, as `config::validate` refuses the
/// provider first (`provider_not_built`).
pub struct NotBuilt;

impl Adapter for NotBuilt {
    fn interpret(&self, _obj: &Js) -> Result<Payment, InterpretError> {
        Err(InterpretError::Unexpected {
            psp: "none",
            what: "a provider this build lacks".into(),
        })
    }
}
