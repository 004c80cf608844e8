//! Minimal JSON-over-fetch and HTTP Basic auth with a public key (no client crate: every KB in
//! the bundle is paid by every shopper).

use crate::error::KasirError;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Headers, Request, RequestInit, Response};

fn js_message(e: &JsValue) -> String {
    e.as_string()
        .or_else(|| crate::jsview::get(e, "message").as_string())
        .unwrap_or_else(|| "request failed".into())
}

/// Send a request and parse the JSON answer, whatever the HTTP status (PSP error objects are
/// interpreted by the caller). Fails with `Network` when nothing came back and
/// `InvalidResponse` when the answer is not JSON.
pub async fn request(
    method: &str,
    url: &str,
    headers: &[(&str, &str)],
    body: Option<&str>,
) -> Result<JsValue, KasirError> {
    let init = RequestInit::new();
    init.set_method(method);
    let h = Headers::new().map_err(|e| KasirError::Network(js_message(&e)))?;
    for (k, v) in headers {
        h.set(k, v)
            .map_err(|e| KasirError::Network(js_message(&e)))?;
    }
    init.set_headers(&h);
    if let Some(b) = body {
        init.set_body(&JsValue::from_str(b));
    }
    let req = Request::new_with_str_and_init(url, &init)
        .map_err(|e| KasirError::Network(js_message(&e)))?;
    let window = web_sys::window().ok_or_else(|| KasirError::Network("no window".into()))?;
    let resp: Response = JsFuture::from(window.fetch_with_request(&req))
        .await
        .map_err(|e| KasirError::Network(js_message(&e)))?
        .unchecked_into();
    let status = resp.status();
    let json = resp
        .json()
        .map_err(|e| KasirError::Network(js_message(&e)))?;
    JsFuture::from(json)
        .await
        .map_err(|_| KasirError::InvalidResponse(format!("HTTP {status} from {url} is not JSON")))
}

/// `encodeURIComponent`.
pub fn encode(s: &str) -> String {
    String::from(js_sys::encode_uri_component(s))
}

/// `Basic base64(key:)`: HTTP Basic auth with a **public** key as the user name (Opn, WooshPay).
pub fn basic_auth(key: Option<&str>) -> Result<String, KasirError> {
    let key = key.ok_or(KasirError::MissingPublicKey)?;
    let w = web_sys::window().ok_or_else(|| KasirError::Network("no window".into()))?;
    let b64 = w
        .btoa(&format!("{key}:"))
        .map_err(|_| KasirError::MissingPublicKey)?;
    Ok(format!("Basic {b64}"))
}
