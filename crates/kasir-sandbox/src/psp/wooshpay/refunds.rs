//! Refunds of succeeded intents (`POST/GET /v1/refunds`, `GET /v1/refunds/:id`), under the
//! catalogue row's rules.

use super::api::{auth, idem, invalid, list, missing, params, WpResult, PI, REFUND};
use super::intents::load;
use super::webhooks::emit;
use crate::ids::snowflake;
use crate::params::{int_param, object_param, str_param};
use crate::state::AppState;
use crate::store::{self, now_ms};
use axum::body::Body;
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::Json;
use kasir_core::catalogue::{offer_by_wire_name_in, Psp};
use kasir_core::wire::wooshpay::{List, Refund};
use std::collections::HashMap;
use std::sync::Arc;

type St = State<Arc<AppState>>;

/// `POST /v1/refunds`.
pub async fn create(State(st): St, headers: HeaderMap, body: Body) -> WpResult<Json<Refund>> {
    auth(&st, &headers, false)?;
    let (p, raw) = params(&headers, body).await?;
    let r = idem(&st, "wooshpay:refunds", &headers, &raw, |c| {
        let pid = str_param(&p, "payment_intent").ok_or_else(|| {
            invalid(
                "parameter_missing",
                "Missing required param: payment_intent.",
                Some("payment_intent"),
            )
        })?;
        let mut pi = load(c, &pid)?;
        if pi.status != "succeeded" {
            return Err(invalid(
                "charge_not_refundable",
                "This PaymentIntent has not succeeded and cannot be refunded.",
                Some("payment_intent"),
            ));
        }
        let total = pi.amount;
        let done = pi.amount_refunded.unwrap_or(0);
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
        let multiple = pi
            .payment_method_types
            .first()
            .zip(pi.currency.parse().ok())
            .and_then(|(t, cur)| offer_by_wire_name_in(Psp::Wooshpay, t, cur))
            .is_some_and(|o| o.refunds.multiple_partial);
        if done > 0 && !multiple {
            return Err(invalid(
                "refund_not_allowed",
                "This payment method does not allow more than one partial refund.",
                None,
            ));
        }
        let refund = Refund {
            id: snowflake("re"),
            object: "refund".into(),
            amount,
            currency: pi.currency.clone(),
            payment_intent: Some(pid.clone()),
            charge: pi.latest_charge.clone(),
            status: "succeeded".into(),
            created: now_ms(),
            reason: str_param(&p, "reason"),
            metadata: Some(object_param(&p, "metadata").unwrap_or_default()),
            extra: Default::default(),
        };
        pi.amount_refunded = Some(done + amount);
        store::put(c, PI, &pid, &pi)?;
        store::put(c, REFUND, &refund.id, &refund)?;
        emit(&st, c, "charge.refund.updated", &refund)?;
        Ok(refund)
    })?;
    Ok(Json(r))
}

/// `GET /v1/refunds` (`payment_intent` filters).
pub async fn list_all(
    State(st): St,
    headers: HeaderMap,
    Query(q): Query<HashMap<String, String>>,
) -> WpResult<Json<List<Refund>>> {
    auth(&st, &headers, false)?;
    let mut all: Vec<Refund> = st.store.list(REFUND)?;
    if let Some(p) = q.get("payment_intent") {
        all.retain(|r| r.payment_intent.as_ref() == Some(p));
    }
    Ok(Json(list("/v1/refunds", all, &q)))
}

/// `GET /v1/refunds/:id`.
pub async fn get(
    State(st): St,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> WpResult<Json<Refund>> {
    auth(&st, &headers, false)?;
    st.store
        .get(REFUND, &id)
        .map(Json)
        .ok_or_else(|| missing("refund", &id, "id"))
}
