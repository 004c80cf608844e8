//! The timer worker: fires due timers (expiries) through the emulator that scheduled them.

use crate::registry;
use crate::state::AppState;
use crate::store::{self, now_ms};
use std::sync::Arc;
use std::time::Duration;

/// Fire due timers once.
pub fn fire_timers(st: &AppState) {
    let due = st
        .store
        .tx(|c| store::due_timers(c, now_ms()))
        .unwrap_or_default();
    for (id, kind) in due {
        let r = st.store.tx(|c| {
            store::clear_timer(c, &id)?;
            match registry::by_timer_kind(&kind) {
                Some(e) => e.fire_timer(st, c, &id, &kind),
                None => Ok(()),
            }
        });
        tracing::info!(%id, %kind, ok = r.is_ok(), "timer fired");
    }
    st.notify.notify_one();
}

/// Run the timer worker forever (every 250 ms).
pub async fn run_timers(st: Arc<AppState>) {
    loop {
        fire_timers(&st);
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
}
