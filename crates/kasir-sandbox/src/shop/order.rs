//! The widget's `createPayment` request to the merchant, the catalogue row it asks for, and
//! the shop's own error shape.

use crate::error::{json_response, ApiError, ErrorStyle};
use crate::http;
use crate::ids::alnum_lower;
use axum::body::Body;
use axum::http::StatusCode;
use axum::response::Response;
use kasir_core::catalogue::{offer, offers_of, MethodId, Offer, Psp};
use kasir_core::money::Currency;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::HashMap;

/// The shop's own errors: `{"error": message, "code": code}`.
#[derive(Debug)]
pub struct ShopStyle;

#[derive(Serialize)]
struct ShopErrorBody<'a> {
    error: &'a str,
    code: &'a str,
}

impl ErrorStyle for ShopStyle {
    type Detail = ();
    fn render(e: ApiError<ShopStyle>) -> Response {
        let body = ShopErrorBody {
            error: &e.message,
            code: &e.code,
        };
        json_response(e.status, &body)
    }
}

/// A shop error.
pub type ShopError = ApiError<ShopStyle>;

/// A 400 shop error.
pub fn bad(m: &str) -> ShopError {
    ApiError::new(StatusCode::BAD_REQUEST, "bad_request", m)
}

/// What the widget sends to `createPaymentUrl`.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Order {
    /// Kasir's method id (`truemoney_qr`), not a PSP wire name.
    #[serde(default)]
    pub method: Option<String>,
    /// Minor units.
    #[serde(default)]
    pub amount: Option<i64>,
    /// ISO code.
    #[serde(default)]
    pub currency: Option<String>,
    /// The Opn source the widget created (object or id).
    #[serde(default)]
    pub source: Option<Value>,
    /// Where the shopper comes back.
    #[serde(default, rename = "returnUrl")]
    pub return_url: Option<String>,
    /// One per payment attempt.
    #[serde(default, rename = "idempotencyKey")]
    pub idempotency_key: Option<String>,
    /// `{mobile, os}` (or `"mobile"`).
    #[serde(default)]
    pub device: Value,
    /// What the shopper gave in the widget (`{phone, email, bank, installmentTerm}`): the shop
    /// passes each field the method asks for to the PSP (an Opn inline source).
    #[serde(default)]
    pub shopper: Value,
    /// WooshPay: confirm at once.
    #[serde(default)]
    pub confirm: Option<bool>,
    /// The shop's order this payment is for (`data-order-id`): the shop prices it from the order.
    #[serde(default, rename = "orderId")]
    pub order_id: Option<String>,
}

impl Order {
    /// Read the request body.
    pub async fn read(body: Body) -> Result<Order, ShopError> {
        let bytes = http::read_body(body)
            .await
            .ok_or_else(|| bad("body too large"))?;
        match serde_json::from_slice::<Value>(&bytes) {
            Ok(v @ Value::Object(_)) => {
                serde_json::from_value(v).map_err(|e| bad(&format!("invalid order: {e}")))
            }
            _ => Err(bad("body must be a JSON object")),
        }
    }

    /// A non-empty field.
    fn some(v: &Option<String>) -> Option<&str> {
        v.as_deref().filter(|s| !s.is_empty())
    }

    /// `returnUrl`, if given.
    pub fn return_url(&self) -> Option<&str> {
        Order::some(&self.return_url)
    }

    /// `idempotencyKey`, if given.
    pub fn idempotency_key(&self) -> Option<&str> {
        Order::some(&self.idempotency_key)
    }

    /// The shopper is on a phone.
    pub fn mobile(&self) -> bool {
        let d = &self.device;
        d.as_str() == Some("mobile")
            || d["mobile"].as_bool() == Some(true)
            || d["type"].as_str() == Some("mobile")
    }

    /// The device's OS as the widget reports it (`ios`, `android`), if any.
    pub fn os(&self) -> Option<String> {
        let d = &self.device;
        d["os"]
            .as_str()
            .or(d["os_type"].as_str())
            .map(str::to_ascii_uppercase)
    }

    /// The catalogue row of the request's method with `psp` in `currency` (the PSP's first row in
    /// that currency when the request names no method): where every wire name comes from.
    pub fn row(&self, psp: Psp, currency: Currency) -> Result<&'static Offer, ShopError> {
        match Order::some(&self.method) {
            Some(m) => {
                let id: MethodId = m.parse().map_err(|_| bad(&format!("unknown method {m}")))?;
                offer(id, psp, currency).ok_or_else(|| {
                    bad(&format!(
                        "{m} is not offered by {} in {}",
                        psp.as_str(),
                        currency.code()
                    ))
                })
            }
            None => offers_of(psp)
                .find(|o| o.currency == currency)
                .ok_or_else(|| {
                    bad(&format!(
                        "{} offers nothing in {}",
                        psp.as_str(),
                        currency.code()
                    ))
                }),
        }
    }

    /// The merchant's payment id for ecommpay: the idempotency key when it is a safe id.
    pub fn payment_id(&self) -> String {
        self.idempotency_key()
            .filter(|k| {
                k.len() <= 64
                    && k.chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
            })
            .map(str::to_string)
            .unwrap_or_else(|| format!("kasir-{}", alnum_lower(16)))
    }
}

/// The demo's order metadata.
pub fn metadata() -> Value {
    let mut m = Map::new();
    m.insert("shop".into(), Value::String("kasir-demo".into()));
    Value::Object(m)
}

/// An id safe to put in a path.
pub fn safe_id(q: &HashMap<String, String>) -> Result<&str, ShopError> {
    q.get("id")
        .map(String::as_str)
        .filter(|i| !i.is_empty() && i.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
        .ok_or_else(|| bad("id is required"))
}
