//! Shared helpers for the sandbox integration tests.
#![allow(dead_code)]

pub mod flows;
pub mod opn_types;
pub mod routes;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use base64::Engine;
use kasir_sandbox::{store::Store, AppState, Config};
use serde_json::Value;
use std::sync::Arc;
use tower::ServiceExt;

/// A state over an in-memory store, no shop webhooks, fast retries.
pub fn state() -> Arc<AppState> {
    let cfg = Config {
        no_shop_webhooks: true,
        retry_base_ms: 50,
        ..Config::default()
    };
    AppState::new(cfg, Store::memory().unwrap(), "http://127.0.0.1:9")
}

/// Basic auth header value for a key.
pub fn basic(key: &str) -> String {
    format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode(format!("{key}:"))
    )
}

/// Send one request through the router.
pub async fn send(
    st: &Arc<AppState>,
    method: &str,
    uri: &str,
    auth: Option<&str>,
    ctype: Option<&str>,
    body: &str,
    extra: &[(&str, &str)],
) -> (StatusCode, Value, axum::http::HeaderMap) {
    let mut b = Request::builder()
        .method(method)
        .uri(uri)
        .header("host", "sandbox.test");
    if let Some(a) = auth {
        b = b.header("authorization", a);
    }
    if let Some(c) = ctype {
        b = b.header("content-type", c);
    }
    for (k, v) in extra {
        b = b.header(*k, *v);
    }
    let resp = kasir_sandbox::app(st.clone())
        .oneshot(b.body(Body::from(body.to_string())).unwrap())
        .await
        .unwrap();
    let status = resp.status();
    let headers = resp.headers().clone();
    let bytes = axum::body::to_bytes(resp.into_body(), 1 << 22)
        .await
        .unwrap();
    let v = serde_json::from_slice(&bytes)
        .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&bytes).into_owned()));
    (status, v, headers)
}

/// JSON POST/GET with a key.
pub async fn json(
    st: &Arc<AppState>,
    method: &str,
    uri: &str,
    key: &str,
    body: Value,
) -> (StatusCode, Value) {
    let (s, v, _) = send(
        st,
        method,
        uri,
        Some(&basic(key)),
        Some("application/json"),
        &body.to_string(),
        &[],
    )
    .await;
    (s, v)
}

/// Create an order of the demo shop through the test control `POST /_sandbox/orders` (every
/// method the provider offers in the currency); its id.
pub async fn order(st: &Arc<AppState>, provider: &str, amount: i64, currency: &str) -> String {
    let body = serde_json::json!({"amount":amount,"currency":currency,"provider":provider});
    let (s, o, _) = send(
        st,
        "POST",
        "/_sandbox/orders",
        None,
        Some("application/json"),
        &body.to_string(),
        &[],
    )
    .await;
    assert_eq!(s, StatusCode::CREATED, "{o}");
    o["id"].as_str().unwrap().to_string()
}

/// `body` (a shop request with `amount` and `currency`) naming a new order of `provider` at
/// that price.
pub async fn with_order(st: &Arc<AppState>, provider: &str, mut body: Value) -> Value {
    let amount = body["amount"].as_i64().expect("amount");
    let currency = body["currency"].as_str().expect("currency").to_string();
    let id = order(st, provider, amount, &currency).await;
    body["orderId"] = Value::String(id);
    body
}
