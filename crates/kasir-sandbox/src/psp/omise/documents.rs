//! The QR image of an offline charge: `GET /charges/:id/documents/:docu/downloads/:token`, an SVG
//! or a PNG as its file name says (no credentials, the token is the secret) encoding the charge's
//! customer page.

use super::api::{err, OpnError, CHARGE};
use crate::http::base_url;
use crate::qr_image;
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
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
    let format = qr_image::Format::of_filename(img.filename.as_deref().unwrap_or_default());
    Ok(qr_image::response(&url, format))
}

/// The QR file name Opn gives an offline source type: PayNow `qrcode.png`, every other
/// (PromptPay, TrueMoney QR, DuitNow QR) `qrcode.svg`.
pub fn qr_filename(kind: &str) -> &'static str {
    match kind {
        "paynow" => "qrcode.png",
        _ => "qrcode.svg",
    }
}
