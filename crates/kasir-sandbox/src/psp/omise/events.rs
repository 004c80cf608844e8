//! Opn events: recorded for every change and delivered, signed at send time, to every webhook.

use super::api::{auth, not_found, OpnResult, EVENT};
use super::lists::paged;
use crate::delivery;
use crate::ids::opn_id;
use crate::retry::RetrySchedule;
use crate::shop::paths::OMISE_WEBHOOK;
use crate::state::AppState;
use crate::store::{self, now_ms, StoreError};
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::Json;
use kasir_core::catalogue::Psp;
use kasir_core::time::format_rfc3339;
use kasir_core::wire::omise::{Event, List, WebhookDelivery};
use serde::Serialize;
use std::collections::HashMap;
use std::sync::Arc;

/// Opn's webhook retries. The reference has no schedule for Opn: the sandbox's own choice is
/// doubling from 10 s, at most an hour apart, for a day.
pub const RETRIES: RetrySchedule = RetrySchedule {
    fixed: &[],
    growing_from: 10,
    max_interval: 3600,
    max_attempts: 100,
    max_age: 86_400,
};

/// Record an event about `data` and queue its webhook deliveries.
pub fn emit<T: Serialize>(
    st: &AppState,
    c: &rusqlite::Connection,
    key: &str,
    data: &T,
) -> Result<Event, StoreError> {
    let id = opn_id("evnt");
    let mut urls = st.cfg.omise.webhook.clone();
    if !st.cfg.no_shop_webhooks {
        urls.push(format!("{}{OMISE_WEBHOOK}", st.base()));
    }
    let event = Event {
        object: "event".into(),
        livemode: Some(false),
        location: Some(format!("/events/{id}")),
        key: key.into(),
        created_at: Some(format_rfc3339(now_ms())),
        data: serde_json::to_value(data)?,
        webhook_deliveries: Some(
            urls.iter()
                .map(|u| WebhookDelivery {
                    object: "webhook_delivery".into(),
                    id: opn_id("whdl"),
                    uri: u.clone(),
                    status: None,
                    key: Some(key.into()),
                    extra: Default::default(),
                })
                .collect(),
        ),
        id,
        extra: Default::default(),
    };
    store::put(c, EVENT, &event.id, &event)?;
    let body = serde_json::to_string(&event)?;
    for u in urls.iter().filter(|u| !u.is_empty()) {
        delivery::queue(c, Psp::Omise, u, Some(""), &body, key, &event.id)?;
    }
    Ok(event)
}

/// `GET /events`.
pub async fn list(
    State(st): State<Arc<AppState>>,
    headers: HeaderMap,
    Query(q): Query<HashMap<String, String>>,
) -> OpnResult<Json<List<Event>>> {
    auth(&st, &headers, false)?;
    let all = st.store.list(EVENT)?;
    Ok(Json(paged(&q, all, "/events", |e: &Event| {
        e.created_at.as_deref()
    })))
}

/// `GET /events/:id`.
pub async fn get(
    State(st): State<Arc<AppState>>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> OpnResult<Json<Event>> {
    auth(&st, &headers, false)?;
    st.store
        .get(EVENT, &id)
        .map(Json)
        .ok_or_else(|| not_found("event", &id))
}
