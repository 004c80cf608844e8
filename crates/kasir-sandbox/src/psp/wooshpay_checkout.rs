//! WooshPay checkout sessions: line items, a hosted page (the sandbox's customer page),
//! millisecond `expires_at` (24 h by default) and completion through the linked payment intent.

use super::wooshpay::{self, auth, idem_reply, invalid, list_obj, params, reply, PI};
use crate::control::{Finished, Outcome};
use crate::http::{self, base_url, int_param, str_param, Fail};
use crate::store::{self, now_ms};
use crate::AppState;
use axum::body::Body;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;
use serde_json::{json, Value};
use std::collections::HashMap;
use std::sync::Arc;

/// Stored kind of a checkout session.
pub const SESSION: &str = "wooshpay_cs";
type St = State<Arc<AppState>>;

/// Checkout session routes.
pub fn routes() -> Router<Arc<AppState>> {
    Router::new()
        .route("/v1/checkout/sessions", post(create).get(list))
        .route("/v1/checkout/sessions/{id}", get(retrieve))
        .route("/v1/checkout/sessions/{id}/expire", post(expire_now))
}

fn line_items(p: &Value) -> Result<(Vec<Value>, i64, String), Fail> {
    let Some(Value::Array(items)) = p.get("line_items") else {
        return Err(invalid(
            "parameter_missing",
            "Missing required param: line_items.",
            Some("line_items"),
        ));
    };
    if items.is_empty() {
        return Err(invalid(
            "parameter_missing",
            "Missing required param: line_items.",
            Some("line_items"),
        ));
    }
    let (mut out, mut total, mut currency) = (Vec::new(), 0i64, None::<String>);
    for (i, it) in items.iter().enumerate() {
        let pd = &it["price_data"];
        let param = |f: &str| format!("line_items[{i}][{f}]");
        let unit = int_param(pd, "unit_amount")
            .map_err(|_| {
                invalid(
                    "parameter_invalid_integer",
                    "Invalid integer: unit_amount",
                    Some(&param("price_data][unit_amount")),
                )
            })?
            .filter(|u| *u > 0)
            .ok_or_else(|| {
                invalid(
                    "parameter_missing",
                    "Missing required param: unit_amount.",
                    Some(&param("price_data][unit_amount")),
                )
            })?;
        let qty = int_param(it, "quantity")
            .map_err(|_| {
                invalid(
                    "parameter_invalid_integer",
                    "Invalid integer: quantity",
                    Some(&param("quantity")),
                )
            })?
            .unwrap_or(1);
        if !(1..=1000).contains(&qty) {
            return Err(invalid(
                "parameter_invalid_integer",
                "quantity must be between 1 and 1000",
                Some(&param("quantity")),
            ));
        }
        let cur = str_param(pd, "currency")
            .map(|c| c.to_uppercase())
            .ok_or_else(|| {
                invalid(
                    "parameter_missing",
                    "Missing required param: currency.",
                    Some(&param("price_data][currency")),
                )
            })?;
        if currency.as_ref().is_some_and(|c| *c != cur) {
            return Err(invalid(
                "parameter_invalid",
                "All line items must use the same currency.",
                Some(&param("price_data][currency")),
            ));
        }
        currency = Some(cur.clone());
        let sub = unit
            .checked_mul(qty)
            .ok_or_else(|| invalid("amount_too_large", "Amount too large", None))?;
        total = total
            .checked_add(sub)
            .ok_or_else(|| invalid("amount_too_large", "Amount too large", None))?;
        let name = pd["product_data"]["name"]
            .as_str()
            .unwrap_or("Item")
            .to_string();
        out.push(json!({"id":http::snowflake("li"),"object":"item","currency":cur,"description":name,"quantity":qty,
            "amount_subtotal":sub,"amount_total":sub,"price":{"id":http::snowflake("price"),"object":"price","currency":cur,
            "unit_amount":unit,"type":"one_time","product":{"id":http::snowflake("prod"),"object":"product","name":name,
            "description":pd["product_data"]["description"]}}}));
    }
    Ok((out, total, currency.unwrap_or_default()))
}

async fn create(State(st): St, headers: HeaderMap, body: Body) -> Response {
    if let Err(e) = auth(&st, &headers, false) {
        return reply(Err(e));
    }
    let (p, raw) = match params(&headers, body).await {
        Ok(x) => x,
        Err(e) => return reply(Err(e)),
    };
    let base = base_url(&headers, &st);
    idem_reply(&st, "wooshpay:cs", &headers, &raw, |c| {
        if str_param(&p, "mode").as_deref() != Some("payment") {
            return Err(invalid(
                "parameter_invalid",
                "Only mode=payment is supported by the sandbox.",
                Some("mode"),
            ));
        }
        let success = str_param(&p, "success_url").ok_or_else(|| {
            invalid(
                "parameter_missing",
                "Missing required param: success_url.",
                Some("success_url"),
            )
        })?;
        let (items, total, currency) = line_items(&p)?;
        let mut pi_params = json!({"amount": total, "currency": currency, "return_url": success, "metadata": p.get("metadata").cloned().unwrap_or(json!({}))});
        if let Some(t) = p.get("payment_method_types") {
            pi_params["payment_method_types"] = t.clone();
        }
        let mut pi = wooshpay::new_intent(&pi_params)?;
        let now = now_ms();
        let expires = match int_param(&p, "expires_at").map_err(|_| {
            invalid(
                "parameter_invalid_integer",
                "Invalid integer: expires_at",
                Some("expires_at"),
            )
        })? {
            Some(e) if e < 100_000_000_000 => e * 1000,
            Some(e) => e,
            None => now + 86_400_000,
        };
        if expires <= now || expires > now + 86_400_000 + 60_000 {
            return Err(invalid(
                "parameter_invalid",
                "expires_at must be within the next 24 hours.",
                Some("expires_at"),
            ));
        }
        let id = http::snowflake("cs");
        let pid = pi["id"].as_str().unwrap_or_default().to_string();
        pi["status"] = json!("requires_action");
        pi["next_action"] = json!({"type":"redirect_to_url","redirect_to_url":{"url":format!("{base}/pay/{id}"),"return_url":success}});
        let cs = json!({"id":id,"object":"checkout.session","created":now,"currency":currency,"customer":str_param(&p,"customer"),
            "mode":"payment","livemode":false,"status":"open","url":format!("{base}/pay/{id}"),"success_url":success,
            "cancel_url":str_param(&p,"cancel_url"),"line_items":{"object":"list","has_more":false,"url":format!("/v1/checkout/sessions/{id}/line_items"),"data":items},
            "payment_intent":pid,"payment_status":"unpaid","amount_subtotal":total,"amount_total":total,"expires_at":expires,
            "payment_method_types":pi["payment_method_types"],"metadata":p.get("metadata").filter(|m| m.is_object()).cloned().unwrap_or(json!({}))});
        store::put(c, PI, &pid, &pi)?;
        store::put(c, SESSION, &id, &cs)?;
        store::set_timer(c, &id, "wooshpay_session_expire", expires)?;
        wooshpay::emit(&st, c, "checkout.session.created", &cs)?;
        Ok(cs)
    })
}

async fn retrieve(State(st): St, headers: HeaderMap, Path(id): Path<String>) -> Response {
    reply(auth(&st, &headers, false).and_then(|_| {
        st.store.get(SESSION, &id).ok_or_else(|| {
            wooshpay::err(
                StatusCode::NOT_FOUND,
                "invalid_request_error",
                "resource_missing",
                &format!("No such checkout.session: '{id}'"),
                Some("session"),
            )
        })
    }))
}

async fn list(
    State(st): St,
    headers: HeaderMap,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    reply(
        auth(&st, &headers, false)
            .map(|_| list_obj("/v1/checkout/sessions", st.store.list(SESSION), &q)),
    )
}

async fn expire_now(State(st): St, headers: HeaderMap, Path(id): Path<String>) -> Response {
    if let Err(e) = auth(&st, &headers, false) {
        return reply(Err(e));
    }
    let r = st.store.tx(|c| match expire(&st, c, &id)? {
        Some(cs) if cs["status"] == "expired" => Ok(cs),
        Some(_) => Err(invalid(
            "checkout_session_unexpected_state",
            "Only open sessions can be expired.",
            None,
        )),
        None => Err(wooshpay::err(
            StatusCode::NOT_FOUND,
            "invalid_request_error",
            "resource_missing",
            &format!("No such checkout.session: '{id}'"),
            Some("session"),
        )),
    });
    st.notify.notify_one();
    reply(r)
}

/// Expire an open session (timer or API); returns the session if it exists.
pub fn expire(st: &AppState, c: &rusqlite::Connection, id: &str) -> Result<Option<Value>, Fail> {
    let Some(mut cs) = store::get(c, SESSION, id)? else {
        return Ok(None);
    };
    if cs["status"] == "open" {
        cs["status"] = json!("expired");
        store::put(c, SESSION, id, &cs)?;
        store::clear_timer(c, id)?;
        if let Some(pid) = cs["payment_intent"].as_str() {
            wooshpay::finish(st, c, pid, Outcome::Expired)?;
        }
        wooshpay::emit(st, c, "checkout.session.expired", &cs)?;
    }
    Ok(Some(cs))
}

/// Complete a session through its payment intent.
pub fn finish(
    st: &AppState,
    c: &rusqlite::Connection,
    id: &str,
    o: Outcome,
) -> Result<Option<Finished>, Fail> {
    let Some(mut cs) = store::get(c, SESSION, id)? else {
        return Ok(None);
    };
    if cs["status"] != "open" {
        let url = cs["success_url"].as_str().map(str::to_string);
        return Ok(Some(Finished {
            psp: "wooshpay",
            object: cs,
            changed: false,
            return_url: url,
        }));
    }
    if o == Outcome::Expired {
        let cs = expire(st, c, id)?.unwrap_or_default();
        let url = cs["cancel_url"].as_str().map(str::to_string);
        return Ok(Some(Finished {
            psp: "wooshpay",
            object: cs,
            changed: true,
            return_url: url,
        }));
    }
    if let Some(pid) = cs["payment_intent"].as_str() {
        wooshpay::finish(st, c, pid, o)?;
    }
    let url = if o == Outcome::Successful {
        cs["status"] = json!("complete");
        cs["payment_status"] = json!("paid");
        store::clear_timer(c, id)?;
        store::put(c, SESSION, id, &cs)?;
        wooshpay::emit(st, c, "checkout.session.completed", &cs)?;
        cs["success_url"].as_str()
    } else {
        cs["cancel_url"].as_str().or(cs["success_url"].as_str())
    }
    .map(|u| u.replace("{CHECKOUT_SESSION_ID}", id));
    Ok(Some(Finished {
        psp: "wooshpay",
        object: cs,
        changed: true,
        return_url: url,
    }))
}
