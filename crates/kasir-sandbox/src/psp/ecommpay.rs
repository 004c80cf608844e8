//! ecommpay: the Payment Page (`GET /payment`), the Gate wallet sale, the status query and the
//! signed callbacks (intermediate `awaiting redirect result` with `redirect_data`, then final).

use crate::control::{Finished, Outcome};
use crate::http::{self, base_url, esc, Fail};
use crate::pages;
use crate::store::{self, now_ms};
use crate::AppState;
use axum::body::Body;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;
use kasir_core::catalogue::{availability, offer_by_wire_name, Availability, Psp};
use kasir_core::money::{Currency, Money};
use kasir_core::signature::{ecommpay_sign_in_place, ecommpay_verify};
use kasir_core::time::format_ecommpay;
use percent_encoding::{percent_decode_str, utf8_percent_encode, NON_ALPHANUMERIC};
use serde_json::{json, Map, Value};
use std::sync::Arc;

/// Stored kind of a payment (id `ecp:<payment_id>`).
pub const PAYMENT: &str = "ecommpay_payment";
type St = State<Arc<AppState>>;

/// ecommpay routes.
pub fn routes() -> Router<Arc<AppState>> {
    Router::new()
        .route("/payment", get(payment_page))
        .route("/v2/payment/wallet/{method}/sale", post(gate_sale))
        .route("/v2/payment/status", post(status))
}

fn key(pid: &str) -> String {
    format!("ecp:{pid}")
}

/// A Gate error answer (`status: "error"`, `code`, `message`).
fn gate_err(status: StatusCode, code: &str, message: &str, body: &Value) -> Fail {
    let mut v = json!({"status":"error","code":code,"message":message});
    if let Some(p) = body["general"]["project_id"].as_i64() {
        v["project_id"] = json!(p);
    }
    if let Some(p) = body["general"]["payment_id"].as_str() {
        v["payment_id"] = json!(p);
    }
    Fail(status, v)
}

fn reply(r: Result<Value, Fail>) -> Response {
    match r {
        Ok(v) => http::json(StatusCode::OK, &v),
        Err(Fail(s, v)) => http::json(s, &v),
    }
}

fn project_ok(st: &AppState, v: &Value) -> bool {
    match v {
        Value::Number(n) => n.as_u64() == Some(st.cfg.ecommpay_project_id),
        Value::String(s) => s.parse::<u64>().ok() == Some(st.cfg.ecommpay_project_id),
        _ => false,
    }
}

fn check_amount(amount: Option<i64>, currency: &str) -> Result<(i64, Currency), &'static str> {
    let amount = amount.filter(|a| *a > 0).ok_or("Invalid payment amount")?;
    let cur: Currency = currency.parse().map_err(|_| "Currency is not supported")?;
    let offer =
        offer_by_wire_name(Psp::Ecommpay, "true-money").ok_or("Payment method is not available")?;
    match availability(offer.method, Psp::Ecommpay, Money::new(amount, cur)) {
        Availability::Available(_) => Ok((amount, cur)),
        Availability::Unavailable(kasir_core::catalogue::Unavailable::CurrencyNotSupported {
            ..
        }) => Err("Currency is not supported by the payment method"),
        Availability::Unavailable(_) => Err("Amount is out of the payment method limits"),
    }
}

fn callback_url(st: &AppState, given: Option<&str>) -> Option<String> {
    given
        .filter(|u| u.starts_with("http://") || u.starts_with("https://"))
        .map(str::to_string)
        .or_else(|| {
            (!st.cfg.no_shop_webhooks).then(|| format!("{}/shop/api/ecommpay/callback", st.base()))
        })
}

/// The callback body for a payment in a given state (signed).
pub fn callback_body(
    st: &AppState,
    p: &Value,
    pay_status: &str,
    op_status: &str,
    code: &str,
    message: &str,
) -> Value {
    let now = format_ecommpay(now_ms());
    let sum = json!({"amount": p["amount"], "currency": p["currency"]});
    let mut cb = json!({"project_id": st.cfg.ecommpay_project_id,
        "payment": {"id": p["payment_id"], "type": "purchase", "status": pay_status, "date": now, "method": "true-money",
            "sum": sum, "description": p["description"]},
        "customer": {"id": p["customer_id"]},
        "operation": {"id": p["operation_id"], "type": "sale", "status": op_status, "date": now, "created_date": p["created_date"],
            "request_id": p["request_id"], "sum_initial": sum, "sum_converted": sum, "code": code, "message": message,
            "provider": {"id": 6641, "payment_id": p["provider_payment_id"], "auth_code": ""}}});
    ecommpay_sign_in_place(&mut cb, &st.cfg.ecommpay_secret);
    cb
}

fn new_payment(
    st: &AppState,
    pid: &str,
    amount: i64,
    currency: Currency,
    customer: &str,
    description: &str,
    source: &str,
) -> Value {
    let n = now_ms();
    json!({"payment_id": pid, "project_id": st.cfg.ecommpay_project_id, "amount": amount, "currency": currency.code(),
        "customer_id": customer, "description": description, "status": "processing", "source": source,
        "operation_id": (n as u64 % 1_000_000_000_000) * 1000 + u64::from(rand::random::<u16>() % 1000),
        "request_id": format!("{}-{:08}", http::alnum_lower(40), rand::random::<u32>() % 100_000_000),
        "created_date": format_ecommpay(n), "provider_payment_id": "", "callback_url": null,
        "success_url": null, "decline_url": null, "last_callback": null})
}

fn enqueue_callback(c: &rusqlite::Connection, p: &mut Value, cb: &Value) -> Result<(), Fail> {
    p["last_callback"] = cb.clone();
    if let Some(url) = p["callback_url"].as_str() {
        crate::outbox::enqueue(
            c,
            url,
            json!({}),
            &cb.to_string(),
            "ecommpay.callback",
            p["payment_id"].as_str().unwrap_or(""),
        )?;
    }
    Ok(())
}

async fn gate_sale(
    State(st): St,
    headers: HeaderMap,
    Path(method): Path<String>,
    body: Body,
) -> Response {
    let empty = json!({});
    let Some(bytes) = http::read_body(body).await else {
        return reply(Err(gate_err(
            StatusCode::PAYLOAD_TOO_LARGE,
            "2",
            "Request body is too large",
            &empty,
        )));
    };
    let v: Value = match serde_json::from_slice(&bytes) {
        Ok(v @ Value::Object(_)) => v,
        _ => {
            return reply(Err(gate_err(
                StatusCode::BAD_REQUEST,
                "2",
                "Malformed JSON request",
                &empty,
            )))
        }
    };
    let base = base_url(&headers, &st);
    let r = (|| {
        if offer_by_wire_name(Psp::Ecommpay, &method).is_none() {
            return Err(gate_err(
                StatusCode::NOT_FOUND,
                "3002",
                &format!("Payment method {method} is not supported"),
                &v,
            ));
        }
        if !project_ok(&st, &v["general"]["project_id"]) {
            return Err(gate_err(
                StatusCode::BAD_REQUEST,
                "3001",
                "Project not found",
                &v,
            ));
        }
        if ecommpay_verify(&v, &st.cfg.ecommpay_secret).is_err() {
            return Err(gate_err(
                StatusCode::BAD_REQUEST,
                "1201",
                "Signature is invalid",
                &v,
            ));
        }
        let pid = v["general"]["payment_id"]
            .as_str()
            .filter(|p| !p.is_empty() && p.len() <= 255)
            .ok_or_else(|| {
                gate_err(
                    StatusCode::BAD_REQUEST,
                    "2",
                    "general.payment_id is required",
                    &v,
                )
            })?
            .to_string();
        let (amount, currency) = check_amount(
            v["payment"]["amount"].as_i64(),
            v["payment"]["currency"].as_str().unwrap_or(""),
        )
        .map_err(|m| gate_err(StatusCode::BAD_REQUEST, "2", m, &v))?;
        let customer = v["customer"]["id"]
            .as_str()
            .filter(|s| !s.is_empty())
            .ok_or_else(|| gate_err(StatusCode::BAD_REQUEST, "2", "customer.id is required", &v))?;
        if v["customer"]["ip_address"]
            .as_str()
            .is_none_or(str::is_empty)
        {
            return Err(gate_err(
                StatusCode::BAD_REQUEST,
                "2",
                "customer.ip_address is required",
                &v,
            ));
        }
        st.store.tx(|c| {
            if store::get(c, PAYMENT, &key(&pid))?.is_some() {
                return Err(gate_err(StatusCode::BAD_REQUEST, "3041", "Payment ID already exists", &v));
            }
            let mut p = new_payment(&st, &pid, amount, currency, customer, v["payment"]["description"].as_str().unwrap_or(""), "gate");
            p["callback_url"] = json!(callback_url(&st, v["general"]["merchant_callback_url"].as_str()));
            p["success_url"] = v["return_url"]["success"].clone();
            p["decline_url"] = v["return_url"]["decline"].clone();
            let mut cb = callback_body(&st, &p, "awaiting redirect result", "awaiting redirect result", "0", "Awaiting redirect result");
            cb["redirect_data"] = json!({"method": "POST", "url": format!("{base}/ecommpay/redirect/{}", utf8_percent_encode(&pid, NON_ALPHANUMERIC)),
                "body": {"Data": http::alnum(48), "Remarks": "", "EncryptText": http::hex_upper(32)}});
            ecommpay_sign_in_place(&mut cb, &st.cfg.ecommpay_secret);
            enqueue_callback(c, &mut p, &cb)?;
            store::put(c, PAYMENT, &key(&pid), &p)?;
            store::set_timer(c, &key(&pid), "ecommpay_expire", now_ms() + 86_400_000)?;
            Ok(json!({"status": "success", "request_id": p["request_id"], "project_id": st.cfg.ecommpay_project_id, "payment_id": pid}))
        })
    })();
    st.notify.notify_one();
    reply(r)
}

async fn status(State(st): St, body: Body) -> Response {
    let empty = json!({});
    let Some(bytes) = http::read_body(body).await else {
        return reply(Err(gate_err(
            StatusCode::PAYLOAD_TOO_LARGE,
            "2",
            "Request body is too large",
            &empty,
        )));
    };
    let Ok(v) = serde_json::from_slice::<Value>(&bytes) else {
        return reply(Err(gate_err(
            StatusCode::BAD_REQUEST,
            "2",
            "Malformed JSON request",
            &empty,
        )));
    };
    if !project_ok(&st, &v["general"]["project_id"]) {
        return reply(Err(gate_err(
            StatusCode::BAD_REQUEST,
            "3001",
            "Project not found",
            &v,
        )));
    }
    if ecommpay_verify(&v, &st.cfg.ecommpay_secret).is_err() {
        return reply(Err(gate_err(
            StatusCode::BAD_REQUEST,
            "1201",
            "Signature is invalid",
            &v,
        )));
    }
    let pid = v["general"]["payment_id"].as_str().unwrap_or("");
    match st.store.get(PAYMENT, &key(pid)) {
        Some(p) => {
            let mut cb = p["last_callback"].clone();
            if let Some(m) = cb.as_object_mut() {
                m.remove("signature");
                m.remove("redirect_data");
            }
            ecommpay_sign_in_place(&mut cb, &st.cfg.ecommpay_secret);
            reply(Ok(cb))
        }
        None => reply(Err(gate_err(
            StatusCode::NOT_FOUND,
            "3061",
            "Transaction not found",
            &v,
        ))),
    }
}

/// Complete an ecommpay payment and queue the final callback.
pub fn finish(
    st: &AppState,
    c: &rusqlite::Connection,
    id: &str,
    o: Outcome,
) -> Result<Option<Finished>, Fail> {
    let Some(mut p) = store::get(c, PAYMENT, &key(id))? else {
        return Ok(None);
    };
    if p["status"] != "processing" {
        let url = if p["status"] == "success" {
            &p["success_url"]
        } else {
            &p["decline_url"]
        };
        let url = url.as_str().map(str::to_string);
        return Ok(Some(Finished {
            psp: "ecommpay",
            object: p["last_callback"].clone(),
            changed: false,
            return_url: url,
        }));
    }
    let (status, code, message) = match o {
        Outcome::Successful => ("success", "0", "Success"),
        Outcome::Failed => ("decline", "20000", "General decline"),
        Outcome::Expired => ("expired", "20000", "General decline"),
    };
    p["status"] = json!(status);
    if o == Outcome::Successful {
        p["provider_payment_id"] = json!(format!("{}", now_ms()));
    }
    let cb = callback_body(
        st,
        &p,
        status,
        if status == "expired" {
            "expired"
        } else {
            status
        },
        code,
        message,
    );
    enqueue_callback(c, &mut p, &cb)?;
    store::put(c, PAYMENT, &key(id), &p)?;
    store::clear_timer(c, &key(id))?;
    let url = if o == Outcome::Successful {
        &p["success_url"]
    } else {
        &p["decline_url"]
    };
    let return_url = url.as_str().map(str::to_string);
    Ok(Some(Finished {
        psp: "ecommpay",
        object: cb,
        changed: true,
        return_url,
    }))
}

fn error_page(status: StatusCode, title: &str, detail: &str) -> Response {
    http::html(status, format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{t}</title></head><body><h1 id=\"error\">{t}</h1><p>{d}</p></body></html>",
        t = esc(title), d = esc(detail)))
}

/// Decode a Payment Page query (both `%20` and `+` are spaces; `true`/`True` become `1`).
pub fn decode_query(raw: &str) -> Map<String, Value> {
    let mut m = Map::new();
    for pair in raw.split('&').filter(|p| !p.is_empty()) {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        let dec = |s: &str| {
            percent_decode_str(&s.replace('+', " "))
                .decode_utf8_lossy()
                .into_owned()
        };
        let v = match dec(v).as_str() {
            "true" | "True" => "1".to_string(),
            "false" | "False" => "0".to_string(),
            other => other.to_string(),
        };
        m.insert(dec(k), Value::String(v));
    }
    m
}

async fn payment_page(State(st): St, RawQuery(q): RawQuery) -> Response {
    let params = decode_query(q.as_deref().unwrap_or(""));
    let v = Value::Object(params.clone());
    let s = |k: &str| {
        params
            .get(k)
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string()
    };
    if !project_ok(&st, &v["project_id"]) {
        return error_page(
            StatusCode::BAD_REQUEST,
            "Project not found",
            "project_id does not match the sandbox's ecommpay project.",
        );
    }
    if s("signature").is_empty() || ecommpay_verify(&v, &st.cfg.ecommpay_secret).is_err() {
        return error_page(
            StatusCode::BAD_REQUEST,
            "Invalid signature",
            "The request signature does not match its parameters.",
        );
    }
    let pid = s("payment_id");
    if pid.is_empty() {
        return error_page(
            StatusCode::BAD_REQUEST,
            "Invalid request",
            "payment_id is required.",
        );
    }
    let fpm = s("force_payment_method");
    if !fpm.is_empty() && fpm != "true-money" {
        return error_page(
            StatusCode::BAD_REQUEST,
            "Payment method not available",
            &format!("The sandbox emulates only true-money, not {fpm}."),
        );
    }
    let (amount, currency) =
        match check_amount(s("payment_amount").parse().ok(), &s("payment_currency")) {
            Ok(x) => x,
            Err(m) => return error_page(StatusCode::BAD_REQUEST, "Invalid payment", m),
        };
    let r = st.store.tx(|c| {
        if let Some(p) = store::get(c, PAYMENT, &key(&pid))? {
            if p["source"] == "pp" && p["pp_signature"] == json!(s("signature")) {
                return Ok(());
            }
            return Err(Fail(
                StatusCode::BAD_REQUEST,
                json!("Payment ID already exists"),
            ));
        }
        let mut p = new_payment(
            &st,
            &pid,
            amount,
            currency,
            &s("customer_id"),
            &s("payment_description"),
            "pp",
        );
        p["callback_url"] = json!(callback_url(
            &st,
            params.get("merchant_callback_url").and_then(Value::as_str)
        ));
        p["success_url"] = json!(params
            .get("merchant_success_url")
            .or(params.get("redirect_success_url")));
        p["decline_url"] = json!(params
            .get("merchant_fail_url")
            .or(params.get("redirect_fail_url")));
        p["pp_signature"] = json!(s("signature"));
        store::put(c, PAYMENT, &key(&pid), &p)?;
        store::set_timer(c, &key(&pid), "ecommpay_expire", now_ms() + 86_400_000)?;
        Ok(())
    });
    if let Err(Fail(_, m)) = r {
        return error_page(
            StatusCode::BAD_REQUEST,
            "Payment rejected",
            m.as_str().unwrap_or("error"),
        );
    }
    match pages::describe(&st, &pid) {
        Some(info) => http::html(
            StatusCode::OK,
            pages::render(
                &pid,
                &info,
                "<p>ecommpay Payment Page (sandbox): TrueMoney</p>",
            ),
        ),
        None => error_page(StatusCode::NOT_FOUND, "Not found", "payment vanished"),
    }
}
