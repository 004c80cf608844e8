//! How an Opn charge ends: paid, failed or expired (the customer page, the test control, the
//! expiry timer or `POST /charges/:id/expire`), and what the customer page shows about it.

use super::api::{auth, err, not_found, OpnResult, CHARGE, SOURCE};
use super::charges::EXPIRE_TIMER;
use super::events::emit;
use crate::ids::opn_id;
use crate::outcome::{Finished, Outcome, PayInfo};
use crate::state::AppState;
use crate::store::{self, now_ms, StoreError};
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::Json;
use kasir_core::catalogue::{offer_by_wire_name_in, Psp};
use kasir_core::time::format_rfc3339;
use kasir_core::wire::omise::{Charge, ChargeStatus, Source};
use std::sync::Arc;

/// Move a pending charge to its final state. `None` if there is no such charge;
/// `Some((charge, changed))` otherwise (a non-pending charge is left as it is).
pub fn finish(
    st: &AppState,
    c: &rusqlite::Connection,
    id: &str,
    outcome: Outcome,
) -> Result<Option<(Charge, bool)>, StoreError> {
    let Some(mut ch) = store::get::<Charge>(c, CHARGE, id)? else {
        return Ok(None);
    };
    if ch.status != ChargeStatus::Pending {
        return Ok(Some((ch, false)));
    }
    let now = format_rfc3339(now_ms());
    match outcome {
        Outcome::Successful => {
            ch.status = ChargeStatus::Successful;
            ch.paid = Some(true);
            ch.authorized = Some(true);
            ch.paid_at = Some(now.clone());
            ch.authorized_at = Some(now);
            ch.transaction = Some(opn_id("trxn"));
            let kind = ch.source.as_ref().map_or("", |s| s.kind.as_str());
            let refundable = ch
                .currency
                .parse()
                .ok()
                .and_then(|cur| offer_by_wire_name_in(Psp::Omise, kind, cur))
                .is_some_and(|o| o.refunds.refund_full || o.refunds.void_full);
            ch.refundable = Some(refundable);
            ch.can_perform_void = Some(refundable);
            let fee = ch.amount * 365 / 10_000;
            let vat = fee * 7 / 100;
            ch.fee = Some(fee);
            ch.fee_vat = Some(vat);
            ch.net = Some(ch.amount - fee - vat);
        }
        Outcome::Failed => {
            ch.status = ChargeStatus::Failed;
            ch.failure_code = Some("failed_processing".into());
            ch.failure_message = Some("General payment processing failure.".into());
        }
        Outcome::Expired => {
            ch.status = ChargeStatus::Expired;
            ch.expired = Some(true);
            ch.expired_at = Some(now);
        }
    }
    let status = ch.status.as_str().to_string();
    if let Some(src) = ch.source.as_mut() {
        src.charge_status = Some(status.clone());
        if let Some(mut s) = store::get::<Source>(c, SOURCE, &src.id)? {
            s.charge_status = Some(status);
            store::put(c, SOURCE, &s.id, &s)?;
        }
    }
    store::put(c, CHARGE, id, &ch)?;
    store::clear_timer(c, id)?;
    emit(st, c, "charge.complete", &ch)?;
    Ok(Some((ch, true)))
}

/// [`finish`] for the registry.
pub fn finished(
    st: &AppState,
    c: &rusqlite::Connection,
    id: &str,
    o: Outcome,
) -> Result<Option<Finished>, StoreError> {
    let Some((ch, changed)) = finish(st, c, id, o)? else {
        return Ok(None);
    };
    Ok(Some(Finished {
        return_url: ch.return_uri.clone(),
        object: serde_json::to_value(&ch)?,
        changed,
    }))
}

/// The customer page's view of a charge.
pub fn describe(st: &AppState, id: &str) -> Option<PayInfo> {
    let c: Charge = st.store.get(CHARGE, id)?;
    Some(PayInfo {
        psp: Psp::Omise.display_name(),
        amount: c.amount,
        pending: c.status == ChargeStatus::Pending,
        status: c.status.as_str().into(),
        method: c.source.map(|s| s.kind).unwrap_or_default(),
        currency: c.currency,
    })
}

/// Fire the expiry timer of a charge.
pub fn fire_timer(st: &AppState, c: &rusqlite::Connection, id: &str) -> Result<(), StoreError> {
    finish(st, c, id, Outcome::Expired).map(|_| ())
}

/// The timer kinds Opn schedules.
pub const TIMER_KINDS: &[&str] = &[EXPIRE_TIMER];

/// `POST /charges/:id/expire`.
pub async fn expire(
    State(st): State<Arc<AppState>>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> OpnResult<Json<Charge>> {
    auth(&st, &headers, false)?;
    let r = st
        .store
        .tx(|c| match finish(&st, c, &id, Outcome::Expired)? {
            Some((ch, true)) => Ok(ch),
            Some(_) => Err(err(
                StatusCode::BAD_REQUEST,
                "failed_expire",
                "charge is not pending and cannot be expired",
            )),
            None => Err(not_found("charge", &id)),
        });
    st.notify.notify_one();
    Ok(Json(r?))
}
