//! Opn Payments (Omise): sources, charges, QR documents and completion.
//! Refunds, events, webhooks, lists and capability live in [`super::omise_events`].

use super::omise_events as ev;
use crate::control::Outcome;
use crate::http::{self, base_url, esc, int_param, str_param, Fail, Idem};
use crate::store::{self, now_ms};
use crate::AppState;
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use kasir_core::catalogue::{
    availability, offer_by_wire_name, Availability, Flow, Psp, Unavailable,
};
use kasir_core::money::{Currency, Money};
use kasir_core::time::{format_rfc3339, parse_rfc3339_ms};
use serde_json::{json, Value};
use std::sync::Arc;

/// Stored kind of a charge.
pub const CHARGE: &str = "omise_charge";
/// Stored kind of a source.
pub const SOURCE: &str = "omise_source";

type St = State<Arc<AppState>>;

/// Opn routes (`POST /sources` is browser-callable and answers CORS).
pub fn routes() -> Router<Arc<AppState>> {
    let public = Router::new()
        .route("/sources", post(create_source))
        .layer(crate::cors_any());
    Router::new()
        .merge(public)
        .route("/sources/{id}", get(get_source))
        .route("/charges", post(create_charge).get(ev::list_charges))
        .route("/charges/{id}", get(get_charge).patch(update_charge))
        .route("/charges/{id}/expire", post(expire_charge))
        .route(
            "/charges/{id}/refunds",
            post(ev::create_refund).get(ev::list_refunds),
        )
        .route("/charges/{id}/refunds/{rid}", get(ev::get_refund))
        .route(
            "/charges/{id}/documents/{docu}/downloads/{token}",
            get(download),
        )
        .route("/events", get(ev::list_events))
        .route("/events/{id}", get(ev::get_event))
        .route("/capability", get(ev::capability))
}

/// An Opn error object.
pub fn err(status: StatusCode, code: &str, message: &str) -> Fail {
    Fail(
        status,
        json!({"object":"error","location":format!("https://www.omise.co/api-errors#{}", code.replace('_', "-")),
               "code":code,"message":message}),
    )
}

/// Respond with a result or an Opn error.
pub fn reply(r: Result<Value, Fail>) -> Response {
    match r {
        Ok(v) => http::json(StatusCode::OK, &v),
        Err(Fail(s, v)) => http::json(s, &v),
    }
}

/// Which key authenticated the call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// The public key.
    Public,
    /// The secret key.
    Secret,
}

/// Check credentials; `public_ok` allows the public key too.
pub fn auth(st: &AppState, headers: &HeaderMap, public_ok: bool) -> Result<Key, Fail> {
    let k = http::credential(headers).unwrap_or_default();
    if k == st.cfg.omise_secret_key {
        Ok(Key::Secret)
    } else if public_ok && k == st.cfg.omise_public_key {
        Ok(Key::Public)
    } else {
        Err(err(
            StatusCode::UNAUTHORIZED,
            "authentication_failure",
            "authentication failed",
        ))
    }
}

/// Read and parse a body into parameters, with Opn errors.
pub async fn params(headers: &HeaderMap, body: Body) -> Result<(Value, String), Fail> {
    let bytes = http::read_body(body).await.ok_or_else(|| {
        err(
            StatusCode::PAYLOAD_TOO_LARGE,
            "bad_request",
            "request body is too large",
        )
    })?;
    let v = http::parse_params(headers, &bytes)
        .map_err(|m| err(StatusCode::BAD_REQUEST, "bad_request", &m))?;
    Ok((v, String::from_utf8_lossy(&bytes).into_owned()))
}

fn limit_error(code: &str, u: Unavailable, currency: Currency) -> Fail {
    let m = match u {
        Unavailable::BelowMinimum { min } => format!(
            "amount must be greater than or equal to {} ({} subunits)",
            min.minor,
            currency.code().to_lowercase()
        ),
        Unavailable::AboveMaximum { max } => format!(
            "amount must be less than or equal to {} ({} subunits)",
            max.minor,
            currency.code().to_lowercase()
        ),
        _ => "currency is currently not supported".into(),
    };
    err(StatusCode::BAD_REQUEST, code, &m)
}

/// Validate type/amount/currency; `code` is `bad_request` for sources, `invalid_charge` for charges.
fn check(
    kind: &str,
    amount: Result<Option<i64>, http::NotAnInteger>,
    currency: Option<String>,
    code: &str,
) -> Result<(i64, Currency), Fail> {
    let bad = |m: &str| err(StatusCode::BAD_REQUEST, code, m);
    let offer = offer_by_wire_name(Psp::Omise, kind).ok_or_else(|| {
        err(
            StatusCode::BAD_REQUEST,
            "bad_request",
            "type is currently not supported",
        )
    })?;
    let amount = amount
        .map_err(|_| bad("amount is not a number"))?
        .ok_or_else(|| bad("amount is not a number"))?;
    let currency: Currency = currency
        .as_deref()
        .unwrap_or("")
        .parse()
        .map_err(|_| bad("currency is currently not supported"))?;
    match availability(offer.method, Psp::Omise, Money::new(amount, currency)) {
        Availability::Available(_) => Ok((amount, currency)),
        Availability::Unavailable(u) => Err(limit_error(code, u, currency)),
    }
}

fn flow_of(kind: &str) -> &'static str {
    match (kind, offer_by_wire_name(Psp::Omise, kind).map(|o| o.flow)) {
        ("truemoney_jumpapp", _) => "app_redirect",
        (_, Some(Flow::OfflineQr)) => "offline",
        _ => "redirect",
    }
}

fn new_source(p: &Value, kind: &str, amount: i64, currency: Currency) -> Value {
    let id = http::opn_id("src");
    json!({
        "object":"source","id":id,"livemode":false,"location":format!("/sources/{id}"),
        "amount":amount,"barcode":null,"bank":null,"created_at":format_rfc3339(now_ms()),
        "currency":currency.code(),"email":null,"flow":flow_of(kind),"installment_term":null,
        "ip":null,"absorption_type":null,"name":null,"mobile_number":null,
        "phone_number":str_param(p,"phone_number"),"platform_type":str_param(p,"platform_type"),
        "scannable_code":null,"billing":null,"shipping":null,"items":[],"references":null,
        "provider_references":null,"store_id":null,"store_name":null,"terminal_id":null,"type":kind,
        "zero_interest_installments":null,"charge_status":"unknown","receipt_amount":null,
        "discounts":[],"promotion_code":null
    })
}

async fn create_source(State(st): St, headers: HeaderMap, body: Body) -> Response {
    if let Err(e) = auth(&st, &headers, true) {
        return reply(Err(e));
    }
    let (p, raw) = match params(&headers, body).await {
        Ok(x) => x,
        Err(e) => return reply(Err(e)),
    };
    let kind = str_param(&p, "type").unwrap_or_default();
    let (amount, currency) = match check(
        &kind,
        int_param(&p, "amount"),
        str_param(&p, "currency"),
        "bad_request",
    ) {
        Ok(x) => x,
        Err(e) => return reply(Err(e)),
    };
    let src = new_source(&p, &kind, amount, currency);
    idem_reply(&st, "omise:sources", &headers, &raw, |c| {
        store::put(c, SOURCE, src["id"].as_str().unwrap_or_default(), &src)?;
        Ok(src.clone())
    })
}

/// Run an idempotent Opn create and reply.
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
        Idem::Conflict => reply(Err(err(
            StatusCode::BAD_REQUEST,
            "bad_request",
            "idempotency key was already used with a different request",
        ))),
        Idem::Failed(f) => reply(Err(f)),
    }
}

async fn get_source(State(st): St, headers: HeaderMap, Path(id): Path<String>) -> Response {
    reply(auth(&st, &headers, true).and_then(|_| {
        st.store.get(SOURCE, &id).ok_or_else(|| {
            err(
                StatusCode::NOT_FOUND,
                "not_found",
                &format!("source {id} was not found"),
            )
        })
    }))
}

/// Create a charge (the same code path serves `POST /charges` and the demo shop).
pub fn create_charge_tx(
    st: &AppState,
    c: &rusqlite::Transaction<'_>,
    base: &str,
    p: &Value,
) -> Result<Value, Fail> {
    let inv = |m: &str| err(StatusCode::BAD_REQUEST, "invalid_charge", m);
    let mut source = match p.get("source") {
        Some(Value::String(sid)) => {
            let s = store::get(c, SOURCE, sid)?.ok_or_else(|| {
                err(
                    StatusCode::NOT_FOUND,
                    "not_found",
                    &format!("source {sid} was not found"),
                )
            })?;
            if s["charge_status"] != "unknown" {
                return Err(inv("source has already been used"));
            }
            s
        }
        Some(obj @ Value::Object(_)) => {
            let kind = str_param(obj, "type").unwrap_or_default();
            let (amount, currency) = check(
                &kind,
                int_param(p, "amount"),
                str_param(p, "currency"),
                "invalid_charge",
            )?;
            new_source(obj, &kind, amount, currency)
        }
        _ => return Err(inv("source is required")),
    };
    let kind = source["type"].as_str().unwrap_or_default().to_string();
    let (amount, currency) = check(
        &kind,
        int_param(p, "amount"),
        str_param(p, "currency"),
        "invalid_charge",
    )?;
    if source["amount"] != json!(amount) || source["currency"] != json!(currency.code()) {
        return Err(inv("amount and currency must match the source"));
    }
    let offline = source["flow"] == "offline";
    let return_uri = str_param(p, "return_uri");
    if !offline && return_uri.is_none() {
        return Err(inv("return_uri is required for this source type"));
    }
    let now = now_ms();
    let expires = match str_param(p, "expires_at") {
        Some(s) => parse_rfc3339_ms(&s).map_err(|_| {
            err(
                StatusCode::BAD_REQUEST,
                "bad_request",
                "expires_at is invalid",
            )
        })?,
        None if offline => now + st.cfg.qr_expiry_secs * 1000,
        None => now + 86_400_000,
    };
    if expires <= now {
        return Err(err(
            StatusCode::BAD_REQUEST,
            "bad_request",
            "expires_at must be in the future",
        ));
    }
    let id = http::opn_id("chrg");
    if offline {
        let docu = http::opn_id("docu");
        let token = http::hex_upper(16);
        source["scannable_code"] = json!({"object":"barcode","type":"qr","image":{
            "object":"document","livemode":false,"id":docu,"deleted":false,"filename":"qrcode.svg",
            "location":format!("/charges/{id}/documents/{docu}"),"kind":"qr",
            "download_uri":format!("{base}/charges/{id}/documents/{docu}/downloads/{token}"),
            "created_at":format_rfc3339(now)}});
    }
    source["charge_status"] = json!("pending");
    let metadata = match p.get("metadata") {
        Some(m @ Value::Object(_)) => m.clone(),
        _ => json!({}),
    };
    let charge = json!({
        "object":"charge","id":id,"location":format!("/charges/{id}"),"amount":amount,
        "acquirer_reference_number":null,"net":0,"fee":0,"fee_vat":0,"interest":0,"interest_vat":0,
        "funding_amount":amount,"refunded_amount":0,
        "transaction_fees":{"fee_flat":"0.0","fee_rate":"3.65","vat_rate":"7.0"},
        "platform_fee":{"fixed":null,"amount":null,"percentage":null},
        "currency":currency.code(),"funding_currency":currency.code(),"ip":str_param(p,"ip"),
        "refunds":ev::refund_list(&id, &[], now),"link":null,"description":str_param(p,"description"),
        "metadata":metadata,"card":null,"source":source,"schedule":null,"linked_account":null,"customer":null,
        "dispute":null,"transaction":null,"failure_code":null,"failure_message":null,"status":"pending",
        "authorize_uri":format!("{base}/pay/{id}"),"return_uri":return_uri,"created_at":format_rfc3339(now),
        "paid_at":null,"authorized_at":null,"expires_at":format_rfc3339(expires),"expired_at":null,
        "reversed_at":null,"zero_interest_installments":false,"branch":null,"terminal":null,"device":null,
        "authorized":false,"capturable":false,"capture":true,"disputable":false,"livemode":false,
        "refundable":false,"partially_refundable":false,"reversed":false,"reversible":false,"voided":false,
        "paid":false,"expired":false,"can_perform_void":false,"approval_code":null
    });
    store::put(
        c,
        SOURCE,
        source["id"].as_str().unwrap_or_default(),
        &source,
    )?;
    store::put(c, CHARGE, &id, &charge)?;
    store::set_timer(c, &id, "omise_expire", expires)?;
    ev::emit(st, c, "charge.create", &charge)?;
    Ok(charge)
}

async fn create_charge(State(st): St, headers: HeaderMap, body: Body) -> Response {
    if let Err(e) = auth(&st, &headers, false) {
        return reply(Err(e));
    }
    let (p, raw) = match params(&headers, body).await {
        Ok(x) => x,
        Err(e) => return reply(Err(e)),
    };
    let base = base_url(&headers, &st);
    idem_reply(&st, "omise:charges", &headers, &raw, |c| {
        create_charge_tx(&st, c, &base, &p)
    })
}

/// Load a charge or fail with `not_found`.
pub fn load(c: &rusqlite::Connection, id: &str) -> Result<Value, Fail> {
    store::get(c, CHARGE, id)?.ok_or_else(|| {
        err(
            StatusCode::NOT_FOUND,
            "not_found",
            &format!("charge {id} was not found"),
        )
    })
}

async fn get_charge(State(st): St, headers: HeaderMap, Path(id): Path<String>) -> Response {
    reply(auth(&st, &headers, false).and_then(|_| st.store.tx(|c| load(c, &id))))
}

async fn update_charge(
    State(st): St,
    headers: HeaderMap,
    Path(id): Path<String>,
    body: Body,
) -> Response {
    if let Err(e) = auth(&st, &headers, false) {
        return reply(Err(e));
    }
    let (p, _) = match params(&headers, body).await {
        Ok(x) => x,
        Err(e) => return reply(Err(e)),
    };
    reply(st.store.tx(|c| {
        let mut ch = load(c, &id)?;
        if let Some(d) = str_param(&p, "description") {
            ch["description"] = json!(d);
        }
        if let Some(m @ Value::Object(_)) = p.get("metadata") {
            ch["metadata"] = m.clone();
        }
        store::put(c, CHARGE, &id, &ch)?;
        Ok(ch)
    }))
}

async fn expire_charge(State(st): St, headers: HeaderMap, Path(id): Path<String>) -> Response {
    if let Err(e) = auth(&st, &headers, false) {
        return reply(Err(e));
    }
    let r = st
        .store
        .tx(|c| match finish(&st, c, &id, Outcome::Expired)? {
            Some((ch, true)) => Ok(ch),
            Some(_) => Err(err(
                StatusCode::BAD_REQUEST,
                "failed_expire",
                "charge is not pending and cannot be expired",
            )),
            None => Err(err(
                StatusCode::NOT_FOUND,
                "not_found",
                &format!("charge {id} was not found"),
            )),
        });
    st.notify.notify_one();
    reply(r)
}

/// Move a pending charge to its final state. `None` if there is no such charge;
/// `Some((charge, changed))` otherwise (a non-pending charge is left as it is).
pub fn finish(
    st: &AppState,
    c: &rusqlite::Connection,
    id: &str,
    outcome: Outcome,
) -> Result<Option<(Value, bool)>, Fail> {
    let Some(mut ch) = store::get(c, CHARGE, id)? else {
        return Ok(None);
    };
    if ch["status"] != "pending" {
        return Ok(Some((ch, false)));
    }
    let now = format_rfc3339(now_ms());
    match outcome {
        Outcome::Successful => {
            ch["status"] = json!("successful");
            ch["paid"] = json!(true);
            ch["authorized"] = json!(true);
            ch["paid_at"] = json!(now);
            ch["authorized_at"] = json!(now);
            ch["transaction"] = json!(http::opn_id("trxn"));
            let refundable =
                offer_by_wire_name(Psp::Omise, ch["source"]["type"].as_str().unwrap_or(""))
                    .is_some_and(|o| o.refunds.refund_full || o.refunds.void_full);
            ch["refundable"] = json!(refundable);
            ch["can_perform_void"] = json!(refundable);
            let amount = ch["amount"].as_i64().unwrap_or(0);
            let fee = amount * 365 / 10_000;
            let vat = fee * 7 / 100;
            ch["fee"] = json!(fee);
            ch["fee_vat"] = json!(vat);
            ch["net"] = json!(amount - fee - vat);
        }
        Outcome::Failed => {
            ch["status"] = json!("failed");
            ch["failure_code"] = json!("failed_processing");
            ch["failure_message"] = json!("General payment processing failure.");
        }
        Outcome::Expired => {
            ch["status"] = json!("expired");
            ch["expired"] = json!(true);
            ch["expired_at"] = json!(now);
        }
    }
    let status = ch["status"].clone();
    ch["source"]["charge_status"] = status.clone();
    if let Some(sid) = ch["source"]["id"].as_str() {
        if let Some(mut s) = store::get(c, SOURCE, sid)? {
            s["charge_status"] = status;
            store::put(c, SOURCE, sid, &s)?;
        }
    }
    store::put(c, CHARGE, id, &ch)?;
    store::clear_timer(c, id)?;
    ev::emit(st, c, "charge.complete", &ch)?;
    Ok(Some((ch, true)))
}

async fn download(
    State(st): St,
    headers: HeaderMap,
    Path((id, docu, token)): Path<(String, String, String)>,
) -> Response {
    let Some(ch) = st.store.get(CHARGE, &id) else {
        return reply(Err(err(
            StatusCode::NOT_FOUND,
            "not_found",
            "document was not found",
        )));
    };
    let img = &ch["source"]["scannable_code"]["image"];
    let expected = img["download_uri"].as_str().unwrap_or("");
    if img["id"] != json!(docu)
        || !expected.ends_with(&format!("/downloads/{token}"))
        || token.len() != 16
    {
        return reply(Err(err(
            StatusCode::NOT_FOUND,
            "not_found",
            "document was not found",
        )));
    }
    let url = format!("{}/pay/{id}", base_url(&headers, &st));
    match qrcode::QrCode::new(url.as_bytes()) {
        Ok(code) => {
            let svg = code
                .render::<qrcode::render::svg::Color<'_>>()
                .min_dimensions(240, 240)
                .quiet_zone(true)
                .build();
            (
                [
                    (axum::http::header::CONTENT_TYPE, "image/svg+xml"),
                    (axum::http::header::CACHE_CONTROL, "no-store"),
                ],
                svg,
            )
                .into_response()
        }
        Err(e) => http::html(StatusCode::INTERNAL_SERVER_ERROR, esc(&e.to_string())),
    }
}
