//! The shop's orders, kept on the server (`GET /shop/api/orders`): the seed, one per demo flow
//! (so each card's widget names its order, `data-order-id`), then the orders created through the
//! test control `POST /_sandbox/orders` ([`super::test_orders`]), kept in the store. The shop
//! prices every payment from its order, never from what the browser posts.
//!
//! A request without a known order (no `orderId`, an empty one, an unknown one or another PSP's)
//! is `404 {"code":"unknown_order"}`, a different amount or currency `409 {"code":"amount_mismatch"}`,
//! a method the order does not offer `409 {"code":"method_mismatch"}` (one Kasir does not know at
//! all, `400`) — and no PSP object is created.

use super::flows::FLOWS;
use super::order::{bad, Order, ShopError};
use crate::error::ApiError;
use crate::state::AppState;
use crate::store::{self, StoreError};
use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::get;
use axum::{Json, Router};
use kasir_core::catalogue::{MethodId, Psp};
use kasir_core::money::Currency;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// One order of the shop.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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

/// The seed orders, in page order: one per demo flow (`demo-<card id>`).
pub fn seed() -> Vec<ShopOrder> {
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

/// Every order: the seed, then the stored ones in creation order.
pub fn orders(st: &AppState) -> Result<Vec<ShopOrder>, StoreError> {
    let mut all = seed();
    all.extend(st.store.tx(|c| store::order_list::<ShopOrder>(c))?);
    Ok(all)
}

/// The order `id` (seed or stored), if the shop has it.
pub fn find(st: &AppState, id: &str) -> Result<Option<ShopOrder>, StoreError> {
    if let Some(o) = seed().into_iter().find(|o| o.id == id) {
        return Ok(Some(o));
    }
    st.store.tx(|c| store::order_get(c, id))
}

fn refuse(status: StatusCode, code: &str, message: &str) -> ShopError {
    tracing::warn!(code, message, "shop refused a payment request");
    ApiError::new(status, code, message)
}

/// The amount and currency to charge for `req` with `psp`: its order's. Refused when the request
/// names no order, an unknown one or another PSP's (`404 unknown_order`), or differs from it
/// (`409 amount_mismatch`, `409 method_mismatch`; a method Kasir does not know is a `400`).
pub fn price(st: &AppState, req: &Order, psp: Psp) -> Result<(i64, Currency), ShopError> {
    let Some(id) = req.order_id.as_deref().filter(|id| !id.is_empty()) else {
        return Err(refuse(
            StatusCode::NOT_FOUND,
            "unknown_order",
            "no orderId: the shop prices every payment from its order",
        ));
    };
    let unknown = || {
        refuse(
            StatusCode::NOT_FOUND,
            "unknown_order",
            &format!("no {} order {id:.64}", psp.as_str()),
        )
    };
    let order = find(st, id)?
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
        if m.parse::<MethodId>().is_err() {
            return Err(bad(&format!("unknown method {m:.40}")));
        }
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

async fn list(State(st): State<Arc<AppState>>) -> Result<Json<Vec<ShopOrder>>, ShopError> {
    Ok(Json(orders(&st)?))
}

/// `GET /shop/api/orders`.
pub fn routes() -> Router<Arc<AppState>> {
    Router::new().route("/shop/api/orders", get(list))
}
