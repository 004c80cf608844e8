//! Opn refunds, events (with signed webhook deliveries), lists and capability.

use super::omise::{self, auth, err, load, params, reply, CHARGE};
use crate::http::{self, int_param, Fail};
use crate::store::{self, now_ms};
use crate::AppState;
use axum::body::Body;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use kasir_core::catalogue::{offer_by_wire_name, Psp};
use kasir_core::time::{format_rfc3339, parse_rfc3339_ms};
use serde_json::{json, Value};
use std::collections::HashMap;
use std::sync::Arc;

/// Stored kind of an event.
pub const EVENT: &str = "omise_event";
type St = State<Arc<AppState>>;

/// An Opn list object over `data` (already paginated by the caller).
fn list_obj(
    location: &str,
    data: Vec<Value>,
    limit: usize,
    offset: usize,
    total: usize,
    now: i64,
) -> Value {
    json!({"object":"list","data":data,"limit":limit,"offset":offset,"total":total,"location":location,
           "order":"chronological","from":"1970-01-01T00:00:00Z","to":format_rfc3339(now)})
}

/// The `refunds` list embedded in a charge.
pub fn refund_list(charge_id: &str, refunds: &[Value], now: i64) -> Value {
    list_obj(
        &format!("/charges/{charge_id}/refunds"),
        refunds.to_vec(),
        20,
        0,
        refunds.len(),
        now,
    )
}

/// Record an event and queue its webhook deliveries (signed at send time).
pub fn emit(
    st: &AppState,
    c: &rusqlite::Connection,
    key: &str,
    data: &Value,
) -> Result<Value, Fail> {
    let id = http::opn_id("evnt");
    let mut urls = st.cfg.omise_webhook.clone();
    if !st.cfg.no_shop_webhooks {
        urls.push(format!("{}/shop/api/webhooks/omise", st.base()));
    }
    let event = json!({"object":"event","id":id,"livemode":false,"location":format!("/events/{id}"),
        "key":key,"created_at":format_rfc3339(now_ms()),"data":data,"webhook_deliveries":
        urls.iter().map(|u| json!({"object":"webhook_delivery","id":http::opn_id("whdl"),"uri":u,"status":null,"key":key})).collect::<Vec<_>>()});
    store::put(c, EVENT, &id, &event)?;
    let body = event.to_string();
    for u in urls.iter().filter(|u| !u.is_empty()) {
        crate::outbox::enqueue(c, u, json!({"x-kasir-sign":"omise"}), &body, key, &id)?;
    }
    Ok(event)
}

/// Paginate a stored kind for a list endpoint (`limit`, `offset`, `order`, `from`, `to`).
fn paged(q: &HashMap<String, String>, mut all: Vec<Value>, location: &str) -> Value {
    let ts = |v: &Value| {
        v["created_at"]
            .as_str()
            .and_then(|s| parse_rfc3339_ms(s).ok())
            .unwrap_or(0)
    };
    if let Some(from) = q.get("from").and_then(|s| parse_rfc3339_ms(s).ok()) {
        all.retain(|v| ts(v) >= from);
    }
    if let Some(to) = q.get("to").and_then(|s| parse_rfc3339_ms(s).ok()) {
        all.retain(|v| ts(v) <= to);
    }
    if q.get("order").map(String::as_str) == Some("reverse_chronological") {
        all.reverse();
    }
    let limit = q
        .get("limit")
        .and_then(|s| s.parse().ok())
        .unwrap_or(20usize)
        .clamp(1, 100);
    let offset = q
        .get("offset")
        .and_then(|s| s.parse().ok())
        .unwrap_or(0usize);
    let total = all.len();
    let data = all.into_iter().skip(offset).take(limit).collect();
    let mut l = list_obj(location, data, limit, offset, total, now_ms());
    if let Some(o) = q.get("order") {
        l["order"] = json!(o);
    }
    l
}

/// `GET /charges`.
pub async fn list_charges(
    State(st): St,
    headers: HeaderMap,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    reply(auth(&st, &headers, false).map(|_| paged(&q, st.store.list(CHARGE), "/charges")))
}

/// `GET /events`.
pub async fn list_events(
    State(st): St,
    headers: HeaderMap,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    reply(auth(&st, &headers, false).map(|_| paged(&q, st.store.list(EVENT), "/events")))
}

/// `GET /events/:id`.
pub async fn get_event(State(st): St, headers: HeaderMap, Path(id): Path<String>) -> Response {
    reply(auth(&st, &headers, false).and_then(|_| {
        st.store.get(EVENT, &id).ok_or_else(|| {
            err(
                StatusCode::NOT_FOUND,
                "not_found",
                &format!("event {id} was not found"),
            )
        })
    }))
}

fn day(ms: i64) -> i64 {
    ms.div_euclid(86_400_000)
}

/// Apply a refund to a charge inside a transaction (seed 004 void / refund rules).
pub fn refund_tx(
    st: &AppState,
    c: &rusqlite::Connection,
    id: &str,
    p: &Value,
) -> Result<Value, Fail> {
    let fr = |m: &str| err(StatusCode::BAD_REQUEST, "failed_refund", m);
    let mut ch = load(c, id)?;
    let amount = int_param(p, "amount")
        .map_err(|_| {
            err(
                StatusCode::BAD_REQUEST,
                "invalid_amount",
                "amount is not a number",
            )
        })?
        .ok_or_else(|| {
            err(
                StatusCode::BAD_REQUEST,
                "invalid_amount",
                "amount is not a number",
            )
        })?;
    if amount <= 0 {
        return Err(err(
            StatusCode::BAD_REQUEST,
            "invalid_amount",
            "amount must be greater than 0",
        ));
    }
    if ch["status"] != "successful" {
        return Err(fr("charge is not successful and cannot be refunded"));
    }
    let total = ch["amount"].as_i64().unwrap_or(0);
    let refunded = ch["refunded_amount"].as_i64().unwrap_or(0);
    if amount > total - refunded {
        return Err(fr(
            "amount must be less than or equal to the unrefunded amount",
        ));
    }
    let rule = offer_by_wire_name(Psp::Omise, ch["source"]["type"].as_str().unwrap_or(""))
        .map(|o| o.refunds)
        .unwrap_or(kasir_core::catalogue::RefundRule::NONE);
    let now = now_ms();
    let created = ch["created_at"]
        .as_str()
        .and_then(|s| parse_rfc3339_ms(s).ok())
        .unwrap_or(now);
    let paid = ch["paid_at"]
        .as_str()
        .and_then(|s| parse_rfc3339_ms(s).ok())
        .unwrap_or(created);
    let full = amount == total && refunded == 0;
    let same_day = day(now) == day(paid);
    let voided = if same_day {
        if full && rule.void_full || !full && rule.void_partial {
            true
        } else {
            return Err(fr("this charge cannot be voided for this amount"));
        }
    } else {
        if let Some(days) = rule.refund_window_days {
            if now - created > i64::from(days) * 86_400_000 {
                return Err(fr(&format!(
                    "charge can only be refunded within {days} days"
                )));
            }
        }
        if !(full && rule.refund_full || !full && rule.refund_partial) {
            return Err(fr(if rule.refund_full {
                "only full refunds are allowed for this payment method"
            } else {
                "charge cannot be refunded"
            }));
        }
        false
    };
    let existing: Vec<Value> = ch["refunds"]["data"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    if !(existing.is_empty() || rule.multiple_partial || voided && rule.void_partial) {
        return Err(fr(
            "multiple partial refunds are not allowed for this payment method",
        ));
    }
    let rid = http::opn_id("rfnd");
    let refund = json!({"object":"refund","id":rid,"location":format!("/charges/{id}/refunds/{rid}"),
        "livemode":false,"amount":amount,"currency":ch["currency"],"charge":id,"transaction":http::opn_id("trxn"),
        "created_at":format_rfc3339(now),"voided":voided,"status":"closed","funding_amount":amount,
        "funding_currency":ch["currency"],"metadata":p.get("metadata").cloned().unwrap_or(json!({})),
        "terminal":null,"acquirer_reference_number":null,"approval_code":null});
    let mut all = existing;
    all.push(refund.clone());
    let new_refunded = refunded + amount;
    ch["refunded_amount"] = json!(new_refunded);
    ch["refunds"] = refund_list(id, &all, now);
    ch["refundable"] = json!(new_refunded < total && rule.multiple_partial);
    ch["partially_refundable"] = json!(false);
    if voided && new_refunded == total {
        ch["voided"] = json!(true);
    }
    store::put(c, CHARGE, id, &ch)?;
    emit(st, c, "refund.create", &refund)?;
    Ok(refund)
}

/// `POST /charges/:id/refunds`.
pub async fn create_refund(
    State(st): St,
    headers: HeaderMap,
    Path(id): Path<String>,
    body: Body,
) -> Response {
    if let Err(e) = auth(&st, &headers, false) {
        return reply(Err(e));
    }
    let (p, raw) = match params(&headers, body).await {
        Ok(x) => x,
        Err(e) => return reply(Err(e)),
    };
    omise::idem_reply(&st, &format!("omise:refunds:{id}"), &headers, &raw, |c| {
        refund_tx(&st, c, &id, &p)
    })
}

/// `GET /charges/:id/refunds`.
pub async fn list_refunds(
    State(st): St,
    headers: HeaderMap,
    Path(id): Path<String>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    reply(auth(&st, &headers, false).and_then(|_| {
        let ch = st.store.tx(|c| load(c, &id))?;
        let data = ch["refunds"]["data"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        Ok(paged(&q, data, &format!("/charges/{id}/refunds")))
    }))
}

/// `GET /charges/:id/refunds/:rid`.
pub async fn get_refund(
    State(st): St,
    headers: HeaderMap,
    Path((id, rid)): Path<(String, String)>,
) -> Response {
    reply(auth(&st, &headers, false).and_then(|_| {
        let ch = st.store.tx(|c| load(c, &id))?;
        ch["refunds"]["data"]
            .as_array()
            .and_then(|a| a.iter().find(|r| r["id"] == json!(rid)).cloned())
            .ok_or_else(|| {
                err(
                    StatusCode::NOT_FOUND,
                    "not_found",
                    &format!("refund {rid} was not found"),
                )
            })
    }))
}

/// `GET /capability` (public or secret key).
pub async fn capability(State(st): St, headers: HeaderMap) -> Response {
    reply(auth(&st, &headers, true).map(|_| {
        // one entry per wire name, with the currencies of every catalogue row that has it
        let mut names: Vec<(&str, Vec<&str>)> = Vec::new();
        for o in kasir_core::catalogue::offers_of(Psp::Omise) {
            for name in std::iter::once(o.wire_name).chain(o.wire_name_mobile) {
                match names.iter_mut().find(|(n, _)| *n == name) {
                    Some((_, cur)) => cur.push(o.currency.code()),
                    None => names.push((name, vec![o.currency.code()])),
                }
            }
        }
        let methods: Vec<Value> = names
            .into_iter()
            .map(|(name, currencies)| json!({"object":"payment_method","name":name,"currencies":currencies,
                "card_brands":null,"installment_terms":null,"banks":null,"provider":null}))
            .collect();
        json!({"object":"capability","location":"/capability","country":"TH","banks":[],
               "payment_methods":methods,"tokenization_methods":[],"zero_interest_installments":false,
               "limits":{"charge_amount":{"max":15_000_000,"min":2000}}})
    }))
}
