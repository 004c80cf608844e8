//! Opn Payments (Omise): the browser creates the source with the public key; the merchant's
//! server creates the charge from it with the secret key and returns it (QR or
//! `authorize_uri`).

use crate::capability;
use crate::checkout::Ctx;
use crate::config::Settings;
use crate::error::KasirError;
use crate::jsview::{set, Js};
use crate::net;
use crate::psp::adapter::{AccountFuture, Adapter, PspFuture};
use js_sys::{Object, JSON};
use kasir_core::catalogue::{Account, Input, Offer};
use kasir_core::status::{interpret_omise, InterpretError, Payment};
use kasir_core::view::JsonView;
use wasm_bindgen::JsValue;

/// The Opn adapter.
pub struct Omise;

impl Adapter for Omise {
    fn interpret(&self, obj: &Js) -> Result<Payment, InterpretError> {
        interpret_omise(obj)
    }

    /// Opn's `GET /capability` (the catalogue when it fails or is slow).
    fn account(&self, ctx: &Ctx) -> Option<AccountFuture> {
        let read = capability::read(ctx);
        Some(Box::pin(async move {
            read.await.unwrap_or_else(Account::everything)
        }))
    }

    fn prepare<'a>(&'a self, ctx: &'a Ctx, offer: &'static Offer) -> PspFuture<'a> {
        let body = source_fields(ctx, offer);
        Box::pin(create_source(&ctx.settings, body))
    }
}

/// The source's fields beyond amount and currency: the type (with the bank where it is part
/// of it), the shopper's validated inputs, the platform, and the account's zero-interest flag
/// for instalments.
fn source_fields(ctx: &Ctx, offer: &'static Offer) -> Object {
    let mobile = ctx.device.mobile;
    let given = ctx.details.given.borrow();
    let body = Object::new();
    let kind = offer.wire_name_with(mobile, given.bank);
    set(&body, "type", &kind.into());
    let text = |k: &str, v: &Option<String>| {
        if let Some(v) = v {
            set(&body, k, &v.into());
        }
    };
    text("phone_number", &given.phone);
    text("email", &given.email);
    if offer.asks(Input::Bank, mobile) {
        text("bank", &given.bank.map(str::to_string));
    }
    if let Some(term) = given.term {
        set(&body, "installment_term", &JsValue::from(term));
        let zero = ctx
            .account
            .borrow()
            .as_ref()
            .is_some_and(|a| a.zero_interest_installments);
        set(
            &body,
            "zero_interest_installments",
            &JsValue::from_bool(zero),
        );
    }
    if mobile && offer.platform_type {
        let platform = if ctx.device.os == "ios" {
            "IOS"
        } else {
            "ANDROID"
        };
        set(&body, "platform_type", &platform.into());
    }
    body
}

/// `POST {apiBase}/sources` with HTTP Basic auth = public key, JSON body (`body` holds the
/// type and the method's fields; amount and currency are added here).
/// No `Idempotency-Key`: Opn does not document one and its CORS may not allow it.
pub async fn create_source(s: &Settings, body: Object) -> Result<JsValue, KasirError> {
    let auth = net::basic_auth(s.public_key.as_deref())?;
    set(&body, "amount", &JsValue::from_f64(s.money.minor as f64));
    set(&body, "currency", &s.money.currency.code().into());
    let body: String = JSON::stringify(&body).map(String::from).unwrap_or_default();
    let v = net::request(
        "POST",
        &[&s.api_base, "/sources"].concat(),
        &[
            ("Authorization", &auth),
            ("Content-Type", "application/json"),
        ],
        Some(&body),
    )
    .await?;
    let obj = Js(v.clone());
    match obj.str_at(&["object"]).as_deref() {
        Some("source") => Ok(v),
        Some("error") => Err(KasirError::Psp {
            code: obj.str_at(&["code"]).unwrap_or_default(),
            message: obj.str_at(&["message"]).unwrap_or_default(),
        }),
        _ => Err(KasirError::InvalidResponse(
            "POST /sources did not return a source".into(),
        )),
    }
}
