//! WooshPay (Stripe-shaped): payment intents, checkout sessions, refunds, webhook endpoints and
//! signed webhooks, behind the [`Emulator`] trait.

mod api;
mod checkout;
pub mod config;
mod intents;
mod lifecycle;
mod line_items;
mod qr;
mod refunds;
mod validate;
mod webhooks;

use crate::emulator::Emulator;
use crate::http::cors_any;
use crate::outcome::{Finished, Outcome, PayInfo};
use crate::retry::RetrySchedule;
use crate::state::AppState;
use crate::store::StoreError;
use axum::routing::{get, post};
use axum::Router;
use kasir_core::catalogue::Psp;
use std::sync::Arc;

/// The WooshPay emulator.
pub struct Wooshpay;

impl Emulator for Wooshpay {
    fn psp(&self) -> Psp {
        Psp::Wooshpay
    }
    fn routes(&self) -> Router<Arc<AppState>> {
        // Retrieve and confirm are browser-callable (publishable key + client_secret).
        let public = Router::new()
            .route("/v1/payment_intents/{id}", get(intents::get))
            .route(
                "/v1/payment_intents/{id}/confirm",
                post(intents::confirm_intent),
            )
            .layer(cors_any());
        Router::new()
            .merge(public)
            .route(
                "/v1/payment_intents",
                post(intents::create).get(intents::list_all),
            )
            .route("/v1/payment_intents/{id}/cancel", post(intents::cancel))
            .route("/wooshpay/qr/{id}/{file}", get(qr::image))
            .route("/v1/refunds", post(refunds::create).get(refunds::list_all))
            .route("/v1/refunds/{id}", get(refunds::get))
            .route(
                "/v1/webhook_endpoints",
                post(webhooks::create_endpoint).get(webhooks::list_endpoints),
            )
            .route(
                "/v1/checkout/sessions",
                post(checkout::create).get(checkout::list_all),
            )
            .route("/v1/checkout/sessions/{id}", get(checkout::retrieve))
            .route(
                "/v1/checkout/sessions/{id}/expire",
                post(checkout::expire_now),
            )
    }
    fn finish(
        &self,
        st: &AppState,
        c: &rusqlite::Connection,
        id: &str,
        outcome: Outcome,
    ) -> Result<Option<Finished>, StoreError> {
        match lifecycle::finish(st, c, id, outcome)? {
            Some(f) => Ok(Some(f)),
            None => checkout::finish(st, c, id, outcome),
        }
    }
    fn describe(&self, st: &AppState, id: &str) -> Option<PayInfo> {
        lifecycle::describe(st, id).or_else(|| checkout::describe(st, id))
    }
    fn timer_kinds(&self) -> &'static [&'static str] {
        &[checkout::EXPIRE_TIMER, lifecycle::EXPIRE_TIMER]
    }
    fn fire_timer(
        &self,
        st: &AppState,
        c: &rusqlite::Connection,
        id: &str,
        kind: &str,
    ) -> Result<(), StoreError> {
        if kind == lifecycle::EXPIRE_TIMER {
            lifecycle::finish(st, c, id, Outcome::Expired).map(|_| ())
        } else {
            checkout::expire(st, c, id).map(|_| ())
        }
    }
    fn sign(
        &self,
        _st: &AppState,
        key: &str,
        timestamp: i64,
        body: &[u8],
    ) -> Vec<(&'static str, String)> {
        match kasir_core::signature::wooshpay_webhook_header(key, timestamp, body) {
            Ok(h) => vec![("Wooshpay-Signature", h)],
            Err(_) => Vec::new(),
        }
    }
    fn retry_schedule(&self) -> &'static RetrySchedule {
        &webhooks::RETRIES
    }
    fn banner(&self, st: &AppState, base: &str) -> String {
        format!(
            "  WooshPay:   pk {} / sk {}   (api base {base})",
            st.cfg.wooshpay.publishable_key, st.cfg.wooshpay.secret_key
        )
    }
}
