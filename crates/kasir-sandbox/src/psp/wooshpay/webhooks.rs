//! WooshPay events and their signed deliveries; webhook endpoints
//! (`POST/GET /v1/webhook_endpoints`).

use super::api::{auth, idem, invalid, list, params, WpResult, ENDPOINT, EVENT};
use crate::delivery;
use crate::ids::{alnum, snowflake};
use crate::params::str_param;
use crate::retry::RetrySchedule;
use crate::shop::paths::WOOSHPAY_WEBHOOK;
use crate::state::AppState;
use crate::store::{self, now_ms, StoreError};
use axum::body::Body;
use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::Json;
use kasir_core::catalogue::Psp;
use kasir_core::wire::wooshpay::{Event, EventData, List, WebhookEndpoint};
use serde::Serialize;
use serde_json::Value;
use std::collections::HashMap;
use std::sync::Arc;

/// WooshPay's webhook retries (psp-apis.md §3.5): exponential, 18 attempts over up to 3 days
/// (from 2 s, doubling, at most a day apart).
pub const RETRIES: RetrySchedule = RetrySchedule {
    fixed: &[],
    growing_from: 2,
    max_interval: 86_400,
    max_attempts: 18,
    max_age: 3 * 86_400,
};

/// Record an event about `object` and queue signed deliveries to every subscribed endpoint.
pub fn emit<T: Serialize>(
    st: &AppState,
    c: &rusqlite::Connection,
    kind: &str,
    object: &T,
) -> Result<(), StoreError> {
    let event = Event {
        id: snowflake("evt"),
        object: "event".into(),
        api_version: Some("1.0.1".into()),
        created: now_ms(),
        livemode: Some(false),
        kind: kind.into(),
        data: EventData {
            object: serde_json::to_value(object)?,
        },
        extra: Default::default(),
    };
    store::put(c, EVENT, &event.id, &event)?;
    let body = serde_json::to_string(&event)?;
    let secret = &st.cfg.wooshpay.webhook_secret;
    let mut targets: Vec<(String, String)> = st
        .cfg
        .wooshpay
        .webhook
        .iter()
        .map(|u| (u.clone(), secret.clone()))
        .collect();
    if !st.cfg.no_shop_webhooks {
        targets.push((format!("{}{WOOSHPAY_WEBHOOK}", st.base()), secret.clone()));
    }
    for we in store::list::<WebhookEndpoint>(c, ENDPOINT)? {
        if we.enabled_events.iter().any(|e| e == "*" || e == kind) {
            targets.push((we.url, we.secret.unwrap_or_default()));
        }
    }
    for (url, secret) in targets.iter().filter(|(u, _)| !u.is_empty()) {
        delivery::queue(c, Psp::Wooshpay, url, Some(secret), &body, kind, &event.id)?;
    }
    Ok(())
}

/// `POST /v1/webhook_endpoints`.
pub async fn create_endpoint(
    State(st): State<Arc<AppState>>,
    headers: HeaderMap,
    body: Body,
) -> WpResult<Json<WebhookEndpoint>> {
    auth(&st, &headers, false)?;
    let (p, raw) = params(&headers, body).await?;
    let we = idem(&st, "wooshpay:we", &headers, &raw, |c| {
        let url = str_param(&p, "url")
            .filter(|u| u.starts_with("http://") || u.starts_with("https://"))
            .ok_or_else(|| {
                invalid(
                    "url_invalid",
                    "Invalid URL: must be an http(s) URL.",
                    Some("url"),
                )
            })?;
        let events: Vec<String> = match p.get("enabled_events") {
            Some(Value::Array(a)) if !a.is_empty() => a
                .iter()
                .map(|e| {
                    e.as_str().map(str::to_string).ok_or_else(|| {
                        invalid(
                            "parameter_invalid",
                            "enabled_events must be strings",
                            Some("enabled_events"),
                        )
                    })
                })
                .collect::<WpResult<_>>()?,
            _ => {
                return Err(invalid(
                    "parameter_missing",
                    "Missing required param: enabled_events.",
                    Some("enabled_events"),
                ))
            }
        };
        let we = WebhookEndpoint {
            id: snowflake("we"),
            object: "webhook_endpoint".into(),
            url,
            enabled_events: events,
            api_version: Some(str_param(&p, "api_version").unwrap_or_else(|| "1.0.1".into())),
            secret: Some(format!("whsec_{}", alnum(32))),
            status: Some("enabled".into()),
            created: now_ms(),
            livemode: Some(false),
            description: str_param(&p, "description"),
            extra: Default::default(),
        };
        store::put(c, ENDPOINT, &we.id, &we)?;
        Ok(we)
    })?;
    Ok(Json(we))
}

/// `GET /v1/webhook_endpoints`.
pub async fn list_endpoints(
    State(st): State<Arc<AppState>>,
    headers: HeaderMap,
    Query(q): Query<HashMap<String, String>>,
) -> WpResult<Json<List<WebhookEndpoint>>> {
    auth(&st, &headers, false)?;
    Ok(Json(list(
        "/v1/webhook_endpoints",
        st.store.list(ENDPOINT)?,
        &q,
    )))
}
