//! The Gate: `POST /v2/payment/wallet/{method}/sale` (the method is the catalogue's wire name)
//! and `POST /v2/payment/status`.

use super::api::{
    callback_url, check_amount, echo_ids, gate_err, key, new_payment, project_ok, GateError,
    Payment, EXPIRE_TIMER, PAYMENT,
};
use super::callbacks::{callback, send, sign};
use crate::config::PENDING_EXPIRY_SECS;
use crate::http::{self, base_url};
use crate::ids::{alnum, hex_upper};
use crate::state::AppState;
use crate::store::{self, now_ms};
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::Json;
use kasir_core::catalogue::{offer_by_wire_name, Psp};
use kasir_core::signature::ecommpay_verify;
use kasir_core::wire::ecommpay::{Callback, RedirectData, SyncResponse};
use percent_encoding::{utf8_percent_encode, NON_ALPHANUMERIC};
use serde_json::Value;
use std::collections::BTreeMap;
use std::sync::Arc;

type St = State<Arc<AppState>>;

/// Read a JSON request (a sale must be an object; a status query is read as any JSON).
async fn read_json(body: Body, object_only: bool) -> Result<Value, GateError> {
    let none = Value::Null;
    let bytes = http::read_body(body).await.ok_or_else(|| {
        gate_err(
            StatusCode::PAYLOAD_TOO_LARGE,
            "2",
            "Request body is too large",
            &none,
        )
    })?;
    match serde_json::from_slice::<Value>(&bytes) {
        Ok(v) if v.is_object() || !object_only => Ok(v),
        _ => Err(gate_err(
            StatusCode::BAD_REQUEST,
            "2",
            "Malformed JSON request",
            &none,
        )),
    }
}

fn check_signed(st: &AppState, v: &Value) -> Result<(), GateError> {
    if !project_ok(st, &v["general"]["project_id"]) {
        return Err(gate_err(
            StatusCode::BAD_REQUEST,
            "3001",
            "Project not found",
            v,
        ));
    }
    if ecommpay_verify(v, &st.cfg.ecommpay.secret).is_err() {
        return Err(gate_err(
            StatusCode::BAD_REQUEST,
            "1201",
            "Signature is invalid",
            v,
        ));
    }
    Ok(())
}

fn required<'a>(v: &'a Value, ptr: &str, what: &str) -> Result<&'a str, GateError> {
    v.pointer(ptr)
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty())
        .ok_or_else(|| {
            gate_err(
                StatusCode::BAD_REQUEST,
                "2",
                &format!("{what} is required"),
                v,
            )
        })
}

/// `POST /v2/payment/wallet/{method}/sale`.
pub async fn sale(
    State(st): St,
    headers: HeaderMap,
    Path(method): Path<String>,
    body: Body,
) -> Result<Json<SyncResponse>, GateError> {
    let v = read_json(body, true).await?;
    let base = base_url(&headers, &st);
    if offer_by_wire_name(Psp::Ecommpay, &method).is_none() {
        return Err(gate_err(
            StatusCode::NOT_FOUND,
            "3002",
            &format!("Payment method {method} is not supported"),
            &v,
        ));
    }
    check_signed(&st, &v)?;
    let pid = required(&v, "/general/payment_id", "general.payment_id")?;
    if pid.len() > 255 {
        return Err(gate_err(
            StatusCode::BAD_REQUEST,
            "2",
            "general.payment_id is required",
            &v,
        ));
    }
    let (amount, row) = check_amount(
        v["payment"]["amount"].as_i64(),
        v["payment"]["currency"].as_str().unwrap_or(""),
        Some(&method),
    )
    .map_err(|m| gate_err(StatusCode::BAD_REQUEST, "2", m, &v))?;
    let customer = required(&v, "/customer/id", "customer.id")?;
    required(&v, "/customer/ip_address", "customer.ip_address")?;
    let r = st.store.tx(|c| {
        if store::get::<Payment>(c, PAYMENT, &key(pid))?.is_some() {
            return Err(gate_err(
                StatusCode::BAD_REQUEST,
                "3041",
                "Payment ID already exists",
                &v,
            ));
        }
        let description = v["payment"]["description"].as_str().unwrap_or("");
        let mut p = new_payment(&st, pid, amount, row, customer, description, "gate");
        p.callback_url = callback_url(&st, v["general"]["merchant_callback_url"].as_str());
        p.success_url = v["return_url"]["success"].as_str().map(str::to_string);
        p.decline_url = v["return_url"]["decline"].as_str().map(str::to_string);
        let mut cb = callback(
            &st,
            &p,
            "awaiting redirect result",
            "awaiting redirect result",
            Some(("0", "Awaiting redirect result")),
        );
        let form: BTreeMap<&str, String> = BTreeMap::from([
            ("Data", alnum(48)),
            ("Remarks", String::new()),
            ("EncryptText", hex_upper(32)),
        ]);
        cb.redirect_data = Some(RedirectData {
            method: "POST".into(),
            url: format!(
                "{base}/ecommpay/redirect/{}",
                utf8_percent_encode(pid, NON_ALPHANUMERIC)
            ),
            body: serde_json::to_value(form).map_err(crate::store::StoreError::from)?,
        });
        sign(&st, &mut cb)?;
        send(c, &mut p, &cb)?;
        store::put(c, PAYMENT, &key(pid), &p)?;
        store::set_timer(
            c,
            &key(pid),
            EXPIRE_TIMER,
            now_ms() + st.cfg.expiry_ms(PENDING_EXPIRY_SECS),
        )?;
        Ok(SyncResponse {
            status: "success".into(),
            request_id: Some(p.request_id.clone()),
            project_id: Some(st.cfg.ecommpay.project_id as i64),
            payment_id: Some(pid.into()),
            code: None,
            message: None,
            extra: Default::default(),
        })
    });
    st.notify.notify_one();
    Ok(Json(r.map_err(|e| echo_ids(e, &v))?))
}

/// `POST /v2/payment/status`: the payment's latest state as a signed callback (no
/// `redirect_data`).
pub async fn status(State(st): St, body: Body) -> Result<Json<Callback>, GateError> {
    let v = read_json(body, false).await?;
    check_signed(&st, &v)?;
    let pid = v["general"]["payment_id"].as_str().unwrap_or("");
    let p: Payment = st
        .store
        .get(PAYMENT, &key(pid))
        .ok_or_else(|| gate_err(StatusCode::NOT_FOUND, "3061", "Transaction not found", &v))?;
    let mut cb = match p.last_callback.clone() {
        Some(cb) => cb,
        // nothing sent yet (a Payment Page the customer has not finished)
        None => callback(&st, &p, &p.status, &p.status, None),
    };
    cb.redirect_data = None;
    sign(&st, &mut cb).map_err(|e| echo_ids(e.into(), &v))?;
    Ok(Json(cb))
}
