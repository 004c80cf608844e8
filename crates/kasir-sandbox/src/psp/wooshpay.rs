//! WooshPay (Stripe-shaped): payment intents, refunds, webhook endpoints and signed webhooks.
//! Checkout sessions live in [`super::wooshpay_checkout`].

use crate::control::{Finished, Outcome};
use crate::http::{self, base_url, bool_param, int_param, str_param, Fail, Idem};
use crate::store::{self, now_ms};
use crate::AppState;
use axum::body::Body;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;
use kasir_core::catalogue::{availability, offer_by_wire_name, Availability, Psp, Unavailable};
use kasir_core::money::{Currency, Money};
use serde_json::{json, Value};
use std::collections::HashMap;
use std::sync::Arc;

/// Stored kind of a payment intent.
pub const PI: &str = "wooshpay_pi";
/// Stored kind of a refund.
pub const REFUND: &str = "wooshpay_refund";
/// Stored kind of an event.
pub const EVENT: &str = "wooshpay_event";
/// Stored kind of a webhook endpoint.
pub const ENDPOINT: &str = "wooshpay_we";

type St = State<Arc<AppState>>;
type Q = Query<HashMap<String, String>>;

/// WooshPay routes; confirm and retrieve are browser-callable (publishable key + client_secret).
pub fn routes() -> Router<Arc<AppState>> {
    let public = Router::new()
        .route("/v1/payment_intents/{id}", get(get_intent))
        .route("/v1/payment_intents/{id}/confirm", post(confirm_intent))
        .layer(crate::cors_any());
    Router::new()
        .merge(public)
        .route("/v1/payment_intents", post(create_intent).get(list_intents))
        .route("/v1/payment_intents/{id}/cancel", post(cancel_intent))
        .route("/v1/refunds", post(create_refund).get(list_refunds))
        .route("/v1/refunds/{id}", get(get_refund))
        .route(
            "/v1/webhook_endpoints",
            post(create_endpoint).get(list_endpoints),
        )
        .merge(super::wooshpay_checkout::routes())
}

/// A WooshPay error (`{"error":{type,code,message,param}}`).
pub fn err(status: StatusCode, kind: &str, code: &str, message: &str, param: Option<&str>) -> Fail {
    let mut e = json!({"type":kind,"code":code,"message":message});
    if let Some(p) = param {
        e["param"] = json!(p);
    }
    Fail(status, json!({ "error": e }))
}

/// A 400 `invalid_request_error`.
pub fn invalid(code: &str, message: &str, param: Option<&str>) -> Fail {
    err(
        StatusCode::BAD_REQUEST,
        "invalid_request_error",
        code,
        message,
        param,
    )
}

/// Reply with a result or a WooshPay error.
pub fn reply(r: Result<Value, Fail>) -> Response {
    match r {
        Ok(v) => http::json(StatusCode::OK, &v),
        Err(Fail(s, v)) if v.get("error").is_some() => http::json(s, &v),
        Err(Fail(s, _)) => http::json(
            s,
            &json!({"error":{"type":"api_error","code":"internal_error","message":"internal error"}}),
        ),
    }
}

/// Authenticate; `Ok(true)` for the secret key, `Ok(false)` for the publishable key when allowed.
pub fn auth(st: &AppState, headers: &HeaderMap, public_ok: bool) -> Result<bool, Fail> {
    let k = http::credential(headers).unwrap_or_default();
    if k == st.cfg.wooshpay_secret_key {
        Ok(true)
    } else if public_ok && k == st.cfg.wooshpay_publishable_key {
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

/// Read a JSON or form body.
pub async fn params(headers: &HeaderMap, body: Body) -> Result<(Value, String), Fail> {
    let bytes = http::read_body(body).await.ok_or_else(|| {
        err(
            StatusCode::PAYLOAD_TOO_LARGE,
            "invalid_request_error",
            "request_too_large",
            "Request body is too large",
            None,
        )
    })?;
    let v =
        http::parse_params(headers, &bytes).map_err(|m| invalid("parameter_invalid", &m, None))?;
    Ok((v, String::from_utf8_lossy(&bytes).into_owned()))
}

/// Run an idempotent create and reply (Stripe semantics for `Idempotency-Key`).
pub fn idem_reply(
    st: &AppState,
    scope: &str,
    headers: &HeaderMap,
    raw: &str,
    f: impl FnOnce(&rusqlite::Transaction<'_>) -> Result<Value, Fail>,
) -> Response {
    match http::idempotent(st, scope, headers, raw, f) {
        Idem::Done(s, v) => {
            st.notify.notify_one();
            http::json(s, &v)
        }
        Idem::Conflict => reply(Err(err(StatusCode::BAD_REQUEST, "idempotency_error", "idempotency_key_in_use",
            "Keys for idempotent requests can only be used with the same parameters they were first used with.", None))),
        Idem::Failed(f) => reply(Err(f)),
    }
}

/// Validate amount, currency and method types against the catalogue.
pub fn check_amount(
    amount: Result<Option<i64>, http::NotAnInteger>,
    currency: Option<String>,
    types: &[String],
) -> Result<(i64, Currency), Fail> {
    let amount = amount
        .map_err(|_| {
            invalid(
                "parameter_invalid_integer",
                "Invalid integer: amount",
                Some("amount"),
            )
        })?
        .ok_or_else(|| {
            invalid(
                "parameter_missing",
                "Missing required param: amount.",
                Some("amount"),
            )
        })?;
    let cur = currency.ok_or_else(|| {
        invalid(
            "parameter_missing",
            "Missing required param: currency.",
            Some("currency"),
        )
    })?;
    let currency: Currency = cur.parse().map_err(|_| {
        invalid(
            "parameter_invalid",
            &format!("Invalid currency: {cur}"),
            Some("currency"),
        )
    })?;
    if amount <= 0 {
        return Err(invalid(
            "parameter_invalid_integer",
            "This value must be greater than or equal to 1.",
            Some("amount"),
        ));
    }
    for t in types {
        let offer = offer_by_wire_name(Psp::Wooshpay, t).ok_or_else(|| {
            invalid(
                "payment_method_type_invalid",
                &format!("The payment method type \"{t}\" is invalid."),
                Some("payment_method_types"),
            )
        })?;
        match availability(offer.method, Psp::Wooshpay, Money::new(amount, currency)) {
            Availability::Available(_) => {}
            Availability::Unavailable(Unavailable::BelowMinimum { min }) => {
                return Err(invalid(
                    "amount_too_small",
                    &format!(
                        "Amount must be at least {} {}",
                        min.to_decimal_string(),
                        min.currency
                    ),
                    Some("amount"),
                ))
            }
            Availability::Unavailable(Unavailable::AboveMaximum { max }) => {
                return Err(invalid(
                    "amount_too_large",
                    &format!(
                        "Amount must be no more than {} {}",
                        max.to_decimal_string(),
                        max.currency
                    ),
                    Some("amount"),
                ))
            }
            Availability::Unavailable(_) => {
                return Err(invalid(
                    "payment_method_currency_mismatch",
                    &format!(
                        "The currency {} is not supported by payment method type \"{t}\".",
                        currency.code().to_lowercase()
                    ),
                    Some("currency"),
                ))
            }
        }
    }
    Ok((amount, currency))
}

fn method_types(p: &Value) -> Result<Vec<String>, Fail> {
    match p.get("payment_method_types") {
        None | Some(Value::Null) => Ok(vec!["truemoney".into()]),
        Some(Value::Array(a)) if !a.is_empty() => a
            .iter()
            .map(|v| {
                v.as_str().map(str::to_string).ok_or_else(|| {
                    invalid(
                        "parameter_invalid",
                        "payment_method_types must be strings",
                        Some("payment_method_types"),
                    )
                })
            })
            .collect(),
        _ => Err(invalid(
            "parameter_invalid",
            "payment_method_types must be a non-empty array",
            Some("payment_method_types"),
        )),
    }
}

fn method_options(p: &Value) -> Result<Value, Fail> {
    let Some(Value::Object(m)) = p.get("payment_method_options") else {
        return Ok(json!({}));
    };
    for (method, o) in m {
        if let Some(t) = o.get("terminal_type").and_then(Value::as_str) {
            if !["WEB", "WAP", "APP"].contains(&t) {
                return Err(invalid(
                    "parameter_invalid",
                    &format!("Invalid terminal_type: {t}"),
                    Some(&format!("payment_method_options[{method}][terminal_type]")),
                ));
            }
        }
        if let Some(t) = o.get("os_type").and_then(Value::as_str) {
            if !["ANDROID", "IOS"].contains(&t) {
                return Err(invalid(
                    "parameter_invalid",
                    &format!("Invalid os_type: {t}"),
                    Some(&format!("payment_method_options[{method}][os_type]")),
                ));
            }
        }
    }
    Ok(Value::Object(m.clone()))
}

/// Build a new payment intent (not stored).
pub fn new_intent(p: &Value) -> Result<Value, Fail> {
    let types = method_types(p)?;
    let (amount, currency) =
        check_amount(int_param(p, "amount"), str_param(p, "currency"), &types)?;
    let id = http::snowflake("pi");
    Ok(
        json!({"id":id,"object":"payment_intent","created":now_ms(),"livemode":false,"currency":currency.code(),
        "amount":amount,"amount_received":0,"status":"requires_payment_method","client_secret":format!("{id}_secret_{}", http::alnum(24)),
        "next_action":null,"payment_method_types":types,"payment_method_options":method_options(p)?,
        "confirmation_method":"automatic","capture_method":"automatic","return_url":str_param(p,"return_url"),
        "payment_method":null,"customer":str_param(p,"customer"),"description":str_param(p,"description"),
        "metadata":p.get("metadata").filter(|m| m.is_object()).cloned().unwrap_or(json!({})),
        "merchant_order_id":str_param(p,"merchant_order_id"),"setup_future_usage":null,"last_payment_error":null,
        "cancellation_reason":null,"canceled_at":null,"latest_charge":null}),
    )
}

/// Confirm an intent: attach a payment method and ask for the redirect.
pub fn confirm(
    st: &AppState,
    c: &rusqlite::Connection,
    base: &str,
    pi: &mut Value,
    p: &Value,
) -> Result<(), Fail> {
    let status = pi["status"].as_str().unwrap_or("").to_string();
    if status == "requires_action" {
        return Ok(());
    }
    if !["requires_payment_method", "requires_confirmation"].contains(&status.as_str()) {
        return Err(invalid(
            "payment_intent_unexpected_state",
            &format!("This PaymentIntent's status is {status}, and it cannot be confirmed."),
            None,
        ));
    }
    if let Some(u) = str_param(p, "return_url") {
        pi["return_url"] = json!(u);
    }
    if p.get("payment_method_options").is_some() {
        pi["payment_method_options"] = method_options(p)?;
    }
    let ty = p["payment_method_data"]["type"]
        .as_str()
        .map(str::to_string)
        .unwrap_or_else(|| {
            pi["payment_method_types"][0]
                .as_str()
                .unwrap_or("truemoney")
                .to_string()
        });
    if !pi["payment_method_types"]
        .as_array()
        .is_some_and(|a| a.contains(&json!(ty)))
    {
        return Err(invalid(
            "payment_method_type_invalid",
            &format!("The payment method type \"{ty}\" is not allowed for this PaymentIntent."),
            Some("payment_method_data[type]"),
        ));
    }
    let id = pi["id"].as_str().unwrap_or_default().to_string();
    pi["payment_method"] = json!(http::snowflake("pm"));
    pi["status"] = json!("requires_action");
    pi["last_payment_error"] = Value::Null;
    pi["next_action"] = json!({"type":"redirect_to_url","redirect_to_url":{"url":format!("{base}/pay/{id}"),"return_url":pi["return_url"]}});
    store::put(c, PI, &id, pi)?;
    emit(st, c, "payment_intent.requires_action", pi)?;
    Ok(())
}

async fn create_intent(State(st): St, headers: HeaderMap, body: Body) -> Response {
    if let Err(e) = auth(&st, &headers, false) {
        return reply(Err(e));
    }
    let (p, raw) = match params(&headers, body).await {
        Ok(x) => x,
        Err(e) => return reply(Err(e)),
    };
    let base = base_url(&headers, &st);
    idem_reply(&st, "wooshpay:pi", &headers, &raw, |c| {
        let mut pi = new_intent(&p)?;
        let id = pi["id"].as_str().unwrap_or_default().to_string();
        store::put(c, PI, &id, &pi)?;
        emit(&st, c, "payment_intent.created", &pi)?;
        if bool_param(&p, "confirm") == Some(true) {
            confirm(&st, c, &base, &mut pi, &p)?;
        }
        Ok(pi)
    })
}

fn load(c: &rusqlite::Connection, id: &str) -> Result<Value, Fail> {
    store::get(c, PI, id)?.ok_or_else(|| {
        err(
            StatusCode::NOT_FOUND,
            "invalid_request_error",
            "resource_missing",
            &format!("No such payment_intent: '{id}'"),
            Some("intent"),
        )
    })
}

fn check_secret(pi: &Value, given: Option<String>) -> Result<(), Fail> {
    if given.as_deref() == pi["client_secret"].as_str() {
        Ok(())
    } else {
        Err(invalid("parameter_invalid", "The client_secret provided does not match the client_secret associated with the PaymentIntent.", Some("client_secret")))
    }
}

async fn get_intent(
    State(st): St,
    headers: HeaderMap,
    Path(id): Path<String>,
    Query(q): Q,
) -> Response {
    reply(auth(&st, &headers, true).and_then(|secret| {
        let pi = st.store.tx(|c| load(c, &id))?;
        if !secret {
            check_secret(&pi, q.get("client_secret").cloned())?;
        }
        Ok(pi)
    }))
}

async fn confirm_intent(
    State(st): St,
    headers: HeaderMap,
    Path(id): Path<String>,
    body: Body,
) -> Response {
    let secret = match auth(&st, &headers, true) {
        Ok(s) => s,
        Err(e) => return reply(Err(e)),
    };
    let (p, raw) = match params(&headers, body).await {
        Ok(x) => x,
        Err(e) => return reply(Err(e)),
    };
    let base = base_url(&headers, &st);
    idem_reply(
        &st,
        &format!("wooshpay:confirm:{id}"),
        &headers,
        &raw,
        |c| {
            let mut pi = load(c, &id)?;
            if !secret {
                check_secret(&pi, str_param(&p, "client_secret"))?;
            }
            confirm(&st, c, &base, &mut pi, &p)?;
            Ok(pi)
        },
    )
}

async fn cancel_intent(
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
    idem_reply(&st, &format!("wooshpay:cancel:{id}"), &headers, &raw, |c| {
        let mut pi = load(c, &id)?;
        let status = pi["status"].as_str().unwrap_or("").to_string();
        if !status.starts_with("requires_") {
            return Err(invalid(
                "payment_intent_unexpected_state",
                &format!(
                    "You cannot cancel this PaymentIntent because it has a status of {status}."
                ),
                None,
            ));
        }
        pi["status"] = json!("canceled");
        pi["next_action"] = Value::Null;
        pi["canceled_at"] = json!(now_ms());
        pi["cancellation_reason"] =
            json!(str_param(&p, "cancellation_reason")
                .unwrap_or_else(|| "requested_by_customer".into()));
        store::put(c, PI, &id, &pi)?;
        emit(&st, c, "payment_intent.canceled", &pi)?;
        Ok(pi)
    })
}

/// A Stripe-style list object.
pub fn list_obj(url: &str, mut all: Vec<Value>, q: &HashMap<String, String>) -> Value {
    all.reverse();
    let limit = q
        .get("limit")
        .and_then(|l| l.parse().ok())
        .unwrap_or(10usize)
        .clamp(1, 100);
    let has_more = all.len() > limit;
    all.truncate(limit);
    json!({"object":"list","url":url,"has_more":has_more,"data":all})
}

async fn list_intents(State(st): St, headers: HeaderMap, Query(q): Q) -> Response {
    reply(
        auth(&st, &headers, false).map(|_| list_obj("/v1/payment_intents", st.store.list(PI), &q)),
    )
}

/// Complete a payment intent (customer page, mark endpoint, checkout session).
pub fn finish(
    st: &AppState,
    c: &rusqlite::Connection,
    id: &str,
    o: Outcome,
) -> Result<Option<Finished>, Fail> {
    let Some(mut pi) = store::get(c, PI, id)? else {
        return Ok(None);
    };
    let status = pi["status"].as_str().unwrap_or("").to_string();
    let return_url = pi["return_url"].as_str().map(str::to_string);
    if !status.starts_with("requires_") {
        return Ok(Some(Finished {
            psp: "wooshpay",
            object: pi,
            changed: false,
            return_url,
        }));
    }
    let (redirect_status, event) = match o {
        Outcome::Successful => {
            pi["status"] = json!("succeeded");
            pi["amount_received"] = pi["amount"].clone();
            pi["latest_charge"] = json!(http::snowflake("ch"));
            ("succeeded", "payment_intent.succeeded")
        }
        Outcome::Failed => {
            pi["status"] = json!("requires_payment_method");
            pi["last_payment_error"] = json!({"type":"card_error","code":"payment_failed","decline_code":"generic_decline",
                "message":"The customer declined the payment.","payment_method":{"id":pi["payment_method"],"type":pi["payment_method_types"][0]}});
            ("failed", "payment_intent.payment_failed")
        }
        Outcome::Expired => {
            pi["status"] = json!("canceled");
            pi["canceled_at"] = json!(now_ms());
            pi["cancellation_reason"] = json!("abandoned");
            ("failed", "payment_intent.canceled")
        }
    };
    pi["next_action"] = Value::Null;
    store::put(c, PI, id, &pi)?;
    emit(st, c, event, &pi)?;
    let return_url = return_url.map(|u| {
        let sep = if u.contains('?') { '&' } else { '?' };
        format!("{u}{sep}payment_intent={id}&payment_intent_client_secret={}&redirect_status={redirect_status}", pi["client_secret"].as_str().unwrap_or(""))
    });
    Ok(Some(Finished {
        psp: "wooshpay",
        object: pi,
        changed: true,
        return_url,
    }))
}

/// Record an event and queue signed deliveries to every subscribed endpoint.
pub fn emit(
    st: &AppState,
    c: &rusqlite::Connection,
    kind: &str,
    object: &Value,
) -> Result<(), Fail> {
    let id = http::snowflake("evt");
    let event = json!({"id":id,"object":"event","api_version":"1.0.1","created":now_ms(),"livemode":false,"type":kind,"data":{"object":object}});
    store::put(c, EVENT, &id, &event)?;
    let body = event.to_string();
    let mut targets: Vec<(String, String)> = st
        .cfg
        .wooshpay_webhook
        .iter()
        .map(|u| (u.clone(), st.cfg.wooshpay_webhook_secret.clone()))
        .collect();
    if !st.cfg.no_shop_webhooks {
        targets.push((
            format!("{}/shop/api/webhooks/wooshpay", st.base()),
            st.cfg.wooshpay_webhook_secret.clone(),
        ));
    }
    for we in store::list(c, ENDPOINT)? {
        let enabled = we["enabled_events"]
            .as_array()
            .is_some_and(|a| a.iter().any(|e| e == "*" || e == kind));
        if enabled {
            targets.push((
                we["url"].as_str().unwrap_or("").into(),
                we["secret"].as_str().unwrap_or("").into(),
            ));
        }
    }
    for (url, secret) in targets.iter().filter(|(u, _)| !u.is_empty()) {
        crate::outbox::enqueue(
            c,
            url,
            json!({crate::outbox::SIGN: format!("wooshpay:{secret}")}),
            &body,
            kind,
            &id,
        )?;
    }
    Ok(())
}

async fn create_refund(State(st): St, headers: HeaderMap, body: Body) -> Response {
    if let Err(e) = auth(&st, &headers, false) {
        return reply(Err(e));
    }
    let (p, raw) = match params(&headers, body).await {
        Ok(x) => x,
        Err(e) => return reply(Err(e)),
    };
    idem_reply(&st, "wooshpay:refunds", &headers, &raw, |c| {
        let pid = str_param(&p, "payment_intent").ok_or_else(|| {
            invalid(
                "parameter_missing",
                "Missing required param: payment_intent.",
                Some("payment_intent"),
            )
        })?;
        let mut pi = load(c, &pid)?;
        if pi["status"] != "succeeded" {
            return Err(invalid(
                "charge_not_refundable",
                "This PaymentIntent has not succeeded and cannot be refunded.",
                Some("payment_intent"),
            ));
        }
        let total = pi["amount"].as_i64().unwrap_or(0);
        let done = pi["amount_refunded"].as_i64().unwrap_or(0);
        let amount = int_param(&p, "amount")
            .map_err(|_| {
                invalid(
                    "parameter_invalid_integer",
                    "Invalid integer: amount",
                    Some("amount"),
                )
            })?
            .unwrap_or(total - done);
        if done >= total {
            return Err(invalid(
                "charge_already_refunded",
                "This charge has already been refunded.",
                None,
            ));
        }
        if amount <= 0 || amount > total - done {
            return Err(invalid(
                "amount_too_large",
                "Refund amount is greater than the unrefunded amount.",
                Some("amount"),
            ));
        }
        let rule = pi["payment_method_types"][0]
            .as_str()
            .and_then(|t| offer_by_wire_name(Psp::Wooshpay, t))
            .map(|o| o.refunds);
        let multiple = rule.is_some_and(|r| r.multiple_partial);
        if done > 0 && !multiple {
            return Err(invalid(
                "refund_not_allowed",
                "This payment method does not allow more than one partial refund.",
                None,
            ));
        }
        let id = http::snowflake("re");
        let refund = json!({"id":id,"object":"refund","amount":amount,"currency":pi["currency"],"payment_intent":pid,
            "charge":pi["latest_charge"],"status":"succeeded","created":now_ms(),"reason":str_param(&p,"reason"),
            "metadata":p.get("metadata").filter(|m| m.is_object()).cloned().unwrap_or(json!({}))});
        pi["amount_refunded"] = json!(done + amount);
        store::put(c, PI, &pid, &pi)?;
        store::put(c, REFUND, &id, &refund)?;
        emit(&st, c, "charge.refund.updated", &refund)?;
        Ok(refund)
    })
}

async fn list_refunds(State(st): St, headers: HeaderMap, Query(q): Q) -> Response {
    reply(auth(&st, &headers, false).map(|_| {
        let mut all = st.store.list(REFUND);
        if let Some(p) = q.get("payment_intent") {
            all.retain(|r| r["payment_intent"] == json!(p));
        }
        list_obj("/v1/refunds", all, &q)
    }))
}

async fn get_refund(State(st): St, headers: HeaderMap, Path(id): Path<String>) -> Response {
    reply(auth(&st, &headers, false).and_then(|_| {
        st.store.get(REFUND, &id).ok_or_else(|| {
            err(
                StatusCode::NOT_FOUND,
                "invalid_request_error",
                "resource_missing",
                &format!("No such refund: '{id}'"),
                Some("id"),
            )
        })
    }))
}

async fn create_endpoint(State(st): St, headers: HeaderMap, body: Body) -> Response {
    if let Err(e) = auth(&st, &headers, false) {
        return reply(Err(e));
    }
    let (p, raw) = match params(&headers, body).await {
        Ok(x) => x,
        Err(e) => return reply(Err(e)),
    };
    idem_reply(&st, "wooshpay:we", &headers, &raw, |c| {
        let url = str_param(&p, "url")
            .filter(|u| u.starts_with("http://") || u.starts_with("https://"))
            .ok_or_else(|| {
                invalid(
                    "url_invalid",
                    "Invalid URL: must be an http(s) URL.",
                    Some("url"),
                )
            })?;
        let events = match p.get("enabled_events") {
            Some(Value::Array(a)) if !a.is_empty() => Value::Array(a.clone()),
            _ => {
                return Err(invalid(
                    "parameter_missing",
                    "Missing required param: enabled_events.",
                    Some("enabled_events"),
                ))
            }
        };
        let id = http::snowflake("we");
        let we = json!({"id":id,"object":"webhook_endpoint","url":url,"enabled_events":events,
            "api_version":str_param(&p,"api_version").unwrap_or_else(|| "1.0.1".into()),"secret":format!("whsec_{}", http::alnum(32)),
            "status":"enabled","created":now_ms(),"livemode":false,"description":str_param(&p,"description")});
        store::put(c, ENDPOINT, &id, &we)?;
        Ok(we)
    })
}

async fn list_endpoints(State(st): St, headers: HeaderMap, Query(q): Q) -> Response {
    reply(
        auth(&st, &headers, false)
            .map(|_| list_obj("/v1/webhook_endpoints", st.store.list(ENDPOINT), &q)),
    )
}
