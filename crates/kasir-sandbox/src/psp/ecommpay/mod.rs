//! ecommpay: the Payment Page (`GET /payment`), the Gate wallet sale and status query, the
//! `redirect_data` target and the signed callbacks, behind the [`Emulator`] trait.

mod api;
mod callbacks;
pub mod config;
mod gate;
mod page;
mod redirect;

use crate::emulator::Emulator;
use crate::outcome::{Finished, Outcome, PayInfo};
use crate::retry::RetrySchedule;
use crate::state::AppState;
use crate::store::StoreError;
use axum::routing::{get, post};
use axum::Router;
use kasir_core::catalogue::Psp;
use std::sync::Arc;

/// The ecommpay emulator.
pub struct Ecommpay;

impl Emulator for Ecommpay {
    fn psp(&self) -> Psp {
        Psp::Ecommpay
    }
    fn routes(&self) -> Router<Arc<AppState>> {
        Router::new()
            .route("/payment", get(page::payment_page))
            .route("/v2/payment/wallet/{method}/sale", post(gate::sale))
            .route("/v2/payment/status", post(gate::status))
            .route(
                "/ecommpay/redirect/{payment_id}",
                post(redirect::receive).get(redirect::page),
            )
    }
    fn finish(
        &self,
        st: &AppState,
        c: &rusqlite::Connection,
        id: &str,
        outcome: Outcome,
    ) -> Result<Option<Finished>, StoreError> {
        callbacks::finish(st, c, id, outcome)
    }
    fn describe(&self, st: &AppState, id: &str) -> Option<PayInfo> {
        callbacks::describe(st, id)
    }
    fn timer_kinds(&self) -> &'static [&'static str] {
        callbacks::TIMER_KINDS
    }
    fn fire_timer(
        &self,
        st: &AppState,
        c: &rusqlite::Connection,
        id: &str,
        _kind: &str,
    ) -> Result<(), StoreError> {
        // the timer id is the payment's store key
        callbacks::finish(st, c, api::payment_id_of(id), Outcome::Expired).map(|_| ())
    }
    fn sign(
        &self,
        _st: &AppState,
        _key: &str,
        _timestamp: i64,
        _body: &[u8],
    ) -> Vec<(&'static str, String)> {
        // callbacks carry their signature in the body
        Vec::new()
    }
    fn retry_schedule(&self) -> &'static RetrySchedule {
        &callbacks::RETRIES
    }
    fn banner(&self, st: &AppState, base: &str) -> String {
        format!(
            "  ecommpay:   project {} / secret {}   (Payment Page {base}/payment, Gate {base}/v2/)",
            st.cfg.ecommpay.project_id, st.cfg.ecommpay.secret
        )
    }
}
