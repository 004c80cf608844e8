//! The `redirect_data` target of a Gate sale (`/ecommpay/redirect/:payment_id`): records the
//! form it received (`/_sandbox/received/:payment_id`) and shows the payment's page.

use super::callbacks::describe;
use crate::customer_page::{not_found, record_received, render};
use crate::error::{ApiError, Html};
use crate::http;
use crate::params;
use crate::state::AppState;
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use std::sync::Arc;

/// `POST /ecommpay/redirect/:payment_id`.
pub async fn receive(
    State(st): State<Arc<AppState>>,
    Path(id): Path<String>,
    body: Body,
) -> Result<Response, ApiError<Html>> {
    let bytes = http::read_body(body).await.ok_or_else(|| {
        ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "Too large",
            "The form is too large.",
        )
    })?;
    let fields = params::form_pairs(&bytes)
        .map_err(|m| ApiError::new(StatusCode::BAD_REQUEST, "Malformed form", &m))?;
    st.store.tx(|c| record_received(c, &id, fields))?;
    show(&st, &id, "<p><small>Redirect data received.</small></p>")
}

/// `GET /ecommpay/redirect/:payment_id`.
pub async fn page(
    State(st): State<Arc<AppState>>,
    Path(id): Path<String>,
) -> Result<Response, ApiError<Html>> {
    show(&st, &id, "")
}

fn show(st: &AppState, id: &str, note: &str) -> Result<Response, ApiError<Html>> {
    let info = describe(st, id).ok_or_else(|| not_found(id))?;
    Ok(http::html(StatusCode::OK, render(id, &info, note)))
}
