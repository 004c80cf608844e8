//! Opn Payments (Omise): create a source in the browser with the public key.

use crate::config::{KasirError, Settings};
use crate::jsview::Js;
use crate::net;
use js_sys::{Object, Reflect, JSON};
use kasir_core::view::JsonView;
use wasm_bindgen::JsValue;

/// `POST {apiBase}/sources` with HTTP Basic auth = public key, JSON body.
/// No `Idempotency-Key`: Opn does not document one and its CORS may not allow it.
pub async fn create_source(s: &Settings, wire_type: &str) -> Result<JsValue, KasirError> {
    let key = s
        .public_key
        .as_deref()
        .ok_or(KasirError::MissingPublicKey)?;
    let body = Object::new();
    let _ = Reflect::set(&body, &"type".into(), &wire_type.into());
    let _ = Reflect::set(
        &body,
        &"amount".into(),
        &JsValue::from_f64(s.money.minor as f64),
    );
    let _ = Reflect::set(&body, &"currency".into(), &s.money.currency.code().into());
    let body: String = JSON::stringify(&body).map(String::from).unwrap_or_default();
    let window = web_sys::window().ok_or_else(|| KasirError::Network("no window".into()))?;
    let auth = window
        .btoa(&format!("{key}:"))
        .map_err(|_| KasirError::MissingPublicKey)?;
    let v = net::request(
        "POST",
        &format!("{}/sources", s.api_base),
        &[
            ("Authorization", &format!("Basic {auth}")),
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
