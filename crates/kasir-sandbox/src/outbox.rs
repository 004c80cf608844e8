//! The delivery worker: POSTs queued webhooks and callbacks, retrying with exponential backoff
//! until the receiver answers 2xx. The queue lives in SQLite, so deliveries survive restarts.

use crate::delivery::SIGN;
use crate::registry;
use crate::state::AppState;
use crate::store::{self, now_ms, Delivery};
use serde_json::Value;
use std::sync::Arc;
use std::time::Duration;

/// Delay before retry number `attempts` (1-based): base · 2^(n-1), at most 60 s.
pub fn backoff_ms(base: i64, attempts: i64) -> i64 {
    let exp = (attempts - 1).clamp(0, 16) as u32;
    base.max(1).saturating_mul(1i64 << exp).min(60_000)
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

/// Deliver everything that is due once; returns how many deliveries were attempted.
pub async fn tick(st: &Arc<AppState>) -> usize {
    let due = st
        .store
        .tx(|c| store::due_deliveries(c, now_ms()))
        .unwrap_or_default();
    for d in &due {
        let (status, err) = deliver(st, d).await;
        let ok = status.is_some_and(|s| (200..300).contains(&s));
        let next = if ok {
            now_ms()
        } else {
            now_ms() + backoff_ms(st.cfg.retry_base_ms, d.attempts + 1)
        };
        tracing::info!(url = %d.url, seq = d.seq, attempt = d.attempts + 1, ?status, error = ?err, delivered = ok, "delivery attempt");
        let _ = st
            .store
            .tx(|c| store::record_attempt(c, d.seq, status, err.as_deref(), ok, next));
    }
    due.len()
}

/// Run forever: deliver due items, then sleep until woken or 200 ms pass.
pub async fn run(st: Arc<AppState>) {
    loop {
        tick(&st).await;
        tokio::select! {
            _ = st.notify.notified() => {}
            _ = tokio::time::sleep(Duration::from_millis(200)) => {}
        }
    }
}
