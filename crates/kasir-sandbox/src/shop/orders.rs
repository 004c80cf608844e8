//! The shop's orders, kept on the server (`GET /shop/api/orders`): one per demo flow, so each
//! card's widget names its order (`data-order-id`) and the shop prices the payment from the
//! order, never from what the browser posts.
//!
//! A request with an `orderId` is priced from that order: an unknown order (or another PSP's)
//! is `404 {"code":"unknown_order"}`, a different amount or currency `409 {"code":"amount_mismatch"}`,
//! a method the order does not offer `409 {"code":"method_mismatch"}` — and no PSP object is
//! created. **Test mode:** a request without `orderId` is still priced from the request (the
//! E2E harness posts arbitrary amounts), logged as a warning.

use super::flows::FLOWS;
use super::order::{Order, ShopError};
use crate::error::ApiError;
use crate::state::AppState;
use axum::http::StatusCode;
use axum::routing::get;
use axum::{Json, Router};
use kasir_core::catalogue::Psp;
use kasir_core::money::Currency;
use serde::Serialize;
use std::sync::Arc;

/// One order of the shop.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ShopOrder {
    /// The order id (`data-order-id`, `orderId`).
    pub id: String,
    /// Minor units.
    pub amount: i64,
    /// ISO code.
    pub currency: String,
    /// The PSP it is paid with (`omise`, `wooshpay`, `ecommpay`).
    pub provider: String,
    /// The Kasir method ids it may be paid with.
    pub methods: Vec<String>,
}

/// Every order, in page order (the seed: one per demo flow).
pub fn orders() -> Vec<ShopOrder> {
    FLOWS
        .iter()
        .map(|f| ShopOrder {
            id: f.order_id(),
            amount: f.amount,
            currency: f.currency.code().into(),
            provider: f.psp.as_str().into(),
            methods: f.methods.iter().map(|m| m.to_string()).collect(),
        })
        .collect()
}

/// The order `id`, if the shop has it.
pub fn find(id: &str) -> Option<ShopOrder> {
    orders().into_iter().find(|o| o.id == id)
}

fn refuse(status: StatusCode, code: &str, message: &str) -> ShopError {
    tracing::warn!(code, message, "shop refused a payment request");
    ApiError::new(status, code, message)
}

/// The amount and currency to charge for `req` with `psp`: the order's when the request names
/// one (refused when it is unknown, another PSP's, or differs), else — test mode — the request's.
pub fn price(req: &Order, psp: Psp) -> Result<(i64, Currency), ShopError> {
    let Some(id) = req.order_id.as_deref() else {
        let priced = req.money()?;
        tracing::warn!(
            amount = priced.0,
            currency = priced.1.code(),
            "test mode: no orderId → priced from the request"
        );
        return Ok(priced);
    };
    let unknown = || {
        refuse(
            StatusCode::NOT_FOUND,
            "unknown_order",
            &format!("no {} order {id:.64}", psp.as_str()),
        )
    };
    let order = find(id)
        .filter(|o| o.provider == psp.as_str())
        .ok_or_else(unknown)?;
    let currency: Currency = order.currency.parse().map_err(|_| unknown())?;
    let asked_currency = req.currency.as_deref().filter(|c| !c.is_empty());
    if req.amount.is_some_and(|a| a != order.amount)
        || asked_currency.is_some_and(|c| c != order.currency)
    {
        return Err(refuse(
            StatusCode::CONFLICT,
            "amount_mismatch",
            &format!(
                "order {id} is {} {}, not {} {}",
                order.amount,
                order.currency,
                req.amount.map(|a| a.to_string()).unwrap_or_default(),
                asked_currency.unwrap_or(""),
            ),
        ));
    }
    if let Some(m) = req.method.as_deref().filter(|m| !m.is_empty()) {
        if !order.methods.iter().any(|o| o == m) {
            return Err(refuse(
                StatusCode::CONFLICT,
                "method_mismatch",
                &format!("order {id} cannot be paid with {m:.40}"),
            ));
        }
    }
    Ok((order.amount, currency))
}

async fn list() -> Json<Vec<ShopOrder>> {
    Json(orders())
}

/// `GET /shop/api/orders`.
pub fn routes() -> Router<Arc<AppState>> {
    Router::new().route("/shop/api/orders", get(list))
}
