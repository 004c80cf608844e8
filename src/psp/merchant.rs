//! The merchant-server hooks: `createPayment` / `retrievePayment` functions, or the
//! `createPaymentUrl` / `retrievePaymentUrl` endpoints the widget calls itself.

use crate::error::KasirError;
use crate::jsview::get;
use crate::net;
use js_sys::{Function, Promise, JSON};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

fn hook_error(e: JsValue) -> KasirError {
    let message = e
        .as_string()
        .or_else(|| get(&e, "message").as_string())
        .unwrap_or_else(|| "the merchant hook failed".into());
    let code = get(&e, "code")
        .as_string()
        .unwrap_or_else(|| "merchant_error".into());
    KasirError::Psp { code, message }
}

async fn call_hook(f: &Function, arg: &JsValue) -> Result<JsValue, KasirError> {
    let r = f.call1(&JsValue::NULL, arg).map_err(hook_error)?;
    JsFuture::from(Promise::resolve(&r))
        .await
        .map_err(hook_error)
}

/// A hook the poller calls: abandoned (a `Network` error, retried) when it hangs.
async fn call_hook_within_timeout(f: &Function, arg: &JsValue) -> Result<JsValue, KasirError> {
    let r = f.call1(&JsValue::NULL, arg).map_err(hook_error)?;
    match net::within_timeout(Promise::resolve(&r)).await {
        Ok(v) => Ok(v),
        Err(e) if e.as_string().as_deref() == Some(net::TIMED_OUT) => {
            Err(KasirError::Network(net::TIMED_OUT.into()))
        }
        Err(e) => Err(hook_error(e)),
    }
}

/// Ask the merchant server to start the payment; returns the PSP's own object.
pub async fn create_payment(options: &JsValue, request: &JsValue) -> Result<JsValue, KasirError> {
    if let Some(f) = get(options, "createPayment").dyn_ref::<Function>() {
        return call_hook(f, request).await;
    }
    if let Some(url) = get(options, "createPaymentUrl").as_string() {
        let body: String = JSON::stringify(request)
            .map(String::from)
            .unwrap_or_default();
        return net::request(
            "POST",
            &url,
            &[("Content-Type", "application/json")],
            Some(&body),
        )
        .await;
    }
    Err(KasirError::MissingCreatePayment)
}

/// Ask the merchant server for the payment's current state.
pub async fn retrieve_payment(
    options: &JsValue,
    payment: &JsValue,
    id: &str,
) -> Result<JsValue, KasirError> {
    if let Some(f) = get(options, "retrievePayment").dyn_ref::<Function>() {
        return call_hook_within_timeout(f, payment).await;
    }
    if let Some(url) = get(options, "retrievePaymentUrl").as_string() {
        let sep = if url.contains('?') { "&" } else { "?" };
        return net::request(
            "GET",
            &[&url, sep, "id=", &net::encode(id)].concat(),
            &[],
            None,
        )
        .await;
    }
    Err(KasirError::MissingCreatePayment)
}

/// Whether the merchant gave a way to retrieve payments (`retrievePayment` or
/// `retrievePaymentUrl`).
pub fn has_retrieve(options: &JsValue) -> bool {
    get(options, "retrievePayment").is_function()
        || get(options, "retrievePaymentUrl").as_string().is_some()
}
