//! What every WooshPay handler shares: stored kinds, the Stripe-shaped error style,
//! authentication, parameters, idempotent creates and list objects.

use crate::error::{json_response, ApiError, ErrorStyle};
use crate::http;
use crate::idempotency::idempotent;
use crate::paging::page;
use crate::params::parse_params;
use crate::state::AppState;
use axum::body::Body;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use kasir_core::wire::wooshpay::{Error, ErrorEnvelope, List};
use serde::{de::DeserializeOwned, Serialize};
use serde_json::Value;
use std::collections::HashMap;

/// Stored kind of a payment intent.
pub const PI: &str = "wooshpay_pi";
/// Stored kind of a checkout session.
pub const SESSION: &str = "wooshpay_cs";
/// Stored kind of a refund.
pub const REFUND: &str = "wooshpay_refund";
/// Stored kind of an event.
pub const EVENT: &str = "wooshpay_event";
/// Stored kind of a webhook endpoint.
pub const ENDPOINT: &str = "wooshpay_we";

/// WooshPay errors: `{"error":{"type","code","message","param"}}`.
#[derive(Debug)]
pub struct WooshpayStyle;

/// The `type` and `param` of a WooshPay error.
#[derive(Debug, Default)]
pub struct Detail {
    /// `invalid_request_error` (the default below 500), `api_error` (500), `idempotency_error`.
    pub kind: Option<&'static str>,
    /// The offending parameter.
    pub param: Option<String>,
}

impl ErrorStyle for WooshpayStyle {
    type Detail = Detail;
    fn render(e: ApiError<WooshpayStyle>) -> Response {
        let kind = e.detail.kind.unwrap_or(if e.status.is_server_error() {
            "api_error"
        } else {
            "invalid_request_error"
        });
        let body = ErrorEnvelope {
            error: Error {
                kind: kind.into(),
                code: Some(e.code),
                message: e.message,
                param: e.detail.param,
            },
        };
        json_response(e.status, &body)
    }
}

/// A WooshPay error.
pub type WpError = ApiError<WooshpayStyle>;
/// A WooshPay handler's result.
pub type WpResult<T> = Result<T, WpError>;

/// A WooshPay error of a `type`.
pub fn err(
    status: StatusCode,
    kind: &'static str,
    code: &str,
    message: &str,
    param: Option<&str>,
) -> WpError {
    ApiError::new(status, code, message).with(Detail {
        kind: Some(kind),
        param: param.map(str::to_string),
    })
}

/// A 400 `invalid_request_error`.
pub fn invalid(code: &str, message: &str, param: Option<&str>) -> WpError {
    err(
        StatusCode::BAD_REQUEST,
        "invalid_request_error",
        code,
        message,
        param,
    )
}

/// A 404 `resource_missing` for `object` `id`.
pub fn missing(object: &str, id: &str, param: &str) -> WpError {
    err(
        StatusCode::NOT_FOUND,
        "invalid_request_error",
        "resource_missing",
        &format!("No such {object}: '{id}'"),
        Some(param),
    )
}

/// Authenticate; `Ok(true)` for the secret key, `Ok(false)` for the publishable key when allowed.
pub fn auth(st: &AppState, headers: &HeaderMap, public_ok: bool) -> WpResult<bool> {
    let k = http::credential(headers).unwrap_or_default();
    if k == st.cfg.wooshpay.secret_key {
        Ok(true)
    } else if public_ok && k == st.cfg.wooshpay.publishable_key {
        Ok(false)
    } else {
        Err(err(
            StatusCode::UNAUTHORIZED,
            "invalid_request_error",
            "api_key_invalid",
            "Invalid API Key provided",
            None,
        ))
    }
}

/// Read a JSON or form body (and the raw text, the idempotency fingerprint).
pub async fn params(headers: &HeaderMap, body: Body) -> WpResult<(Value, String)> {
    let bytes = http::read_body(body).await.ok_or_else(|| {
        err(
            StatusCode::PAYLOAD_TOO_LARGE,
            "invalid_request_error",
            "request_too_large",
            "Request body is too large",
            None,
        )
    })?;
    let v = parse_params(headers, &bytes).map_err(|m| invalid("parameter_invalid", &m, None))?;
    Ok((v, String::from_utf8_lossy(&bytes).into_owned()))
}

/// Run an idempotent create (Stripe semantics for `Idempotency-Key`).
pub fn idem<T: Serialize + DeserializeOwned>(
    st: &AppState,
    scope: &str,
    headers: &HeaderMap,
    raw: &str,
    f: impl FnOnce(&rusqlite::Transaction<'_>) -> WpResult<T>,
) -> WpResult<T> {
    let conflict = || {
        err(
            StatusCode::BAD_REQUEST,
            "idempotency_error",
            "idempotency_key_in_use",
            "Keys for idempotent requests can only be used with the same parameters they were first used with.",
            None,
        )
    };
    idempotent(st, scope, headers, raw, conflict, f)
}

/// A Stripe-style list: newest first, `limit` (default 10), `has_more`.
pub fn list<T>(url: &str, mut all: Vec<T>, q: &HashMap<String, String>) -> List<T> {
    all.reverse();
    let p = page(q, 10, all);
    List {
        object: "list".into(),
        url: Some(url.into()),
        has_more: Some(p.has_more()),
        data: p.data,
        extra: Default::default(),
    }
}
