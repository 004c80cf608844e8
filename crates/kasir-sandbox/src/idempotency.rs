//! `Idempotency-Key`: a create runs in one transaction; a repeat with the same key and request
//! replays the stored answer, a repeat with a different request is the style's conflict error.

use crate::error::{ApiError, ErrorStyle};
use crate::state::AppState;
use crate::store::{self, StoreError};
use axum::http::HeaderMap;
use rusqlite::Transaction;
use serde::{de::DeserializeOwned, Serialize};

/// Run `f` in one transaction, honouring an `Idempotency-Key` scoped by `scope` (the request's
/// `fingerprint` must match a stored one). Only successes are remembered; a failure rolls back
/// and changes nothing. Wakes the outbox.
pub fn idempotent<S: ErrorStyle, T: Serialize + DeserializeOwned>(
    st: &AppState,
    scope: &str,
    headers: &HeaderMap,
    fingerprint: &str,
    conflict: impl FnOnce() -> ApiError<S>,
    f: impl FnOnce(&Transaction<'_>) -> Result<T, ApiError<S>>,
) -> Result<T, ApiError<S>> {
    let key = headers
        .get("idempotency-key")
        .and_then(|v| v.to_str().ok())
        .filter(|k| !k.is_empty())
        .map(|k| format!("{scope}:{k}"));
    let r = st.store.tx(|tx| {
        if let Some(k) = &key {
            if let Some((fp, _status, body)) = store::idem_get(tx, k)? {
                if fp != fingerprint {
                    return Err(conflict());
                }
                return Ok(serde_json::from_str(&body).map_err(StoreError::from)?);
            }
        }
        let v = f(tx)?;
        if let Some(k) = &key {
            let body = serde_json::to_string(&v).map_err(StoreError::from)?;
            store::idem_put(tx, k, fingerprint, 200, &body)?;
        }
        Ok(v)
    });
    st.notify.notify_one();
    r
}
