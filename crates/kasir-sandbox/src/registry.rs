//! The registry of PSP emulators, and the PSP-independent operations built on it: complete a
//! payment, describe it, route a timer or a signature to the emulator that owns it.

use crate::emulator::Emulator;
use crate::outcome::{Finished, Outcome, PayInfo};
use crate::psp::{ecommpay::Ecommpay, omise::Opn, wooshpay::Wooshpay};
use crate::state::AppState;
use crate::store::StoreError;
use axum::Router;
use rusqlite::Connection;
use std::sync::Arc;

/// Every emulator, in the order their ids are tried.
pub static EMULATORS: &[&dyn Emulator] = &[&Opn, &Wooshpay, &Ecommpay];

/// The emulator of a PSP by its id (`omise`, `wooshpay`, `ecommpay`).
pub fn by_name(name: &str) -> Option<&'static dyn Emulator> {
    EMULATORS.iter().copied().find(|e| e.psp().as_str() == name)
}

/// The emulator that schedules timers of `kind`.
pub fn by_timer_kind(kind: &str) -> Option<&'static dyn Emulator> {
    EMULATORS
        .iter()
        .copied()
        .find(|e| e.timer_kinds().contains(&kind))
}

/// Every emulator's routes.
pub fn routes() -> Router<Arc<AppState>> {
    EMULATORS
        .iter()
        .fold(Router::new(), |r, e| r.merge(e.routes()))
}

/// End payment `id` (whichever PSP's it is) inside a transaction.
pub fn finish(
    st: &AppState,
    c: &Connection,
    id: &str,
    o: Outcome,
) -> Result<Option<Finished>, StoreError> {
    for e in EMULATORS {
        if let Some(f) = e.finish(st, c, id, o)? {
            return Ok(Some(f));
        }
    }
    Ok(None)
}

/// End payment `id` in its own transaction and wake the outbox.
pub fn complete(st: &AppState, id: &str, o: Outcome) -> Result<Option<Finished>, StoreError> {
    let r = st.store.tx(|c| finish(st, c, id, o));
    st.notify.notify_one();
    r
}

/// Describe payment `id` for the customer page.
pub fn describe(st: &AppState, id: &str) -> Option<PayInfo> {
    EMULATORS.iter().find_map(|e| e.describe(st, id))
}
