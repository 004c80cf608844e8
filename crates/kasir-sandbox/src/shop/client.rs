//! The shop's in-process HTTP client: it calls the sandbox's PSP routes through the same
//! router (auth, validation, idempotency) a real merchant's HTTP calls would hit.

use crate::http::basic_auth;
use crate::registry;
use crate::state::AppState;
use axum::body::Body;
use axum::http::{header, HeaderValue, Method, Request, StatusCode};
use serde::Serialize;
use serde_json::Value;
use std::sync::Arc;
use tower::ServiceExt;

/// One call to a PSP route.
pub struct Call<'a> {
    /// HTTP method.
    pub method: Method,
    /// Path and query.
    pub uri: &'a str,
    /// The browser's `Host` (so URLs in the answer point where the browser can reach).
    pub host: Option<&'a HeaderValue>,
    /// API key (Basic auth).
    pub key: Option<&'a str>,
    /// `Idempotency-Key`.
    pub idempotency_key: Option<&'a str>,
}

/// Send `body` (JSON) and return the PSP's status and JSON answer.
pub async fn call<B: Serialize>(
    st: &Arc<AppState>,
    c: Call<'_>,
    body: Option<&B>,
) -> (StatusCode, Value) {
    let mut req = Request::builder().method(c.method).uri(c.uri);
    if let Some(h) = c.host {
        req = req.header(header::HOST, h.clone());
    }
    if let Some(k) = c.key {
        req = req.header(header::AUTHORIZATION, basic_auth(k));
    }
    if let Some(i) = c.idempotency_key.filter(|i| !i.is_empty()) {
        req = req.header("Idempotency-Key", i);
    }
    let body = match body.map(serde_json::to_string) {
        Some(Ok(s)) => {
            req = req.header(header::CONTENT_TYPE, "application/json");
            Body::from(s)
        }
        _ => Body::empty(),
    };
    let Ok(req) = req.body(body) else {
        return (StatusCode::BAD_REQUEST, Value::Null);
    };
    let Ok(resp) = registry::routes().with_state(st.clone()).oneshot(req).await;
    let status = resp.status();
    let bytes = axum::body::to_bytes(resp.into_body(), 1 << 20)
        .await
        .unwrap_or_default();
    (
        status,
        serde_json::from_slice(&bytes).unwrap_or(Value::Null),
    )
}
