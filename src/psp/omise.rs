//! Opn Payments (Omise): the browser creates the source with the public key; the merchant's
//! server creates the charge from it with the secret key and returns it (QR or
//! `authorize_uri`).

use crate::checkout::Ctx;
use crate::config::Settings;
use crate::error::KasirError;
use crate::jsview::{set, Js};
use crate::net;
use crate::psp::adapter::{Adapter, PspFuture};
use js_sys::{Object, JSON};
use kasir_core::catalogue::Offer;
use kasir_core::view::JsonView;
use wasm_bindgen::JsValue;

/// The Opn adapter.
pub struct Omise;

impl Adapter for Omise {
    fn prepare<'a>(&'a self, ctx: &'a Ctx, offer: &'static Offer) -> PspFuture<'a> {
        Box::pin(create_source(
            &ctx.settings,
            offer.wire_name_for(ctx.device.mobile),
        ))
    }
}

/// `POST {apiBase}/sources` with HTTP Basic auth = public key, JSON body.
/// No `Idempotency-Key`: Opn does not document one and its CORS may not allow it.
pub async fn create_source(s: &Settings, wire_type: &str) -> Result<JsValue, KasirError> {
    let auth = net::basic_auth(s.public_key.as_deref())?;
    let body = Object::new();
    set(&body, "type", &wire_type.into());
    set(&body, "amount", &JsValue::from_f64(s.money.minor as f64));
    set(&body, "currency", &s.money.currency.code().into());
    let body: String = JSON::stringify(&body).map(String::from).unwrap_or_default();
    let v = net::request(
        "POST",
        &format!("{}/sources", s.api_base),
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
