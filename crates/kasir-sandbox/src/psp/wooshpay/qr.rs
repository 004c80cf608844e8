//! QR methods (QRIS): a confirmed intent's `next_action` is `{wire}_display_qr_code` in Stripe's
//! shape (`data`, `image_url_png`, `image_url_svg`, `expires_at` Unix seconds), and the images
//! are served by `GET /wooshpay/qr/:intent_id/:token.{png,svg}` (no credentials: the token is
//! the secret). The QR encodes the intent's customer page, so scanning it with a phone pays.

use super::api::PI;
use crate::ids::alnum;
use crate::qr_image::{self, Format};
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use kasir_core::wire::wooshpay::{DisplayQrCode, NextAction, PaymentIntent};
use std::sync::Arc;

/// The QR action of intent `id` for method `wire`, payable until `expires_ms`.
pub fn display_qr(base: &str, wire: &str, id: &str, expires_ms: i64) -> NextAction {
    let token = alnum(24);
    let img = |ext: &str| format!("{base}/wooshpay/qr/{id}/{token}.{ext}");
    NextAction::display_qr_code(
        wire,
        DisplayQrCode {
            data: format!("{base}/pay/{id}"),
            image_url_png: img("png"),
            image_url_svg: img("svg"),
            expires_at: expires_ms.div_euclid(1000),
        },
    )
}

/// `GET /wooshpay/qr/:id/:file`: the image of an intent's current QR.
pub async fn image(
    State(st): State<Arc<AppState>>,
    Path((id, file)): Path<(String, String)>,
) -> Response {
    let qr = st
        .store
        .get::<PaymentIntent>(PI, &id)
        .and_then(|pi| pi.next_action)
        .and_then(|na| na.qr_code());
    let wanted = format!("/wooshpay/qr/{id}/{file}");
    match qr {
        Some(q) if q.image_url_png.ends_with(&wanted) || q.image_url_svg.ends_with(&wanted) => {
            qr_image::response(&q.data, Format::of_filename(&file))
        }
        _ => (StatusCode::NOT_FOUND, "no such QR code").into_response(),
    }
}
