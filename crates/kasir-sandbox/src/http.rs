//! HTTP plumbing shared by every route: body reading with a size limit, credentials, the
//! caller's base URL, HTML responses and escaping, CORS for browser-callable endpoints.

use crate::state::AppState;
use axum::body::{Body, Bytes};
use axum::http::{header, HeaderMap, HeaderName, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use base64::Engine;
use tower_http::cors::{AllowOrigin, CorsLayer};

/// Largest accepted request body.
pub const BODY_LIMIT: usize = 64 * 1024;

/// An HTML response.
pub fn html(status: StatusCode, body: String) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        body,
    )
        .into_response()
}

/// Read a request body; `None` when it exceeds [`BODY_LIMIT`] or fails.
pub async fn read_body(body: Body) -> Option<Bytes> {
    axum::body::to_bytes(body, BODY_LIMIT).await.ok()
}

/// The value of an `Authorization: Basic` header for an API key (key as username).
pub fn basic_auth(key: &str) -> String {
    let b = base64::engine::general_purpose::STANDARD.encode(format!("{key}:"));
    format!("Basic {b}")
}

/// The API key sent: the Basic username, or the Bearer token.
pub fn credential(headers: &HeaderMap) -> Option<String> {
    let h = headers.get(header::AUTHORIZATION)?.to_str().ok()?.trim();
    if let Some(b) = h
        .strip_prefix("Basic ")
        .or_else(|| h.strip_prefix("basic "))
    {
        let raw = base64::engine::general_purpose::STANDARD
            .decode(b.trim())
            .ok()?;
        let s = String::from_utf8(raw).ok()?;
        return Some(s.split(':').next().unwrap_or("").to_string());
    }
    h.strip_prefix("Bearer ")
        .or_else(|| h.strip_prefix("bearer "))
        .map(|t| t.trim().to_string())
}

/// The base URL as the caller sees it (`http://<Host>`), falling back to the bound address.
pub fn base_url(headers: &HeaderMap, st: &AppState) -> String {
    match headers.get(header::HOST).and_then(|v| v.to_str().ok()) {
        Some(h) if !h.is_empty() && h.chars().all(|c| c.is_ascii_graphic()) => {
            format!("http://{h}")
        }
        _ => st.base(),
    }
}

/// Escape text for HTML element content and attribute values.
pub fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            c => o.push(c),
        }
    }
    o
}

/// A CORS layer that allows any origin (browser-callable endpoints only).
pub fn cors_any() -> CorsLayer {
    CorsLayer::new()
        .allow_origin(AllowOrigin::mirror_request())
        .allow_methods([Method::GET, Method::POST, Method::DELETE, Method::OPTIONS])
        .allow_headers([
            header::AUTHORIZATION,
            header::CONTENT_TYPE,
            HeaderName::from_static("idempotency-key"),
        ])
        .max_age(std::time::Duration::from_secs(600))
}
