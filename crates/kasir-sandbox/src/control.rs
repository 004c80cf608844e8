//! Test-mode controls (`/_sandbox/*`): complete any PSP's payment, see what a provider page
//! received, see the outbox and every delivery's state (`/_sandbox/deliveries`, and the
//! `/_sandbox` page), health, and create the demo shop's orders (`POST /_sandbox/orders`,
//! [`crate::shop::test_orders`]).

use crate::control_page;
use crate::customer_page;
use crate::delivery::{self, DeliveryState, OutboxEntry};
use crate::error::{json_response, ApiError, Plain};
use crate::outcome::Outcome;
use crate::registry;
use crate::state::AppState;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Serialize;
use serde_json::Value;
use std::collections::HashMap;
use std::sync::Arc;

type St = State<Arc<AppState>>;

/// Control routes.
pub fn routes() -> Router<Arc<AppState>> {
    Router::new()
        .route("/_sandbox/health", get(health))
        .route("/_sandbox/charges/{id}/mark", post(mark))
        .route("/_sandbox/received/{payment_id}", get(received))
        .route("/_sandbox/outbox", get(outbox))
        .route("/_sandbox/deliveries", get(deliveries))
        .route("/_sandbox", get(page))
        .merge(crate::shop::test_orders::routes())
}

#[derive(Serialize)]
struct Health {
    status: &'static str,
}

async fn health() -> Json<Health> {
    Json(Health { status: "ok" })
}

#[derive(Serialize)]
struct NotPending {
    error: &'static str,
    object: Value,
}

fn bad(status: StatusCode, m: &str) -> ApiError<Plain> {
    ApiError::new(status, "bad_request", m)
}

async fn mark(
    State(st): St,
    Path(id): Path<String>,
    body: axum::body::Bytes,
) -> Result<Response, ApiError<Plain>> {
    let m: Value = serde_json::from_slice(&body).map_err(|_| {
        bad(
            StatusCode::BAD_REQUEST,
            "body must be JSON {\"status\":\"successful\"|\"failed\"|\"expired\"}",
        )
    })?;
    let o = m["status"]
        .as_str()
        .and_then(Outcome::parse)
        .ok_or_else(|| {
            bad(
                StatusCode::BAD_REQUEST,
                "status must be successful, failed or expired",
            )
        })?;
    match registry::complete(&st, &id, o)? {
        Some(f) if f.changed => Ok(json_response(StatusCode::OK, &f.object)),
        Some(f) => Ok(json_response(
            StatusCode::CONFLICT,
            &NotPending {
                error: "payment is not pending",
                object: f.object,
            },
        )),
        None => Err(bad(StatusCode::NOT_FOUND, &format!("no payment {id}"))),
    }
}

async fn received(
    State(st): St,
    Path(id): Path<String>,
) -> Result<Json<customer_page::Received>, ApiError<Plain>> {
    customer_page::received(&st, &id)
        .map(Json)
        .ok_or_else(|| bad(StatusCode::NOT_FOUND, "nothing received for this payment"))
}

async fn outbox(State(st): St) -> Result<Json<Vec<OutboxEntry>>, ApiError<Plain>> {
    Ok(Json(st.store.tx(|c| delivery::outbox_summary(c))?))
}

/// The delivery states `?state=` may ask for.
const STATES: &[&str] = &["pending", "delivered", "given_up"];

async fn deliveries(
    State(st): St,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Json<Vec<DeliveryState>>, ApiError<Plain>> {
    let want = q.get("state").map(String::as_str);
    if let Some(w) = want.filter(|w| !STATES.contains(w)) {
        return Err(bad(
            StatusCode::BAD_REQUEST,
            &format!("state must be pending, delivered or given_up, not {w:.40}"),
        ));
    }
    let all = st.store.tx(|c| delivery::list(c))?;
    Ok(Json(
        all.into_iter()
            .filter(|d| want.is_none_or(|w| d.state == w))
            .collect(),
    ))
}

async fn page(State(st): St) -> Result<Response, ApiError<Plain>> {
    let all = st.store.tx(|c| delivery::list(c))?;
    Ok(crate::http::html(
        StatusCode::OK,
        control_page::render(&all),
    ))
}
