//! ecommpay (stub).

use crate::control::{Finished, Outcome};
use crate::http::Fail;
use crate::AppState;
use axum::Router;
use std::sync::Arc;

/// Stored kind.
pub const PAYMENT: &str = "ecommpay_payment";

/// Routes.
pub fn routes() -> Router<Arc<AppState>> {
    Router::new()
}

/// Complete a payment.
pub fn finish(
    _st: &AppState,
    _c: &rusqlite::Connection,
    _id: &str,
    _o: Outcome,
) -> Result<Option<Finished>, Fail> {
    Ok(None)
}
