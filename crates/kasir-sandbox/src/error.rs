//! One error type for every handler: [`ApiError`], rendered by its [`ErrorStyle`]. Each PSP
//! defines its style (Opn's `{"object":"error",…}`, WooshPay's `{"error":{…}}`, ecommpay's Gate
//! `{"status":"error",…}`) in its own folder; the sandbox's own endpoints use [`Plain`] (JSON
//! `{"error": …}`) or [`Html`]. Because the style is part of the type, a store failure inside an
//! ecommpay handler comes back ecommpay-shaped.

use crate::store::StoreError;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

/// How errors of one API look on the wire.
pub trait ErrorStyle: Sized + 'static {
    /// Style-specific fields (WooshPay's `type`/`param`, the Gate's ids); `()` when none.
    type Detail: Default + std::fmt::Debug;
    /// The response for an error.
    fn render(e: ApiError<Self>) -> Response;
}

/// A failed request: status, code, message and the style's own details.
#[derive(Debug)]
pub struct ApiError<S: ErrorStyle> {
    /// HTTP status.
    pub status: StatusCode,
    /// The API's error code.
    pub code: String,
    /// Human-readable message.
    pub message: String,
    /// Style-specific fields.
    pub detail: S::Detail,
}

impl<S: ErrorStyle> ApiError<S> {
    /// An error with default details.
    pub fn new(status: StatusCode, code: &str, message: &str) -> ApiError<S> {
        ApiError {
            status,
            code: code.to_string(),
            message: message.to_string(),
            detail: S::Detail::default(),
        }
    }
    /// The same error with these details.
    pub fn with(mut self, detail: S::Detail) -> ApiError<S> {
        self.detail = detail;
        self
    }
    /// A 500 `internal_error`.
    pub fn internal() -> ApiError<S> {
        ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal_error",
            "internal error",
        )
    }
    /// The same status, code and message in another style.
    pub fn restyle<T: ErrorStyle>(self) -> ApiError<T> {
        ApiError {
            status: self.status,
            code: self.code,
            message: self.message,
            detail: T::Detail::default(),
        }
    }
}

impl<S: ErrorStyle> From<StoreError> for ApiError<S> {
    fn from(e: StoreError) -> ApiError<S> {
        tracing::error!(error = %e, "store failure");
        ApiError::internal()
    }
}

impl<S: ErrorStyle> IntoResponse for ApiError<S> {
    fn into_response(self) -> Response {
        S::render(self)
    }
}

/// A JSON response with a status.
pub fn json_response<T: Serialize>(status: StatusCode, body: &T) -> Response {
    match serde_json::to_string(body) {
        Ok(s) => (status, [(header::CONTENT_TYPE, "application/json")], s).into_response(),
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

/// The sandbox's own JSON errors (test controls, demo shop): `{"error": message}`.
#[derive(Debug)]
pub struct Plain;

#[derive(Serialize)]
struct PlainBody<'a> {
    error: &'a str,
}

impl ErrorStyle for Plain {
    type Detail = ();
    fn render(e: ApiError<Plain>) -> Response {
        json_response(e.status, &PlainBody { error: &e.message })
    }
}

/// HTML errors of the customer pages: the code is the title, the message the explanation.
#[derive(Debug)]
pub struct Html;

impl ErrorStyle for Html {
    type Detail = ();
    fn render(e: ApiError<Html>) -> Response {
        crate::http::html(
            e.status,
            format!(
                "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{t}</title></head><body><h1 id=\"error\">{t}</h1><p>{d}</p></body></html>",
                t = crate::http::esc(&e.code),
                d = crate::http::esc(&e.message)
            ),
        )
    }
}
