//! The Payment Page (`GET /payment?…`, signed query): checks the signature, creates the payment
//! (a reload with the same signature is not a duplicate) and shows the Approve / Decline page.

use super::api::{
    callback_url, check_amount, key, new_payment, project_ok, wire_names, Payment, EXPIRE_TIMER,
    PAYMENT,
};
use super::callbacks::describe;
use crate::config::PENDING_EXPIRY_SECS;
use crate::customer_page::render;
use crate::error::{ApiError, Html};
use crate::http::{self, esc};
use crate::state::AppState;
use crate::store::{self, now_ms};
use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::Response;
use kasir_core::catalogue::{offer_by_wire_name, Psp};
use kasir_core::signature::ecommpay_verify;
use percent_encoding::percent_decode_str;
use serde_json::{Map, Value};
use std::sync::Arc;

fn page_err(title: &str, detail: &str) -> ApiError<Html> {
    ApiError::new(StatusCode::BAD_REQUEST, title, detail)
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

/// `GET /payment`.
pub async fn payment_page(
    State(st): State<Arc<AppState>>,
    RawQuery(q): RawQuery,
) -> Result<Response, ApiError<Html>> {
    let params = decode_query(q.as_deref().unwrap_or(""));
    let v = Value::Object(params.clone());
    let s = |k: &str| {
        params
            .get(k)
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string()
    };
    let first = |a: &str, b: &str| {
        params
            .get(a)
            .or(params.get(b))
            .and_then(Value::as_str)
            .map(str::to_string)
    };
    if !project_ok(&st, &v["project_id"]) {
        return Err(page_err(
            "Project not found",
            "project_id does not match the sandbox's ecommpay project.",
        ));
    }
    if s("signature").is_empty() || ecommpay_verify(&v, &st.cfg.ecommpay.secret).is_err() {
        return Err(page_err(
            "Invalid signature",
            "The request signature does not match its parameters.",
        ));
    }
    let pid = s("payment_id");
    if pid.is_empty() {
        return Err(page_err("Invalid request", "payment_id is required."));
    }
    let fpm = s("force_payment_method");
    if !fpm.is_empty() && offer_by_wire_name(Psp::Ecommpay, &fpm).is_none() {
        return Err(page_err(
            "Payment method not available",
            &format!("The sandbox emulates only {}, not {fpm}.", wire_names()),
        ));
    }
    let wire = (!fpm.is_empty()).then_some(fpm.as_str());
    let (amount, row) = check_amount(
        s("payment_amount").parse().ok(),
        &s("payment_currency"),
        wire,
    )
    .map_err(|m| page_err("Invalid payment", m))?;
    st.store.tx(|c| {
        if let Some(p) = store::get::<Payment>(c, PAYMENT, &key(&pid))? {
            if p.source == "pp" && p.pp_signature.as_deref() == Some(s("signature").as_str()) {
                return Ok(());
            }
            return Err(page_err("Payment rejected", "Payment ID already exists"));
        }
        let mut p = new_payment(
            &st,
            &pid,
            amount,
            row,
            &s("customer_id"),
            &s("payment_description"),
            "pp",
        );
        p.callback_url = callback_url(
            &st,
            params.get("merchant_callback_url").and_then(Value::as_str),
        );
        p.success_url = first("merchant_success_url", "redirect_success_url");
        p.decline_url = first("merchant_fail_url", "redirect_fail_url");
        p.pp_signature = Some(s("signature"));
        store::put(c, PAYMENT, &key(&pid), &p)?;
        store::set_timer(
            c,
            &key(&pid),
            EXPIRE_TIMER,
            now_ms() + st.cfg.expiry_ms(PENDING_EXPIRY_SECS),
        )?;
        Ok(())
    })?;
    let info = describe(&st, &pid)
        .ok_or_else(|| ApiError::new(StatusCode::NOT_FOUND, "Not found", "payment vanished"))?;
    let note = format!(
        "<p>ecommpay Payment Page (sandbox): {}</p>",
        esc(row.method.display_name())
    );
    Ok(http::html(StatusCode::OK, render(&pid, &info, &note)))
}
