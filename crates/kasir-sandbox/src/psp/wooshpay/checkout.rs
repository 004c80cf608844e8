//! Checkout sessions: a hosted page (the sandbox's customer page) over a payment intent,
//! millisecond `expires_at` (24 h or `--expiry-secs` by default), completion and expiry through
//! the intent.

use super::api::{auth, idem, invalid, list, missing, params, WpResult, PI, SESSION};
use super::intents::{new_intent, redirect_to, IntentSpec};
use super::lifecycle;
use super::line_items::line_items;
use super::validate::method_types;
use super::webhooks::emit;
use crate::config::PENDING_EXPIRY_SECS;
use crate::http::base_url;
use crate::ids::snowflake;
use crate::outcome::{Finished, Outcome, PayInfo};
use crate::params::{int_param, object_param, str_param};
use crate::state::AppState;
use crate::store::{self, now_ms, StoreError};
use axum::body::Body;
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::Json;
use kasir_core::wire::wooshpay::{CheckoutSession, List, PaymentIntent};
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

/// Stored kind of a session's expiry timer.
pub const EXPIRE_TIMER: &str = "wooshpay_session_expire";

type St = State<Arc<AppState>>;

/// `POST /v1/checkout/sessions`.
pub async fn create(
    State(st): St,
    headers: HeaderMap,
    body: Body,
) -> WpResult<Json<CheckoutSession>> {
    auth(&st, &headers, false)?;
    let (p, raw) = params(&headers, body).await?;
    let base = base_url(&headers, &st);
    let cs = idem(&st, "wooshpay:cs", &headers, &raw, |c| {
        if str_param(&p, "mode").as_deref() != Some("payment") {
            return Err(invalid(
                "parameter_invalid",
                "Only mode=payment is supported by the sandbox.",
                Some("mode"),
            ));
        }
        let success = str_param(&p, "success_url").ok_or_else(|| {
            invalid(
                "parameter_missing",
                "Missing required param: success_url.",
                Some("success_url"),
            )
        })?;
        let (items, total, currency) = line_items(&p)?;
        let metadata = object_param(&p, "metadata").unwrap_or_default();
        let mut pi = new_intent(IntentSpec {
            amount: Ok(Some(total)),
            currency: Some(currency.clone()),
            types: method_types(&p)?,
            options: BTreeMap::new(),
            return_url: Some(success.clone()),
            customer: None,
            description: None,
            metadata: metadata.clone(),
            merchant_order_id: None,
        })?;
        let now = now_ms();
        let expires = expires_at(&st, &p, now)?;
        let id = snowflake("cs");
        let url = format!("{base}/pay/{id}");
        pi.status = "requires_action".into();
        pi.next_action = Some(redirect_to(url.clone(), Some(success.clone())));
        let cs = CheckoutSession {
            object: "checkout.session".into(),
            created: now,
            currency: Some(currency),
            customer: str_param(&p, "customer"),
            mode: Some("payment".into()),
            livemode: Some(false),
            status: "open".into(),
            url,
            success_url: Some(success),
            cancel_url: str_param(&p, "cancel_url"),
            line_items: Some(List {
                object: "list".into(),
                url: Some(format!("/v1/checkout/sessions/{id}/line_items")),
                has_more: Some(false),
                data: items,
                extra: Default::default(),
            }),
            payment_intent: Some(pi.id.clone()),
            payment_status: Some("unpaid".into()),
            amount_subtotal: Some(total),
            amount_total: Some(total),
            expires_at: Some(expires),
            payment_method_types: pi.payment_method_types.clone(),
            metadata: Some(metadata),
            id: id.clone(),
            extra: Default::default(),
        };
        store::put(c, PI, &pi.id, &pi)?;
        store::put(c, SESSION, &id, &cs)?;
        store::set_timer(c, &id, EXPIRE_TIMER, expires)?;
        emit(&st, c, "checkout.session.created", &cs)?;
        Ok(cs)
    })?;
    Ok(Json(cs))
}

/// When a new session expires (Unix ms): the caller's `expires_at` (seconds or milliseconds,
/// within the next 24 hours; checked, so a huge or negative value is a named 400, never an
/// overflow), else `--expiry-secs` or WooshPay's 24 hours.
fn expires_at(st: &AppState, p: &serde_json::Value, now: i64) -> WpResult<i64> {
    let bad = |m: &str| invalid("parameter_invalid", m, Some("expires_at"));
    let given = int_param(p, "expires_at").map_err(|_| {
        invalid(
            "parameter_invalid_integer",
            "Invalid integer: expires_at",
            Some("expires_at"),
        )
    })?;
    let e = match given {
        None => return Ok(now + st.cfg.expiry_ms(PENDING_EXPIRY_SECS)),
        Some(e) if e < 100_000_000_000 => e
            .checked_mul(1000)
            .ok_or_else(|| bad("expires_at is out of range."))?,
        Some(e) => e,
    };
    if e <= now || e > now + 86_400_000 + 60_000 {
        return Err(bad("expires_at must be within the next 24 hours."));
    }
    Ok(e)
}

/// `GET /v1/checkout/sessions/:id`.
pub async fn retrieve(
    State(st): St,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> WpResult<Json<CheckoutSession>> {
    auth(&st, &headers, false)?;
    st.store
        .get(SESSION, &id)
        .map(Json)
        .ok_or_else(|| missing("checkout.session", &id, "session"))
}

/// `GET /v1/checkout/sessions`.
pub async fn list_all(
    State(st): St,
    headers: HeaderMap,
    Query(q): Query<HashMap<String, String>>,
) -> WpResult<Json<List<CheckoutSession>>> {
    auth(&st, &headers, false)?;
    Ok(Json(list(
        "/v1/checkout/sessions",
        st.store.list(SESSION)?,
        &q,
    )))
}

/// `POST /v1/checkout/sessions/:id/expire`.
pub async fn expire_now(
    State(st): St,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> WpResult<Json<CheckoutSession>> {
    auth(&st, &headers, false)?;
    let r = st.store.tx(|c| match expire(&st, c, &id)? {
        Some(cs) if cs.status == "expired" => Ok(cs),
        Some(_) => Err(invalid(
            "checkout_session_unexpected_state",
            "Only open sessions can be expired.",
            None,
        )),
        None => Err(missing("checkout.session", &id, "session")),
    });
    st.notify.notify_one();
    Ok(Json(r?))
}

/// Expire an open session (timer or API); returns the session if it exists.
pub fn expire(
    st: &AppState,
    c: &rusqlite::Connection,
    id: &str,
) -> Result<Option<CheckoutSession>, StoreError> {
    let Some(mut cs) = store::get::<CheckoutSession>(c, SESSION, id)? else {
        return Ok(None);
    };
    if cs.status == "open" {
        cs.status = "expired".into();
        store::put(c, SESSION, id, &cs)?;
        store::clear_timer(c, id)?;
        if let Some(pid) = cs.payment_intent.as_deref() {
            lifecycle::finish(st, c, pid, Outcome::Expired)?;
        }
        emit(st, c, "checkout.session.expired", &cs)?;
    }
    Ok(Some(cs))
}

fn done(cs: &CheckoutSession, changed: bool, url: Option<&str>) -> Result<Finished, StoreError> {
    Ok(Finished {
        object: serde_json::to_value(cs)?,
        changed,
        return_url: url.map(str::to_string),
    })
}

/// An open session's hosted page lets the shopper try again after a decline: the page confirms
/// its intent again (back to `requires_action`), as `POST …/confirm` would.
fn retry_on_page(
    st: &AppState,
    c: &rusqlite::Connection,
    pid: &str,
    url: &str,
) -> Result<(), StoreError> {
    let Some(mut pi) = store::get::<PaymentIntent>(c, PI, pid)? else {
        return Ok(());
    };
    if pi.status != "requires_payment_method" {
        return Ok(());
    }
    pi.status = "requires_action".into();
    pi.last_payment_error = None;
    pi.next_action = Some(redirect_to(url.to_string(), pi.return_url.clone()));
    store::put(c, PI, pid, &pi)?;
    emit(st, c, "payment_intent.requires_action", &pi)
}

/// Complete an open session through its payment intent (a closed one is left as it is and
/// `changed` is false); `None` if there is no such session.
pub fn finish(
    st: &AppState,
    c: &rusqlite::Connection,
    id: &str,
    o: Outcome,
) -> Result<Option<Finished>, StoreError> {
    let Some(mut cs) = store::get::<CheckoutSession>(c, SESSION, id)? else {
        return Ok(None);
    };
    if cs.status != "open" {
        return done(&cs, false, cs.success_url.as_deref()).map(Some);
    }
    if o == Outcome::Expired {
        let cs = expire(st, c, id)?.unwrap_or(cs);
        return done(&cs, true, cs.cancel_url.as_deref()).map(Some);
    }
    if let Some(pid) = cs.payment_intent.as_deref() {
        retry_on_page(st, c, pid, &cs.url)?;
        if lifecycle::finish(st, c, pid, o)?.is_some_and(|f| !f.changed) {
            // its intent was canceled through the API: the session can no longer be paid
            return done(&cs, false, cs.cancel_url.as_deref()).map(Some);
        }
    }
    let url = if o == Outcome::Successful {
        cs.status = "complete".into();
        cs.payment_status = Some("paid".into());
        store::clear_timer(c, id)?;
        store::put(c, SESSION, id, &cs)?;
        emit(st, c, "checkout.session.completed", &cs)?;
        cs.success_url.clone()
    } else {
        cs.cancel_url.clone().or(cs.success_url.clone())
    }
    .map(|u| u.replace("{CHECKOUT_SESSION_ID}", id));
    done(&cs, true, url.as_deref()).map(Some)
}

/// The customer page's view of a session.
pub fn describe(st: &AppState, id: &str) -> Option<PayInfo> {
    let cs: CheckoutSession = st.store.get(SESSION, id)?;
    Some(PayInfo {
        psp: "WooshPay Checkout",
        amount: cs.amount_total?,
        currency: cs.currency.unwrap_or_default(),
        pending: cs.status == "open",
        method: cs.payment_method_types.first().cloned().unwrap_or_default(),
        status: cs.status,
    })
}
