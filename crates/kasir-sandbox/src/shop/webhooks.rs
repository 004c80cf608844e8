//! The demo shop's webhook receivers (Opn and WooshPay, signatures verified), and the record of
//! everything the shop received (`GET /shop/api/webhooks`).

use super::order::{bad, ShopError};
use super::paths::{OMISE_WEBHOOK, WOOSHPAY_WEBHOOK};
use crate::http;
use crate::ids::alnum_lower;
use crate::state::AppState;
use crate::store::{self, now_ms, StoreError};
use axum::body::Body;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::routing::{get, post};
use axum::{Json, Router};
use kasir_core::catalogue::Psp;
use kasir_core::signature::{opn_webhook_verify, wooshpay_webhook_verify};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::sync::Arc;

/// Stored kind of a webhook/callback the shop received.
pub const SHOP_WEBHOOK: &str = "shop_webhook";

/// One webhook or callback the shop received.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Hook {
    /// Which PSP sent it.
    pub psp: String,
    /// Its signature checked out.
    pub verified: bool,
    /// The body.
    pub body: Value,
    /// Unix milliseconds.
    pub received_at: i64,
}

/// `{"status":"ok"}`.
#[derive(Debug, Serialize)]
pub struct Ok {
    status: &'static str,
}

/// The receivers' answer.
pub fn ok() -> Json<Ok> {
    Json(Ok { status: "ok" })
}

/// Webhook routes.
pub fn routes() -> Router<Arc<AppState>> {
    Router::new()
        .route(OMISE_WEBHOOK, post(omise))
        .route(WOOSHPAY_WEBHOOK, post(wooshpay))
        .route("/shop/api/webhooks", get(list))
}

/// Record what a PSP sent.
pub fn save_hook(st: &AppState, psp: Psp, verified: bool, body: &Value) -> Result<(), StoreError> {
    let rec = Hook {
        psp: psp.as_str().into(),
        verified,
        body: body.clone(),
        received_at: now_ms(),
    };
    st.store
        .tx(|c| store::put(c, SHOP_WEBHOOK, &format!("hook_{}", alnum_lower(20)), &rec))
}

fn header<'a>(headers: &'a HeaderMap, name: &str) -> &'a str {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
}

async fn omise(
    State(st): State<Arc<AppState>>,
    headers: HeaderMap,
    body: Body,
) -> Result<Json<Ok>, ShopError> {
    let bytes = http::read_body(body)
        .await
        .ok_or_else(|| bad("too large"))?;
    opn_webhook_verify(
        &st.cfg.omise.webhook_secret,
        header(&headers, "omise-signature-timestamp"),
        &bytes,
        header(&headers, "omise-signature"),
    )
    .map_err(|_| bad("signature mismatch"))?;
    let v: Value = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
    save_hook(&st, Psp::Omise, true, &v)?;
    Ok(ok())
}

async fn wooshpay(
    State(st): State<Arc<AppState>>,
    headers: HeaderMap,
    body: Body,
) -> Result<Json<Ok>, ShopError> {
    let bytes = http::read_body(body)
        .await
        .ok_or_else(|| bad("too large"))?;
    wooshpay_webhook_verify(
        &st.cfg.wooshpay.webhook_secret,
        &bytes,
        header(&headers, "wooshpay-signature"),
    )
    .map_err(|_| bad("signature mismatch"))?;
    let v: Value = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
    save_hook(&st, Psp::Wooshpay, true, &v)?;
    Ok(ok())
}

async fn list(State(st): State<Arc<AppState>>) -> Result<Json<Vec<Hook>>, ShopError> {
    Ok(Json(st.store.list(SHOP_WEBHOOK)?))
}
