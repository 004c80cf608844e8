//! Refunds and same-day voids (`POST/GET /charges/:id/refunds`, `GET …/refunds/:rid`), under the
//! catalogue row's void/refund rules; a TrueMoney charge follows its funding source's row of
//! seed 004 (wallet balance unless `POST /_sandbox/omise/charges/:id/funding` says otherwise).

use super::api::{auth, err, idem, load, not_found, params, OpnResult, CHARGE, FUNDING};
use super::events::emit;
use super::lists::{paged, refund_list};
use crate::error::{ApiError, Plain};
use crate::ids::opn_id;
use crate::params::{int_param, object_param};
use crate::state::AppState;
use crate::store::{self, now_ms};
use axum::body::Body;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::Json;
use kasir_core::catalogue::{
    offer_by_wire_name_in, opn_truemoney_refund_rule, Offer, Psp, RefundRule, TruemoneyFunding,
};
use kasir_core::time::{format_rfc3339, parse_rfc3339_ms};
use kasir_core::wire::omise::{Charge, ChargeStatus, List, Refund};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::HashMap;
use std::sync::Arc;

fn day(ms: i64) -> i64 {
    ms.div_euclid(86_400_000)
}

const FUNDINGS: &[(&str, TruemoneyFunding)] = &[
    ("wallet_balance", TruemoneyFunding::WalletBalance),
    ("bank_account", TruemoneyFunding::BankAccount),
    ("credit_card", TruemoneyFunding::CreditCard),
    ("pay_next", TruemoneyFunding::PayNext),
    ("pay_next_extra", TruemoneyFunding::PayNextExtra),
];

/// The funding source a TrueMoney charge was paid with (sandbox control).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Funding {
    /// The charge.
    pub charge: String,
    /// `wallet_balance`, `bank_account`, `credit_card`, `pay_next` or `pay_next_extra`.
    pub funding: String,
}

fn row_of(ch: &Charge) -> Option<&'static Offer> {
    let kind = ch.source.as_ref()?.kind.as_str();
    offer_by_wire_name_in(Psp::Omise, kind, ch.currency.parse().ok()?)
}

/// A row whose rules are seed 004's TrueMoney table (the wallet-balance row by default).
fn follows_funding(row: &Offer) -> bool {
    row.refunds == opn_truemoney_refund_rule(TruemoneyFunding::WalletBalance)
}

/// The store id of a charge's funding record (ids are unique across kinds).
fn funding_key(charge_id: &str) -> String {
    format!("funding:{charge_id}")
}

fn rule_of(c: &rusqlite::Connection, ch: &Charge) -> OpnResult<RefundRule> {
    let Some(row) = row_of(ch) else {
        return Ok(RefundRule::NONE);
    };
    let funding: Option<Funding> = store::get(c, FUNDING, &funding_key(&ch.id))?;
    let chosen = funding.and_then(|f| FUNDINGS.iter().find(|(n, _)| *n == f.funding));
    Ok(match chosen {
        Some((_, f)) if follows_funding(row) => opn_truemoney_refund_rule(*f),
        _ => row.refunds,
    })
}

/// Apply a refund to a charge inside a transaction (seed 004 void / refund rules).
pub fn refund_tx(
    st: &AppState,
    c: &rusqlite::Connection,
    id: &str,
    p: &Value,
) -> OpnResult<Refund> {
    let fr = |m: &str| err(StatusCode::BAD_REQUEST, "failed_refund", m);
    let inv = |m: &str| err(StatusCode::BAD_REQUEST, "invalid_amount", m);
    let mut ch = load(c, id)?;
    let amount = int_param(p, "amount")
        .map_err(|_| inv("amount is not a number"))?
        .ok_or_else(|| inv("amount is not a number"))?;
    if amount <= 0 {
        return Err(inv("amount must be greater than 0"));
    }
    if ch.status != ChargeStatus::Successful {
        return Err(fr("charge is not successful and cannot be refunded"));
    }
    let total = ch.amount;
    let refunded = ch.refunded_amount.unwrap_or(0);
    if amount > total - refunded {
        return Err(fr(
            "amount must be less than or equal to the unrefunded amount",
        ));
    }
    let rule = rule_of(c, &ch)?;
    let now = now_ms();
    let ms = |s: &Option<String>| s.as_deref().and_then(|s| parse_rfc3339_ms(s).ok());
    let created = ms(&ch.created_at).unwrap_or(now);
    let paid = ms(&ch.paid_at).unwrap_or(created);
    let full = amount == total && refunded == 0;
    let voided = if day(now) == day(paid) {
        if !(full && rule.void_full || !full && rule.void_partial) {
            return Err(fr("this charge cannot be voided for this amount"));
        }
        true
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
    let mut all = ch.refunds.take().map(|l| l.data).unwrap_or_default();
    if !(all.is_empty() || rule.multiple_partial || voided && rule.void_partial) {
        return Err(fr(
            "multiple partial refunds are not allowed for this payment method",
        ));
    }
    let rid = opn_id("rfnd");
    let refund = Refund {
        object: "refund".into(),
        location: Some(format!("/charges/{id}/refunds/{rid}")),
        livemode: Some(false),
        amount,
        currency: ch.currency.clone(),
        charge: Some(id.into()),
        transaction: Some(opn_id("trxn")),
        created_at: Some(format_rfc3339(now)),
        voided: Some(voided),
        status: Some("closed".into()),
        funding_amount: Some(amount),
        funding_currency: Some(ch.currency.clone()),
        metadata: Some(Value::Object(
            object_param(p, "metadata").unwrap_or_default(),
        )),
        id: rid,
        ..Refund::default()
    };
    all.push(refund.clone());
    let new_refunded = refunded + amount;
    ch.refunded_amount = Some(new_refunded);
    ch.refunds = Some(refund_list(id, all));
    ch.refundable = Some(new_refunded < total && rule.multiple_partial);
    ch.partially_refundable = Some(false);
    if voided && new_refunded == total {
        ch.voided = Some(true);
    }
    store::put(c, CHARGE, id, &ch)?;
    emit(st, c, "refund.create", &refund)?;
    Ok(refund)
}

/// `POST /charges/:id/refunds`.
pub async fn create(
    State(st): State<Arc<AppState>>,
    headers: HeaderMap,
    Path(id): Path<String>,
    body: Body,
) -> OpnResult<Json<Refund>> {
    auth(&st, &headers, false)?;
    let (p, raw) = params(&headers, body).await?;
    let r = idem(&st, &format!("omise:refunds:{id}"), &headers, &raw, |c| {
        refund_tx(&st, c, &id, &p)
    })?;
    Ok(Json(r))
}

fn refunds_of(st: &AppState, id: &str) -> OpnResult<Vec<Refund>> {
    let ch = st.store.tx(|c| load(c, id))?;
    Ok(ch.refunds.map(|l| l.data).unwrap_or_default())
}

/// `GET /charges/:id/refunds`.
pub async fn list(
    State(st): State<Arc<AppState>>,
    headers: HeaderMap,
    Path(id): Path<String>,
    Query(q): Query<HashMap<String, String>>,
) -> OpnResult<Json<List<Refund>>> {
    auth(&st, &headers, false)?;
    let data = refunds_of(&st, &id)?;
    Ok(Json(paged(
        &q,
        data,
        &format!("/charges/{id}/refunds"),
        |r: &Refund| r.created_at.as_deref(),
    )))
}

/// `GET /charges/:id/refunds/:rid`.
pub async fn get(
    State(st): State<Arc<AppState>>,
    headers: HeaderMap,
    Path((id, rid)): Path<(String, String)>,
) -> OpnResult<Json<Refund>> {
    auth(&st, &headers, false)?;
    refunds_of(&st, &id)?
        .into_iter()
        .find(|r| r.id == rid)
        .map(Json)
        .ok_or_else(|| not_found("refund", &rid))
}

#[derive(Deserialize)]
struct FundingParams {
    funding: String,
}

/// `POST /_sandbox/omise/charges/:id/funding` `{"funding": "pay_next"}`: what the shopper's
/// TrueMoney payment was funded with, which decides the charge's void/refund row (seed 004).
pub async fn set_funding(
    State(st): State<Arc<AppState>>,
    Path(id): Path<String>,
    body: axum::body::Bytes,
) -> Result<Json<Funding>, ApiError<Plain>> {
    let bad = |m: &str| ApiError::<Plain>::new(StatusCode::BAD_REQUEST, "bad_request", m);
    let names = FUNDINGS
        .iter()
        .map(|(n, _)| *n)
        .collect::<Vec<_>>()
        .join(", ");
    let p: FundingParams = serde_json::from_slice(&body).map_err(|_| {
        bad(&format!(
            "body must be JSON {{\"funding\": one of {names}}}"
        ))
    })?;
    if !FUNDINGS.iter().any(|(n, _)| *n == p.funding) {
        return Err(bad(&format!("funding must be one of {names}")));
    }
    let f = st.store.tx(|c| {
        let ch: Charge = store::get(c, CHARGE, &id)?.ok_or_else(|| {
            ApiError::new(
                StatusCode::NOT_FOUND,
                "not_found",
                &format!("no charge {id}"),
            )
        })?;
        if !row_of(&ch).is_some_and(follows_funding) {
            return Err(bad("only TrueMoney charges have a funding source"));
        }
        let f = Funding {
            charge: id.clone(),
            funding: p.funding.clone(),
        };
        store::put(c, FUNDING, &funding_key(&id), &f)?;
        Ok(f)
    })?;
    Ok(Json(f))
}
