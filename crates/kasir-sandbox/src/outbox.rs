//! The delivery worker: POSTs queued webhooks and callbacks, one sender per endpoint, so a dead
//! or hanging receiver only ever delays its own deliveries. A failed delivery is retried on its
//! PSP's documented schedule ([`crate::retry`], scaled by `--retry-base-ms`) until the receiver
//! answers 2xx or the schedule gives up (`given_up` in `/_sandbox/deliveries`). The queue lives
//! in SQLite, so deliveries survive restarts.

use crate::delivery::{self, Attempt, Delivery, SIGN};
use crate::registry;
use crate::retry::{scaled_ms, RetrySchedule, FALLBACK};
use crate::state::AppState;
use crate::store::now_ms;
use serde_json::Value;
use std::sync::Arc;
use std::time::Duration;

/// Deliveries one sender takes from its endpoint's queue at a time.
const BATCH: i64 = 20;

/// The schedule of the PSP that sends `d` ([`FALLBACK`] for rows from before PSPs were recorded).
fn schedule(d: &Delivery) -> &'static RetrySchedule {
    registry::by_name(&d.psp)
        .map(|e| e.retry_schedule())
        .unwrap_or(&FALLBACK)
}

async fn deliver(st: &AppState, d: &Delivery) -> (Option<u16>, Option<String>) {
    let mut req = st
        .client
        .post(&d.url)
        .header("content-type", "application/json")
        .header("user-agent", "kasir-sandbox");
    let ts = now_ms() / 1000;
    if let Value::Object(h) = &d.headers {
        for (k, v) in h {
            let Some(v) = v.as_str() else { continue };
            if k == SIGN {
                let (name, key) = v.split_once(':').unwrap_or((v, ""));
                if let Some(e) = registry::by_name(name) {
                    for (h, value) in e.sign(st, key, ts, d.body.as_bytes()) {
                        req = req.header(h, value);
                    }
                }
            } else {
                req = req.header(k.as_str(), v);
            }
        }
    }
    match req.body(d.body.clone()).send().await {
        Ok(r) => (Some(r.status().as_u16()), None),
        Err(e) => (None, Some(e.to_string())),
    }
}

/// Attempt one delivery and record the result.
async fn attempt(st: &AppState, d: &Delivery) {
    let (status, err) = deliver(st, d).await;
    let failed = d.attempts + 1;
    let a = match status {
        Some(s) if (200..300).contains(&s) => Attempt::Delivered(s),
        _ => match schedule(d).delay_after(failed) {
            Some(secs) => Attempt::Retry(
                status,
                err.as_deref(),
                now_ms().saturating_add(scaled_ms(secs, st.cfg.retry_base_ms)),
            ),
            None => Attempt::GiveUp(status, err.as_deref()),
        },
    };
    match a {
        Attempt::GiveUp(..) => {
            tracing::warn!(url = %d.url, seq = d.seq, attempts = failed, ?status, error = ?err, "delivery given up")
        }
        _ => {
            tracing::info!(url = %d.url, seq = d.seq, attempt = failed, ?status, error = ?err, "delivery attempt")
        }
    }
    let _ = st.store.tx(|c| delivery::record(c, d.seq, a));
}

/// Deliver everything due to `url`, oldest first, until nothing is due.
async fn drain(st: &AppState, url: &str) {
    loop {
        let due = st
            .store
            .tx(|c| delivery::due_for(c, url, now_ms(), BATCH))
            .unwrap_or_default();
        if due.is_empty() {
            return;
        }
        for d in &due {
            attempt(st, d).await;
        }
    }
}

/// Marks an endpoint as being sent to; unmarks it when dropped (even if the sender panics).
struct Sending {
    st: Arc<AppState>,
    url: String,
}

impl Sending {
    fn claim(st: &Arc<AppState>, url: &str) -> Option<Sending> {
        let mut set = st.sending.lock().unwrap_or_else(|p| p.into_inner());
        set.insert(url.to_string()).then(|| Sending {
            st: st.clone(),
            url: url.to_string(),
        })
    }
}

impl Drop for Sending {
    fn drop(&mut self) {
        let mut set = self.st.sending.lock().unwrap_or_else(|p| p.into_inner());
        set.remove(&self.url);
    }
}

/// Start a sender for every endpoint with deliveries due that has none running; returns the
/// senders started. Each runs on its own task, independent of the others.
pub fn dispatch(st: &Arc<AppState>) -> Vec<tokio::task::JoinHandle<()>> {
    let urls = st
        .store
        .tx(|c| delivery::due_urls(c, now_ms()))
        .unwrap_or_default();
    urls.into_iter()
        .filter_map(|url| Sending::claim(st, &url))
        .map(|guard| {
            tokio::spawn(async move {
                let st = guard.st.clone();
                drain(&st, &guard.url).await;
                drop(guard);
            })
        })
        .collect()
}

/// Deliver everything that is due now and wait for it (tests); returns the senders that ran.
pub async fn tick(st: &Arc<AppState>) -> usize {
    let senders = dispatch(st);
    let n = senders.len();
    for s in senders {
        let _ = s.await;
    }
    n
}

/// Run forever: start senders for due deliveries, then sleep until woken or 200 ms pass.
pub async fn run(st: Arc<AppState>) {
    loop {
        dispatch(&st);
        tokio::select! {
            _ = st.notify.notified() => {}
            _ = tokio::time::sleep(Duration::from_millis(200)) => {}
        }
    }
}
