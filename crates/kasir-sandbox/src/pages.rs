//! Customer-facing routes: `/pay/:id` shows the Approve / Decline page of any PSP's payment
//! and completes it, then sends the customer back to the merchant's return URL. Only a pending
//! payment can be approved or declined: anything else is a 409 page and changes nothing.

use crate::customer_page::{not_found, render};
use crate::error::{ApiError, Html};
use crate::http;
use crate::outcome::Outcome;
use crate::params;
use crate::registry;
use crate::state::AppState;
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use std::sync::Arc;

/// Customer page routes.
pub fn routes() -> Router<Arc<AppState>> {
    Router::new().route("/pay/{id}", get(pay_page).post(pay_action))
}

/// The page of payment `id`.
pub async fn pay_page(
    State(st): State<Arc<AppState>>,
    Path(id): Path<String>,
) -> Result<Response, ApiError<Html>> {
    let info = registry::describe(&st, &id).ok_or_else(|| not_found(&id))?;
    Ok(http::html(StatusCode::OK, render(&id, &info, "")))
}

async fn pay_action(
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
    let form = params::form_pairs(&bytes)
        .map_err(|m| ApiError::new(StatusCode::BAD_REQUEST, "Malformed form", &m))?;
    let outcome = match form
        .iter()
        .find(|(k, _)| k == "action")
        .map(|(_, v)| v.as_str())
    {
        Some("approve") => Outcome::Successful,
        Some("decline") => Outcome::Failed,
        _ => {
            return Err(ApiError::new(
                StatusCode::BAD_REQUEST,
                "Choose approve or decline",
                "The form must say approve or decline.",
            ))
        }
    };
    let f = registry::complete(&st, &id, outcome)?.ok_or_else(|| not_found(&id))?;
    if !f.changed {
        // Only a pending payment can be approved or declined (each PSP's state machine).
        let status = registry::describe(&st, &id)
            .map(|i| i.status)
            .unwrap_or_default();
        return Err(ApiError::new(
            StatusCode::CONFLICT,
            "Payment is not pending",
            &format!("Payment {id} is {status}; it can no longer be approved or declined."),
        ));
    }
    let to = match f.return_url {
        Some(url) if !url.is_empty() => url,
        _ => format!("/pay/{id}"),
    };
    Ok((StatusCode::SEE_OTHER, [(header::LOCATION, to)]).into_response())
}
