//! Charges: create (from a source id or an inline source), retrieve, update, list.

use super::account::Settings;
use super::api::{auth, err, idem, load, not_found, params, OpnResult, CHARGE, SOURCE};
use super::documents::qr_filename;
use super::events::emit;
use super::lists::{paged, refund_list};
use super::sources::{check, check_new, new_source};
use crate::config::{PENDING_EXPIRY_SECS, QR_EXPIRY_SECS};
use crate::http::base_url;
use crate::ids::{hex_upper, opn_id};
use crate::params::{int_param, object_param, str_param};
use crate::state::AppState;
use crate::store::{self, now_ms};
use axum::body::Body;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::Json;
use kasir_core::time::{format_rfc3339, parse_rfc3339_ms};
use kasir_core::wire::omise::{
    Charge, ChargeStatus, Document, List, PlatformFee, ScannableCode, Source, TransactionFees,
};
use serde_json::Value;
use std::collections::HashMap;
use std::sync::Arc;

/// Stored kind of a charge's expiry timer.
pub const EXPIRE_TIMER: &str = "omise_expire";

fn charge_source(st: &AppState, c: &rusqlite::Transaction<'_>, p: &Value) -> OpnResult<Source> {
    let inv = |m: &str| err(StatusCode::BAD_REQUEST, "invalid_charge", m);
    match p.get("source") {
        Some(Value::String(sid)) => {
            let s: Source = store::get(c, SOURCE, sid)?.ok_or_else(|| not_found("source", sid))?;
            if s.charge_status.as_deref() != Some("unknown") {
                return Err(inv("source has already been used"));
            }
            Ok(s)
        }
        Some(obj @ Value::Object(_)) => {
            let kind = str_param(obj, "type").unwrap_or_default();
            let acct = Settings::current_in(st, c);
            let (amount, currency, offer) = check_new(
                &acct,
                obj,
                &kind,
                int_param(p, "amount"),
                str_param(p, "currency"),
                "invalid_charge",
            )?;
            Ok(new_source(&acct, obj, &kind, amount, currency, offer))
        }
        _ => Err(inv("source is required")),
    }
}

fn qr_code(base: &str, charge_id: &str, kind: &str, now: i64) -> ScannableCode {
    let docu = opn_id("docu");
    let token = hex_upper(16);
    ScannableCode {
        object: "barcode".into(),
        kind: "qr".into(),
        image: Document {
            object: "document".into(),
            livemode: Some(false),
            deleted: Some(false),
            filename: Some(qr_filename(kind).into()),
            location: Some(format!("/charges/{charge_id}/documents/{docu}")),
            kind: Some("qr".into()),
            download_uri: format!("{base}/charges/{charge_id}/documents/{docu}/downloads/{token}"),
            created_at: Some(format_rfc3339(now)),
            id: docu,
            extra: Default::default(),
        },
        extra: Default::default(),
    }
}

/// Create a charge (the same code path serves `POST /charges` and the demo shop).
pub fn create_tx(
    st: &AppState,
    c: &rusqlite::Transaction<'_>,
    base: &str,
    p: &Value,
) -> OpnResult<Charge> {
    let inv = |m: &str| err(StatusCode::BAD_REQUEST, "invalid_charge", m);
    let mut source = charge_source(st, c, p)?;
    let (amount, currency, _) = check(
        &source.kind,
        int_param(p, "amount"),
        str_param(p, "currency"),
        "invalid_charge",
    )?;
    if source.amount != amount || source.currency != currency.code() {
        return Err(inv("amount and currency must match the source"));
    }
    let offline = source.flow.as_deref() == Some("offline");
    let return_uri = str_param(p, "return_uri");
    if !offline && return_uri.is_none() {
        return Err(inv("return_uri is required for this source type"));
    }
    let now = now_ms();
    let bad = |m: &str| err(StatusCode::BAD_REQUEST, "bad_request", m);
    let expires = match str_param(p, "expires_at") {
        Some(s) => parse_rfc3339_ms(&s).map_err(|_| bad("expires_at is invalid"))?,
        None if offline => now + st.cfg.expiry_ms(QR_EXPIRY_SECS),
        None => now + st.cfg.expiry_ms(PENDING_EXPIRY_SECS),
    };
    if expires <= now {
        return Err(bad("expires_at must be in the future"));
    }
    let id = opn_id("chrg");
    if offline {
        source.scannable_code = Some(qr_code(base, &id, &source.kind, now));
    }
    source.charge_status = Some(ChargeStatus::Pending.as_str().into());
    let code = currency.code().to_string();
    let charge = Charge {
        object: "charge".into(),
        location: Some(format!("/charges/{id}")),
        amount,
        net: Some(0),
        fee: Some(0),
        fee_vat: Some(0),
        interest: Some(0),
        interest_vat: Some(0),
        funding_amount: Some(amount),
        refunded_amount: Some(0),
        transaction_fees: Some(TransactionFees {
            fee_flat: Some("0.0".into()),
            fee_rate: Some("3.65".into()),
            vat_rate: Some("7.0".into()),
        }),
        platform_fee: Some(PlatformFee::default()),
        currency: code.clone(),
        funding_currency: Some(code),
        ip: str_param(p, "ip"),
        refunds: Some(refund_list(&id, Vec::new())),
        description: str_param(p, "description"),
        metadata: Some(Value::Object(
            object_param(p, "metadata").unwrap_or_default(),
        )),
        status: ChargeStatus::Pending,
        authorize_uri: Some(format!("{base}/pay/{id}")),
        return_uri,
        created_at: Some(format_rfc3339(now)),
        expires_at: Some(format_rfc3339(expires)),
        zero_interest_installments: Some(false),
        authorized: Some(false),
        capturable: Some(false),
        capture: Some(true),
        disputable: Some(false),
        livemode: Some(false),
        refundable: Some(false),
        partially_refundable: Some(false),
        reversed: Some(false),
        reversible: Some(false),
        voided: Some(false),
        paid: Some(false),
        expired: Some(false),
        can_perform_void: Some(false),
        source: Some(source.clone()),
        id: id.clone(),
        ..Charge::default()
    };
    store::put(c, SOURCE, &source.id, &source)?;
    store::put(c, CHARGE, &id, &charge)?;
    store::set_timer(c, &id, EXPIRE_TIMER, expires)?;
    emit(st, c, "charge.create", &charge)?;
    Ok(charge)
}

/// `POST /charges`.
pub async fn create(
    State(st): State<Arc<AppState>>,
    headers: HeaderMap,
    body: Body,
) -> OpnResult<Json<Charge>> {
    auth(&st, &headers, false)?;
    let (p, raw) = params(&headers, body).await?;
    let base = base_url(&headers, &st);
    let ch = idem(&st, "omise:charges", &headers, &raw, |c| {
        create_tx(&st, c, &base, &p)
    })?;
    Ok(Json(ch))
}

/// `GET /charges/:id`.
pub async fn get(
    State(st): State<Arc<AppState>>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> OpnResult<Json<Charge>> {
    auth(&st, &headers, false)?;
    Ok(Json(st.store.tx(|c| load(c, &id))?))
}

/// `PATCH /charges/:id` (description, metadata).
pub async fn update(
    State(st): State<Arc<AppState>>,
    headers: HeaderMap,
    Path(id): Path<String>,
    body: Body,
) -> OpnResult<Json<Charge>> {
    auth(&st, &headers, false)?;
    let (p, _) = params(&headers, body).await?;
    let ch = st.store.tx(|c| {
        let mut ch = load(c, &id)?;
        if let Some(d) = str_param(&p, "description") {
            ch.description = Some(d);
        }
        if let Some(m) = object_param(&p, "metadata") {
            ch.metadata = Some(Value::Object(m));
        }
        store::put(c, CHARGE, &id, &ch)?;
        Ok::<_, super::api::OpnError>(ch)
    })?;
    Ok(Json(ch))
}

/// `GET /charges`.
pub async fn list(
    State(st): State<Arc<AppState>>,
    headers: HeaderMap,
    Query(q): Query<HashMap<String, String>>,
) -> OpnResult<Json<List<Charge>>> {
    auth(&st, &headers, false)?;
    let all = st.store.list(CHARGE)?;
    Ok(Json(paged(&q, all, "/charges", |c: &Charge| {
        c.created_at.as_deref()
    })))
}
