//! WooshPay: confirm and retrieve a payment intent from the browser with the publishable key
//! and the intent's `client_secret` (the merchant server created the intent with its secret key).

use crate::config::{KasirError, Settings};
use crate::net;
use js_sys::{Array, Object, Reflect, JSON};
use wasm_bindgen::JsValue;

/// The intent id inside a client secret (`pi_…_secret_…`).
pub fn intent_id(client_secret: &str) -> Option<&str> {
    client_secret
        .split_once("_secret_")
        .map(|(id, _)| id)
        .filter(|id| {
            id.starts_with("pi_") && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
        })
}

fn auth(s: &Settings) -> Result<String, KasirError> {
    let key = s
        .public_key
        .as_deref()
        .ok_or(KasirError::MissingPublicKey)?;
    let w = web_sys::window().ok_or_else(|| KasirError::Network("no window".into()))?;
    Ok(format!(
        "Basic {}",
        w.btoa(&format!("{key}:"))
            .map_err(|_| KasirError::MissingPublicKey)?
    ))
}

fn set(o: &Object, k: &str, v: &JsValue) {
    let _ = Reflect::set(o, &JsValue::from_str(k), v);
}

/// `POST /v1/payment_intents/{id}/confirm` with `payment_method_types: [method]`, the device's
/// `terminal_type` (WEB on desktop, WAP on phones) and `os_type`, `return_url`, and the attempt's
/// `Idempotency-Key` (WooshPay documents idempotency errors, so its CORS allows the header).
pub async fn confirm(
    s: &Settings,
    client_secret: &str,
    wire: &str,
    mobile: bool,
    os: &str,
    idempotency_key: &str,
) -> Result<JsValue, KasirError> {
    let id = intent_id(client_secret).ok_or_else(|| {
        KasirError::InvalidResponse("clientSecret is not a payment intent secret".into())
    })?;
    let body = Object::new();
    set(&body, "client_secret", &client_secret.into());
    set(&body, "payment_method_types", &Array::of1(&wire.into()));
    let opts = Object::new();
    set(
        &opts,
        "terminal_type",
        &(if mobile { "WAP" } else { "WEB" }).into(),
    );
    match os {
        "android" => set(&opts, "os_type", &"ANDROID".into()),
        "ios" => set(&opts, "os_type", &"IOS".into()),
        _ => {}
    }
    let pmo = Object::new();
    set(&pmo, wire, &opts);
    set(&body, "payment_method_options", &pmo);
    if let Some(r) = &s.return_url {
        set(&body, "return_url", &r.into());
    }
    let body: String = JSON::stringify(&body).map(String::from).unwrap_or_default();
    net::request(
        "POST",
        &format!("{}/v1/payment_intents/{id}/confirm", s.api_base),
        &[
            ("Authorization", &auth(s)?),
            ("Content-Type", "application/json"),
            ("Idempotency-Key", idempotency_key),
        ],
        Some(&body),
    )
    .await
}

/// `GET /v1/payment_intents/{id}?client_secret=…` with the publishable key.
pub async fn retrieve(s: &Settings, client_secret: &str) -> Result<JsValue, KasirError> {
    let id = intent_id(client_secret).ok_or_else(|| {
        KasirError::InvalidResponse("clientSecret is not a payment intent secret".into())
    })?;
    net::request(
        "GET",
        &format!(
            "{}/v1/payment_intents/{id}?client_secret={}",
            s.api_base,
            net::encode(client_secret)
        ),
        &[("Authorization", &auth(s)?)],
        None,
    )
    .await
}
