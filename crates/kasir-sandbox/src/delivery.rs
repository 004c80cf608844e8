//! Queue a webhook or callback for the outbox worker, inside the caller's transaction. A
//! delivery that must be signed when sent names its emulator (and the emulator's signing key).

use crate::store::{self, StoreError};
use kasir_core::catalogue::Psp;
use serde_json::{Map, Value};

/// Pseudo-header naming how to sign a delivery at send time: `<psp>` or `<psp>:<key>`.
pub const SIGN: &str = "x-kasir-sign";

/// Queue `body` for `url`; `sign` is the emulator that signs it at send time, with its key.
pub fn queue(
    c: &rusqlite::Connection,
    url: &str,
    sign: Option<(Psp, &str)>,
    body: &str,
    kind: &str,
    ref_id: &str,
) -> Result<(), StoreError> {
    let mut headers = Map::new();
    if let Some((psp, key)) = sign {
        let v = if key.is_empty() {
            psp.as_str().to_string()
        } else {
            format!("{}:{key}", psp.as_str())
        };
        headers.insert(SIGN.into(), Value::String(v));
    }
    tracing::info!(%url, kind, ref_id, "delivery queued");
    store::enqueue(c, url, &Value::Object(headers), body, kind, ref_id)
}
