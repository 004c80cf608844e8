//! Sources (`POST /sources`, `GET /sources/:id`) and the type / amount / currency check a source
//! or a charge passes, against the catalogue.

use super::account::Settings;
use super::api::{auth, err, idem, not_found, params, OpnError, OpnResult, SOURCE};
use super::fields::check_fields;
use crate::ids::opn_id;
use crate::params::{int_param, str_param, NotAnInteger};
use crate::state::AppState;
use crate::store::{self, now_ms};
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::Json;
use kasir_core::catalogue::{
    availability, offer_by_wire_name, Availability, Flow, Input, Offer, Psp, Unavailable,
};
use kasir_core::money::{Currency, Money};
use kasir_core::time::format_rfc3339;
use kasir_core::wire::omise::Source;
use serde_json::Value;
use std::sync::Arc;

fn limit_error(code: &str, u: Unavailable, currency: Currency) -> OpnError {
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

/// Validate type/amount/currency against the catalogue; `code` is `bad_request` for sources,
/// `invalid_charge` for charges. The catalogue row in that currency on success.
pub fn check(
    kind: &str,
    amount: Result<Option<i64>, NotAnInteger>,
    currency: Option<String>,
    code: &str,
) -> OpnResult<(i64, Currency, &'static Offer)> {
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
        Availability::Available(row) => Ok((amount, currency, row)),
        Availability::Unavailable(u) => Err(limit_error(code, u, currency)),
    }
}

/// [`check`], then the method's own fields (`fields`: the source's parameters) against the
/// account: what a new source must pass.
pub fn check_new(
    acct: &Settings,
    fields: &Value,
    kind: &str,
    amount: Result<Option<i64>, NotAnInteger>,
    currency: Option<String>,
    code: &str,
) -> OpnResult<(i64, Currency, &'static Offer)> {
    let (amount, currency, row) = check(kind, amount, currency, code)?;
    check_fields(acct, fields, kind, row, Money::new(amount, currency), code)?;
    Ok((amount, currency, row))
}

/// The source `flow` of a wire name: `offline` for QR rows, `app_redirect` for a row's mobile
/// (deep-link) name or an app-redirect row, `redirect` otherwise.
fn flow_of(kind: &str, offer: &Offer) -> &'static str {
    match offer.flow {
        _ if offer.wire_name_mobile == Some(kind) => "app_redirect",
        Flow::OfflineQr => "offline",
        Flow::AppRedirect => "app_redirect",
        Flow::Redirect => "redirect",
    }
}

/// A new, unstored source of `kind` from the parameters `p` (the shopper's inputs).
pub fn new_source(
    acct: &Settings,
    p: &Value,
    kind: &str,
    amount: i64,
    currency: Currency,
    offer: &Offer,
) -> Source {
    let id = opn_id("src");
    let installment = offer.inputs.contains(&Input::InstallmentTerm);
    Source {
        object: "source".into(),
        location: Some(format!("/sources/{id}")),
        id,
        livemode: Some(false),
        amount,
        bank: str_param(p, "bank"),
        created_at: Some(format_rfc3339(now_ms())),
        currency: currency.code().into(),
        email: str_param(p, "email"),
        flow: Some(flow_of(kind, offer).into()),
        installment_term: int_param(p, "installment_term").ok().flatten(),
        phone_number: str_param(p, "phone_number"),
        platform_type: str_param(p, "platform_type"),
        items: Some(Vec::new()),
        kind: kind.into(),
        charge_status: Some("unknown".into()),
        discounts: Some(Vec::new()),
        zero_interest_installments: installment.then_some(acct.zero_interest_installments),
        ..Source::default()
    }
}

/// `POST /sources` (public or secret key).
pub async fn create(
    State(st): State<Arc<AppState>>,
    headers: HeaderMap,
    body: Body,
) -> OpnResult<Json<Source>> {
    auth(&st, &headers, true)?;
    let (p, raw) = params(&headers, body).await?;
    let kind = str_param(&p, "type").unwrap_or_default();
    let acct = Settings::current(&st);
    let (amount, currency, offer) = check_new(
        &acct,
        &p,
        &kind,
        int_param(&p, "amount"),
        str_param(&p, "currency"),
        "bad_request",
    )?;
    let src = new_source(&acct, &p, &kind, amount, currency, offer);
    let src = idem(&st, "omise:sources", &headers, &raw, |c| {
        store::put(c, SOURCE, &src.id, &src)?;
        Ok(src.clone())
    })?;
    Ok(Json(src))
}

/// `GET /sources/:id`.
pub async fn get(
    State(st): State<Arc<AppState>>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> OpnResult<Json<Source>> {
    auth(&st, &headers, true)?;
    st.store
        .get(SOURCE, &id)
        .map(Json)
        .ok_or_else(|| not_found("source", &id))
}
