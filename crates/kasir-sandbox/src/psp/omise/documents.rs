//! The QR image of an offline charge: `GET /charges/:id/documents/:docu/downloads/:token`, an SVG
//! (no credentials, the token is the secret) encoding the charge's customer page.

use super::api::{err, OpnError, CHARGE};
use crate::http::{base_url, esc, html};
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use kasir_core::wire::omise::Charge;
use std::sync::Arc;

fn missing() -> OpnError {
    err(StatusCode::NOT_FOUND, "not_found", "document was not found")
}

/// `GET /charges/:id/documents/:docu/downloads/:token`.
pub async fn download(
    State(st): State<Arc<AppState>>,
    headers: HeaderMap,
    Path((id, docu, token)): Path<(String, String, String)>,
) -> Result<Response, OpnError> {
    let ch: Charge = st.store.get(CHARGE, &id).ok_or_else(missing)?;
    let img = ch
        .source
        .and_then(|s| s.scannable_code)
        .map(|q| q.image)
        .ok_or_else(missing)?;
    if img.id != docu
        || !img.download_uri.ends_with(&format!("/downloads/{token}"))
        || token.len() != 16
    {
        return Err(missing());
    }
    let url = format!("{}/pay/{id}", base_url(&headers, &st));
    Ok(match qrcode::QrCode::new(url.as_bytes()) {
        Ok(code) => {
            let svg = code
                .render::<qrcode::render::svg::Color<'_>>()
                .min_dimensions(240, 240)
                .quiet_zone(true)
                .build();
            (
                [
                    (header::CONTENT_TYPE, "image/svg+xml"),
                    (header::CACHE_CONTROL, "no-store"),
                ],
                svg,
            )
                .into_response()
        }
        Err(e) => html(StatusCode::INTERNAL_SERVER_ERROR, esc(&e.to_string())),
    })
}
