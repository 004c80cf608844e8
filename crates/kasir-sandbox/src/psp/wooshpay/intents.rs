//! Payment intents: create (optionally confirming; each expires after `--expiry-secs`, 24 h by
//! default), retrieve and confirm (also from the browser with the publishable key and the
//! client secret; `next_action` is `{wire}_handle_redirect` to the customer page, or for QR
//! methods `{wire}_display_qr_code`, whose `expires_at` — `--expiry-secs`, 600 s by default —
//! also ends the intent), cancel, list.

use super::api::{auth, idem, invalid, list, missing, params, WpResult, PI};
use super::lifecycle::EXPIRE_TIMER;
use super::qr::display_qr;
use super::validate::{check_amount, method_options, method_types};
use super::webhooks::emit;
use crate::config::{PENDING_EXPIRY_SECS, QR_EXPIRY_SECS};
use crate::http::base_url;
use crate::ids::{alnum, snowflake};
use crate::params::{bool_param, int_param, object_param, str_param, NotAnInteger};
use crate::state::AppState;
use crate::store::{self, now_ms};
use axum::body::Body;
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::Json;
use kasir_core::catalogue::{offer_by_wire_name_in, Flow, Psp};
use kasir_core::wire::wooshpay::{List, NextAction, PaymentIntent, RedirectToUrl, TerminalOptions};
use kasir_core::wire::Extra;
use serde_json::Value;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

type St = State<Arc<AppState>>;
type Q = Query<HashMap<String, String>>;

/// What a new intent is made of (from `POST /v1/payment_intents` or a checkout session).
pub struct IntentSpec {
    /// Minor units, as given.
    pub amount: Result<Option<i64>, NotAnInteger>,
    /// ISO code, as given.
    pub currency: Option<String>,
    /// Method types (already defaulted).
    pub types: Vec<String>,
    /// Per-method options.
    pub options: BTreeMap<String, TerminalOptions>,
    /// Where the shopper returns.
    pub return_url: Option<String>,
    /// Customer id.
    pub customer: Option<String>,
    /// Merchant description.
    pub description: Option<String>,
    /// Merchant metadata.
    pub metadata: Extra,
    /// Merchant order id.
    pub merchant_order_id: Option<String>,
}

impl IntentSpec {
    /// From request parameters (validation order: types, amount, options).
    pub fn from_params(p: &Value) -> WpResult<IntentSpec> {
        let types = method_types(p)?;
        check_amount(int_param(p, "amount"), str_param(p, "currency"), &types)?;
        Ok(IntentSpec {
            amount: int_param(p, "amount"),
            currency: str_param(p, "currency"),
            types,
            options: method_options(p)?,
            return_url: str_param(p, "return_url"),
            customer: str_param(p, "customer"),
            description: str_param(p, "description"),
            metadata: object_param(p, "metadata").unwrap_or_default(),
            merchant_order_id: str_param(p, "merchant_order_id"),
        })
    }
}

/// Build a new payment intent (not stored).
pub fn new_intent(spec: IntentSpec) -> WpResult<PaymentIntent> {
    let (amount, currency) = check_amount(spec.amount, spec.currency, &spec.types)?;
    let id = snowflake("pi");
    Ok(PaymentIntent {
        object: "payment_intent".into(),
        created: now_ms(),
        livemode: Some(false),
        currency: currency.code().into(),
        amount,
        amount_received: Some(0),
        status: "requires_payment_method".into(),
        client_secret: Some(format!("{id}_secret_{}", alnum(24))),
        payment_method_types: spec.types,
        payment_method_options: Some(spec.options),
        confirmation_method: Some("automatic".into()),
        capture_method: Some("automatic".into()),
        return_url: spec.return_url,
        customer: spec.customer,
        description: spec.description,
        metadata: Some(spec.metadata),
        merchant_order_id: spec.merchant_order_id,
        id,
        ..PaymentIntent::default()
    })
}

/// A `redirect_to_url` action (a checkout session's intent: to the session's page).
pub fn redirect_to(url: String, return_url: Option<String>) -> NextAction {
    NextAction::redirect_to_url(RedirectToUrl { url, return_url })
}

/// The customer page a confirmed intent leads to, as `{wire}_handle_redirect`.
fn handle_redirect(wire: &str, url: String, return_url: Option<String>) -> NextAction {
    NextAction::handle_redirect(wire, RedirectToUrl { url, return_url })
}

/// Confirm an intent: attach a payment method and ask for the redirect.
pub fn confirm(
    st: &AppState,
    c: &rusqlite::Connection,
    base: &str,
    pi: &mut PaymentIntent,
    p: &Value,
) -> WpResult<()> {
    if pi.status == "requires_action" {
        return Ok(());
    }
    if !["requires_payment_method", "requires_confirmation"].contains(&pi.status.as_str()) {
        return Err(invalid(
            "payment_intent_unexpected_state",
            &format!(
                "This PaymentIntent's status is {}, and it cannot be confirmed.",
                pi.status
            ),
            None,
        ));
    }
    if let Some(u) = str_param(p, "return_url") {
        pi.return_url = Some(u);
    }
    if p.get("payment_method_options").is_some() {
        pi.payment_method_options = Some(method_options(p)?);
    }
    let ty = p["payment_method_data"]["type"]
        .as_str()
        .map(str::to_string)
        .or_else(|| pi.payment_method_types.first().cloned())
        .unwrap_or_default();
    if !pi.payment_method_types.contains(&ty) {
        return Err(invalid(
            "payment_method_type_invalid",
            &format!("The payment method type \"{ty}\" is not allowed for this PaymentIntent."),
            Some("payment_method_data[type]"),
        ));
    }
    pi.payment_method = Some(snowflake("pm"));
    pi.status = "requires_action".into();
    pi.last_payment_error = None;
    let qr = pi
        .currency
        .parse()
        .ok()
        .and_then(|c| offer_by_wire_name_in(Psp::Wooshpay, &ty, c))
        .is_some_and(|o| o.flow == Flow::OfflineQr);
    pi.next_action = Some(if qr {
        // the QR's own lifetime: the intent is canceled when it ends
        let due = now_ms() + st.cfg.expiry_ms(QR_EXPIRY_SECS);
        store::set_timer(c, &pi.id, EXPIRE_TIMER, due)?;
        display_qr(base, &ty, &pi.id, due)
    } else {
        handle_redirect(&ty, format!("{base}/pay/{}", pi.id), pi.return_url.clone())
    });
    store::put(c, PI, &pi.id, pi)?;
    emit(st, c, "payment_intent.requires_action", pi)?;
    Ok(())
}

/// `POST /v1/payment_intents`.
pub async fn create(
    State(st): St,
    headers: HeaderMap,
    body: Body,
) -> WpResult<Json<PaymentIntent>> {
    auth(&st, &headers, false)?;
    let (p, raw) = params(&headers, body).await?;
    let base = base_url(&headers, &st);
    let pi = idem(&st, "wooshpay:pi", &headers, &raw, |c| {
        let mut pi = new_intent(IntentSpec::from_params(&p)?)?;
        store::put(c, PI, &pi.id, &pi)?;
        let due = now_ms() + st.cfg.expiry_ms(PENDING_EXPIRY_SECS);
        store::set_timer(c, &pi.id, EXPIRE_TIMER, due)?;
        emit(&st, c, "payment_intent.created", &pi)?;
        if bool_param(&p, "confirm") == Some(true) {
            confirm(&st, c, &base, &mut pi, &p)?;
        }
        Ok(pi)
    })?;
    Ok(Json(pi))
}

/// Load an intent or fail with `resource_missing`.
pub fn load(c: &rusqlite::Connection, id: &str) -> WpResult<PaymentIntent> {
    store::get(c, PI, id)?.ok_or_else(|| missing("payment_intent", id, "intent"))
}

fn check_secret(pi: &PaymentIntent, given: Option<String>) -> WpResult<()> {
    if given.is_some() && given == pi.client_secret {
        Ok(())
    } else {
        Err(invalid("parameter_invalid", "The client_secret provided does not match the client_secret associated with the PaymentIntent.", Some("client_secret")))
    }
}

/// `GET /v1/payment_intents/:id` (publishable key: with `client_secret`).
pub async fn get(
    State(st): St,
    headers: HeaderMap,
    Path(id): Path<String>,
    Query(q): Q,
) -> WpResult<Json<PaymentIntent>> {
    let secret = auth(&st, &headers, true)?;
    let pi = st.store.tx(|c| load(c, &id))?;
    if !secret {
        check_secret(&pi, q.get("client_secret").cloned())?;
    }
    Ok(Json(pi))
}

/// `POST /v1/payment_intents/:id/confirm` (publishable key: with `client_secret`).
pub async fn confirm_intent(
    State(st): St,
    headers: HeaderMap,
    Path(id): Path<String>,
    body: Body,
) -> WpResult<Json<PaymentIntent>> {
    let secret = auth(&st, &headers, true)?;
    let (p, raw) = params(&headers, body).await?;
    let base = base_url(&headers, &st);
    let pi = idem(
        &st,
        &format!("wooshpay:confirm:{id}"),
        &headers,
        &raw,
        |c| {
            let mut pi = load(c, &id)?;
            if !secret {
                check_secret(&pi, str_param(&p, "client_secret"))?;
            }
            confirm(&st, c, &base, &mut pi, &p)?;
            Ok(pi)
        },
    )?;
    Ok(Json(pi))
}

/// `POST /v1/payment_intents/:id/cancel`.
pub async fn cancel(
    State(st): St,
    headers: HeaderMap,
    Path(id): Path<String>,
    body: Body,
) -> WpResult<Json<PaymentIntent>> {
    auth(&st, &headers, false)?;
    let (p, raw) = params(&headers, body).await?;
    let pi = idem(&st, &format!("wooshpay:cancel:{id}"), &headers, &raw, |c| {
        let mut pi = load(c, &id)?;
        if !pi.status.starts_with("requires_") {
            return Err(invalid(
                "payment_intent_unexpected_state",
                &format!(
                    "You cannot cancel this PaymentIntent because it has a status of {}.",
                    pi.status
                ),
                None,
            ));
        }
        pi.status = "canceled".into();
        pi.next_action = None;
        pi.canceled_at = Some(now_ms());
        pi.cancellation_reason = Some(
            str_param(&p, "cancellation_reason").unwrap_or_else(|| "requested_by_customer".into()),
        );
        store::put(c, PI, &id, &pi)?;
        store::clear_timer(c, &id)?;
        emit(&st, c, "payment_intent.canceled", &pi)?;
        Ok(pi)
    })?;
    Ok(Json(pi))
}

/// `GET /v1/payment_intents`.
pub async fn list_all(
    State(st): St,
    headers: HeaderMap,
    Query(q): Q,
) -> WpResult<Json<List<PaymentIntent>>> {
    auth(&st, &headers, false)?;
    Ok(Json(list("/v1/payment_intents", st.store.list(PI)?, &q)))
}
