//! The one trait every PSP emulator implements; the registry lists them. Everything
//! outside `psp/` that needs a PSP (test controls, customer pages, timers, the outbox and its
//! retry schedules, the startup banner) goes through it.

use crate::outcome::{Finished, Outcome, PayInfo};
use crate::retry::RetrySchedule;
use crate::state::AppState;
use crate::store::StoreError;
use axum::Router;
use kasir_core::catalogue::Psp;
use rusqlite::Connection;
use std::sync::Arc;

/// A PSP emulator.
pub trait Emulator: Send + Sync {
    /// Which PSP it emulates.
    fn psp(&self) -> Psp;
    /// Its API routes (and its provider pages).
    fn routes(&self) -> Router<Arc<AppState>>;
    /// End the payment `id` if it is one of this PSP's; `None` when it is not.
    fn finish(
        &self,
        st: &AppState,
        c: &Connection,
        id: &str,
        outcome: Outcome,
    ) -> Result<Option<Finished>, StoreError>;
    /// What the customer page shows about payment `id`, if it is one of this PSP's.
    fn describe(&self, st: &AppState, id: &str) -> Option<PayInfo>;
    /// The timer kinds it schedules (stored with each timer).
    fn timer_kinds(&self) -> &'static [&'static str];
    /// Fire one of its timers (an expiry).
    fn fire_timer(
        &self,
        st: &AppState,
        c: &Connection,
        id: &str,
        kind: &str,
    ) -> Result<(), StoreError>;
    /// Headers signing an outgoing delivery of `body` at `timestamp` (Unix seconds); `key` is
    /// what the emulator stored when it queued the delivery.
    fn sign(
        &self,
        st: &AppState,
        key: &str,
        timestamp: i64,
        body: &[u8],
    ) -> Vec<(&'static str, String)>;
    /// How it retries a failed webhook or callback, and when it gives up.
    fn retry_schedule(&self) -> &'static RetrySchedule;
    /// Its line of the startup banner (keys and where to point a client).
    fn banner(&self, st: &AppState, base: &str) -> String;
}
