//! Opn Payments (Omise): sources, charges, QR documents, refunds, events with signed webhooks,
//! lists and capability, behind the [`Emulator`] trait.

mod account;
mod api;
mod capability;
mod charges;
pub mod config;
mod documents;
mod events;
mod fields;
mod lifecycle;
mod lists;
mod refunds;
mod source_types;
mod sources;

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

/// The Opn emulator.
pub struct Opn;

impl Emulator for Opn {
    fn psp(&self) -> Psp {
        Psp::Omise
    }
    fn routes(&self) -> Router<Arc<AppState>> {
        // `POST /sources` and `GET /capability` are browser-callable (public key) and answer
        // CORS, as Opn's do (Omise.js reads the capability from the shopper's browser).
        let public = Router::new()
            .route("/sources", post(sources::create))
            .route("/capability", get(capability::get))
            .route(
                "/_sandbox/omise/capability",
                get(capability::settings)
                    .post(capability::set)
                    .delete(capability::reset),
            )
            .layer(cors_any());
        Router::new()
            .merge(public)
            .route("/sources/{id}", get(sources::get))
            .route("/charges", post(charges::create).get(charges::list))
            .route("/charges/{id}", get(charges::get).patch(charges::update))
            .route("/charges/{id}/expire", post(lifecycle::expire))
            .route(
                "/charges/{id}/refunds",
                post(refunds::create).get(refunds::list),
            )
            .route("/charges/{id}/refunds/{rid}", get(refunds::get))
            .route(
                "/charges/{id}/documents/{docu}/downloads/{token}",
                get(documents::download),
            )
            .route("/events", get(events::list))
            .route("/events/{id}", get(events::get))
            .route(
                "/_sandbox/omise/charges/{id}/funding",
                post(refunds::set_funding),
            )
    }
    fn finish(
        &self,
        st: &AppState,
        c: &rusqlite::Connection,
        id: &str,
        outcome: Outcome,
    ) -> Result<Option<Finished>, StoreError> {
        lifecycle::finished(st, c, id, outcome)
    }
    fn describe(&self, st: &AppState, id: &str) -> Option<PayInfo> {
        lifecycle::describe(st, id)
    }
    fn timer_kinds(&self) -> &'static [&'static str] {
        lifecycle::TIMER_KINDS
    }
    fn fire_timer(
        &self,
        st: &AppState,
        c: &rusqlite::Connection,
        id: &str,
        _kind: &str,
    ) -> Result<(), StoreError> {
        lifecycle::fire_timer(st, c, id)
    }
    fn sign(
        &self,
        st: &AppState,
        _key: &str,
        timestamp: i64,
        body: &[u8],
    ) -> Vec<(&'static str, String)> {
        let ts = timestamp.to_string();
        match kasir_core::signature::opn_webhook_sign(&st.cfg.omise.webhook_secret, &ts, body) {
            Ok(sig) => vec![("Omise-Signature", sig), ("Omise-Signature-Timestamp", ts)],
            Err(_) => Vec::new(),
        }
    }
    fn retry_schedule(&self) -> &'static RetrySchedule {
        &events::RETRIES
    }
    fn banner(&self, st: &AppState, base: &str) -> String {
        format!(
            "  Opn:        pkey {} / skey {}   (omise.api_main = \"{base}\")",
            st.cfg.omise.public_key, st.cfg.omise.secret_key
        )
    }
}
