//! The test control `POST /_sandbox/orders`: creates an order of the demo shop, standing in for
//! a merchant's own cart and checkout (a real merchant computes its orders on the server). Tests
//! and tools that pay through the shop create their order here; the shop then prices the payment
//! from it like a seed order.
//!
//! Body `{amount, currency, provider, methods?}` (`methods` defaults to every catalogue method
//! the provider offers in that currency) → `201 {id, amount, currency, provider, methods}`. Bad
//! input is a `400 {"error","code"}` (`bad_request`, `unknown_field`, `invalid_amount`,
//! `invalid_currency`, `invalid_provider`, `invalid_methods`) and nothing is stored.

use super::order::ShopError;
use super::orders::ShopOrder;
use crate::error::{json_response, ApiError};
use crate::http::{self, cors_any};
use crate::ids::alnum_lower;
use crate::state::AppState;
use crate::store;
use axum::body::Body;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::post;
use axum::Router;
use kasir_core::catalogue::{offer, offers_of, MethodId, Psp};
use kasir_core::money::Currency;
use serde_json::{Map, Value};
use std::sync::Arc;

/// The fields an order may have.
const FIELDS: &[&str] = &["amount", "currency", "provider", "methods"];

fn bad(code: &str, m: &str) -> ShopError {
    ApiError::new(StatusCode::BAD_REQUEST, code, m)
}

/// The provider, or `invalid_provider`.
fn provider(o: &Map<String, Value>) -> Result<Psp, ShopError> {
    o.get("provider")
        .and_then(Value::as_str)
        .and_then(|p| p.parse().ok())
        .ok_or_else(|| {
            bad(
                "invalid_provider",
                "provider is required: omise, wooshpay or ecommpay",
            )
        })
}

/// The methods asked for (each offered by `psp` in `currency`), or every one it offers there.
fn methods(o: &Map<String, Value>, psp: Psp, currency: Currency) -> Result<Vec<String>, ShopError> {
    let invalid = |m: &str| bad("invalid_methods", m);
    let offered: Vec<String> = offers_of(psp)
        .filter(|r| r.currency == currency)
        .map(|r| r.method.as_str().to_string())
        .collect();
    let Some(asked) = o.get("methods") else {
        if offered.is_empty() {
            return Err(bad(
                "invalid_currency",
                &format!("{} offers nothing in {}", psp.as_str(), currency.code()),
            ));
        }
        return Ok(offered);
    };
    let asked = asked
        .as_array()
        .filter(|a| !a.is_empty())
        .ok_or_else(|| invalid("methods must be a non-empty array of Kasir method ids"))?;
    let mut out: Vec<String> = Vec::new();
    for m in asked {
        let m = m
            .as_str()
            .ok_or_else(|| invalid("methods must be strings"))?;
        let id: MethodId = m
            .parse()
            .map_err(|_| invalid(&format!("unknown method {m:.40}")))?;
        if offer(id, psp, currency).is_none() {
            return Err(invalid(&format!(
                "{m} is not offered by {} in {}",
                psp.as_str(),
                currency.code()
            )));
        }
        if out.iter().any(|o| o == id.as_str()) {
            return Err(invalid(&format!("{m} is listed twice")));
        }
        out.push(id.as_str().to_string());
    }
    Ok(out)
}

/// Validate a new order's body (nothing is stored).
pub fn validate(body: &[u8]) -> Result<ShopOrder, ShopError> {
    let v: Value = serde_json::from_slice(body)
        .map_err(|_| bad("bad_request", "body must be a JSON object"))?;
    let o = v
        .as_object()
        .ok_or_else(|| bad("bad_request", "body must be a JSON object"))?;
    if let Some(k) = o.keys().find(|k| !FIELDS.contains(&k.as_str())) {
        return Err(bad(
            "unknown_field",
            &format!("unknown field {k:.40} (amount, currency, provider, methods)"),
        ));
    }
    let amount = o
        .get("amount")
        .and_then(Value::as_i64)
        .filter(|a| *a > 0)
        .ok_or_else(|| {
            bad(
                "invalid_amount",
                "amount is required: a positive integer of minor units",
            )
        })?;
    let currency: Currency = o
        .get("currency")
        .and_then(Value::as_str)
        .and_then(|c| c.parse().ok())
        .ok_or_else(|| bad("invalid_currency", "currency is required: an ISO code"))?;
    let psp = provider(o)?;
    Ok(ShopOrder {
        id: format!("order_{}", alnum_lower(16)),
        amount,
        currency: currency.code().into(),
        provider: psp.as_str().into(),
        methods: methods(o, psp, currency)?,
    })
}

async fn create(State(st): State<Arc<AppState>>, body: Body) -> Result<Response, ShopError> {
    let bytes = http::read_body(body)
        .await
        .ok_or_else(|| bad("bad_request", "body too large"))?;
    let order = validate(&bytes)?;
    st.store.tx(|c| store::order_put(c, &order.id, &order))?;
    Ok(json_response(StatusCode::CREATED, &order))
}

/// `POST /_sandbox/orders` (CORS for any origin: merchant pages in tests create their order).
pub fn routes() -> Router<Arc<AppState>> {
    Router::new()
        .route("/_sandbox/orders", post(create))
        .layer(cors_any())
}
