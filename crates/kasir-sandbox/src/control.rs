//! Test-mode controls (`/_sandbox/*`), the completion dispatcher shared by the mark endpoint and
//! the customer pages, and the timer worker (expiries).

use crate::http::{self, Fail};
use crate::psp::{ecommpay, omise, wooshpay, wooshpay_checkout};
use crate::store::{self, now_ms};
use crate::AppState;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::{json, Value};
use std::sync::Arc;
use std::time::Duration;

/// How a pending payment ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Paid.
    Successful,
    /// Declined.
    Failed,
    /// Not paid in time.
    Expired,
}

impl Outcome {
    /// Parse `successful` / `failed` / `expired` (and `success`, `decline`, `approve`).
    pub fn parse(s: &str) -> Option<Outcome> {
        match s {
            "successful" | "success" | "succeeded" | "approve" | "paid" => {
                Some(Outcome::Successful)
            }
            "failed" | "decline" | "declined" | "fail" => Some(Outcome::Failed),
            "expired" | "expire" => Some(Outcome::Expired),
            _ => None,
        }
    }
}

/// The result of completing a payment.
#[derive(Debug, Clone)]
pub struct Finished {
    /// Which PSP owns the object (`omise`, `wooshpay`, `ecommpay`).
    pub psp: &'static str,
    /// The object after the change.
    pub object: Value,
    /// Whether the state changed (false when it was already final).
    pub changed: bool,
    /// Where to send the customer afterwards.
    pub return_url: Option<String>,
}

/// Complete the payment `id` (an Opn charge, a WooshPay intent or session, an ecommpay payment).
pub fn complete_tx(
    st: &AppState,
    c: &rusqlite::Connection,
    id: &str,
    o: Outcome,
) -> Result<Option<Finished>, Fail> {
    if let Some((object, changed)) = omise::finish(st, c, id, o)? {
        let return_url = object["return_uri"].as_str().map(str::to_string);
        return Ok(Some(Finished {
            psp: "omise",
            object,
            changed,
            return_url,
        }));
    }
    if let Some(f) = wooshpay::finish(st, c, id, o)? {
        return Ok(Some(f));
    }
    if let Some(f) = wooshpay_checkout::finish(st, c, id, o)? {
        return Ok(Some(f));
    }
    ecommpay::finish(st, c, id, o)
}

/// Complete in its own transaction and wake the outbox.
pub fn complete(st: &AppState, id: &str, o: Outcome) -> Result<Option<Finished>, Fail> {
    let r = st.store.tx(|c| complete_tx(st, c, id, o));
    st.notify.notify_one();
    r
}

/// Control routes.
pub fn routes() -> Router<Arc<AppState>> {
    Router::new()
        .route(
            "/_sandbox/health",
            get(|| async { Json(json!({"status":"ok"})) }),
        )
        .route("/_sandbox/charges/{id}/mark", post(mark))
        .route("/_sandbox/received/{payment_id}", get(received))
        .route("/_sandbox/outbox", get(outbox))
}

fn err(status: StatusCode, m: &str) -> Response {
    http::json(status, &json!({"error": m}))
}

async fn mark(
    State(st): State<Arc<AppState>>,
    Path(id): Path<String>,
    body: axum::body::Bytes,
) -> Response {
    let Ok(v) = serde_json::from_slice::<Value>(&body) else {
        return err(
            StatusCode::BAD_REQUEST,
            "body must be JSON {\"status\":\"successful\"|\"failed\"|\"expired\"}",
        );
    };
    let Some(o) = v["status"].as_str().and_then(Outcome::parse) else {
        return err(
            StatusCode::BAD_REQUEST,
            "status must be successful, failed or expired",
        );
    };
    match complete(&st, &id, o) {
        Ok(Some(f)) if f.changed => http::json(StatusCode::OK, &f.object),
        Ok(Some(f)) => http::json(
            StatusCode::CONFLICT,
            &json!({"error":"payment is not pending","object":f.object}),
        ),
        Ok(None) => err(StatusCode::NOT_FOUND, &format!("no payment {id}")),
        Err(Fail(s, v)) => http::json(s, &v),
    }
}

/// Stored kind of the form fields a customer page received.
pub const RECEIVED: &str = "received";

async fn received(State(st): State<Arc<AppState>>, Path(id): Path<String>) -> Response {
    match st.store.get(RECEIVED, &format!("rcv:{id}")) {
        Some(v) => http::json(StatusCode::OK, &v),
        None => err(StatusCode::NOT_FOUND, "nothing received for this payment"),
    }
}

async fn outbox(State(st): State<Arc<AppState>>) -> Response {
    match st.store.tx(|c| store::outbox_summary(c)) {
        Ok(v) => http::json(StatusCode::OK, &Value::Array(v)),
        Err(e) => err(StatusCode::INTERNAL_SERVER_ERROR, &e.to_string()),
    }
}

/// Fire due timers once.
pub fn fire_timers(st: &AppState) {
    let due = st
        .store
        .tx(|c| store::due_timers(c, now_ms()))
        .unwrap_or_default();
    for (id, kind) in due {
        let r = st.store.tx(|c| {
            store::clear_timer(c, &id)?;
            match kind.as_str() {
                "wooshpay_session_expire" => wooshpay_checkout::expire(st, c, &id).map(|_| ()),
                _ => complete_tx(st, c, &id, Outcome::Expired).map(|_| ()),
            }
        });
        tracing::info!(%id, %kind, ok = r.is_ok(), "timer fired");
    }
    st.notify.notify_one();
}

/// Run the timer worker forever (every 250 ms).
pub async fn run_timers(st: Arc<AppState>) {
    loop {
        fire_timers(&st);
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
}
