//! What every Opn handler shares: stored kinds, the Opn error style, authentication, request
//! parameters, idempotent creates and loading a charge.

use crate::error::{json_response, ApiError, ErrorStyle};
use crate::http;
use crate::idempotency::idempotent;
use crate::params::parse_params;
use crate::state::AppState;
use crate::store;
use axum::body::Body;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use kasir_core::wire::omise::{Charge, Error};
use serde::{de::DeserializeOwned, Serialize};
use serde_json::Value;

/// Stored kind of a charge.
pub const CHARGE: &str = "omise_charge";
/// Stored kind of a source.
pub const SOURCE: &str = "omise_source";
/// Stored kind of an event.
pub const EVENT: &str = "omise_event";
/// Stored kind of a charge's TrueMoney funding source (sandbox control).
pub const FUNDING: &str = "omise_funding";

/// Opn errors: `{"object":"error","location":…,"code":…,"message":…}`.
#[derive(Debug)]
pub struct OpnStyle;

impl ErrorStyle for OpnStyle {
    type Detail = ();
    fn render(e: ApiError<OpnStyle>) -> Response {
        let body = Error {
            object: "error".into(),
            location: Some(format!(
                "https://www.omise.co/api-errors#{}",
                e.code.replace('_', "-")
            )),
            code: e.code,
            message: e.message,
        };
        json_response(e.status, &body)
    }
}

/// An Opn error.
pub type OpnError = ApiError<OpnStyle>;
/// An Opn handler's result.
pub type OpnResult<T> = Result<T, OpnError>;

/// An Opn error with a status, code and message.
pub fn err(status: StatusCode, code: &str, message: &str) -> OpnError {
    ApiError::new(status, code, message)
}

/// `not_found`: "`what` `id` was not found".
pub fn not_found(what: &str, id: &str) -> OpnError {
    err(
        StatusCode::NOT_FOUND,
        "not_found",
        &format!("{what} {id} was not found"),
    )
}

/// Which key authenticated the call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// The public key.
    Public,
    /// The secret key.
    Secret,
}

/// Check credentials; `public_ok` allows the public key too.
pub fn auth(st: &AppState, headers: &HeaderMap, public_ok: bool) -> OpnResult<Key> {
    let k = http::credential(headers).unwrap_or_default();
    if k == st.cfg.omise.secret_key {
        Ok(Key::Secret)
    } else if public_ok && k == st.cfg.omise.public_key {
        Ok(Key::Public)
    } else {
        Err(err(
            StatusCode::UNAUTHORIZED,
            "authentication_failure",
            "authentication failed",
        ))
    }
}

/// Read and parse a body into parameters (and the raw text, the idempotency fingerprint).
pub async fn params(headers: &HeaderMap, body: Body) -> OpnResult<(Value, String)> {
    let bytes = http::read_body(body).await.ok_or_else(|| {
        err(
            StatusCode::PAYLOAD_TOO_LARGE,
            "bad_request",
            "request body is too large",
        )
    })?;
    let v = parse_params(headers, &bytes)
        .map_err(|m| err(StatusCode::BAD_REQUEST, "bad_request", &m))?;
    Ok((v, String::from_utf8_lossy(&bytes).into_owned()))
}

/// Run an idempotent Opn create.
pub fn idem<T: Serialize + DeserializeOwned>(
    st: &AppState,
    scope: &str,
    headers: &HeaderMap,
    raw: &str,
    f: impl FnOnce(&rusqlite::Transaction<'_>) -> OpnResult<T>,
) -> OpnResult<T> {
    let conflict = || {
        err(
            StatusCode::BAD_REQUEST,
            "bad_request",
            "idempotency key was already used with a different request",
        )
    };
    idempotent(st, scope, headers, raw, conflict, f)
}

/// Load a charge or fail with `not_found`.
pub fn load(c: &rusqlite::Connection, id: &str) -> OpnResult<Charge> {
    store::get(c, CHARGE, id)?.ok_or_else(|| not_found("charge", id))
}
