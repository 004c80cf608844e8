//! WooshPay objects (Stripe-shaped; timestamps in milliseconds).

use super::Extra;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// `payment_method_options.{method}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TerminalOptions {
    /// `WEB`, `WAP`, `APP`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub terminal_type: Option<String>,
    /// `ANDROID`, `IOS`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub os_type: Option<String>,
}

/// `POST /v1/payment_intents` (and `/confirm`) parameters.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PaymentIntentParams {
    /// Minor units (required on create).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<i64>,
    /// ISO code (required on create).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// Confirm at once.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confirm: Option<bool>,
    /// Methods, e.g. `["truemoney"]`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub payment_method_types: Vec<String>,
    /// Per-method options.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub payment_method_options: BTreeMap<String, TerminalOptions>,
    /// Where the shopper returns.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub return_url: Option<String>,
    /// Everything else.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `next_action`: `{type: X, X: {url, …}}` whatever X is named.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NextAction {
    /// e.g. `promptpay_handle_redirect`, `redirect_to_url`.
    #[serde(rename = "type")]
    pub kind: String,
    /// The member named by `type`, and anything else.
    #[serde(flatten)]
    pub extra: Extra,
}

impl NextAction {
    /// The redirect URL under the member named by `type`.
    pub fn url(&self) -> Option<&str> {
        self.extra.get(&self.kind)?.get("url")?.as_str()
    }
}

/// A payment intent (`object: "payment_intent"`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PaymentIntent {
    /// `pi_…`
    pub id: String,
    /// `payment_intent`.
    pub object: String,
    /// Milliseconds.
    pub created: i64,
    /// ISO code.
    pub currency: String,
    /// Minor units.
    pub amount: i64,
    /// `requires_payment_method`, `requires_action`, `succeeded`, …
    pub status: String,
    /// `<id>_secret_<24 alnum>`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_secret: Option<String>,
    /// The redirect to follow.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_action: Option<NextAction>,
    /// Methods.
    #[serde(default)]
    pub payment_method_types: Vec<String>,
    /// Where the shopper returns.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub return_url: Option<String>,
    /// The failure that sent it back to `requires_payment_method`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_payment_error: Option<Value>,
    /// Everything else.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `POST /v1/checkout/sessions` parameters.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CheckoutSessionParams {
    /// `payment` or `setup`.
    pub mode: String,
    /// After payment.
    pub success_url: String,
    /// On cancel.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cancel_url: Option<String>,
    /// Methods.
    #[serde(default)]
    pub payment_method_types: Vec<String>,
    /// Items.
    pub line_items: Vec<Value>,
    /// Everything else.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A checkout session (`object: "checkout.session"`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CheckoutSession {
    /// `cs_…`
    pub id: String,
    /// `checkout.session`.
    pub object: String,
    /// Milliseconds.
    pub created: i64,
    /// `open`, `complete`, `expired`.
    pub status: String,
    /// The hosted page.
    pub url: String,
    /// `paid`, `unpaid`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment_status: Option<String>,
    /// `pi_…`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment_intent: Option<String>,
    /// Milliseconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_at: Option<i64>,
    /// Total, minor units.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount_total: Option<i64>,
    /// Everything else.
    #[serde(flatten)]
    pub extra: Extra,
}

/// An error object.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Error {
    /// `api_error`, `card_error`, `idempotency_error`, `invalid_request_error`.
    #[serde(rename = "type")]
    pub kind: String,
    /// Code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// Message.
    pub message: String,
    /// Offending parameter.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub param: Option<String>,
}

/// `{"error": {…}}`, as Stripe wraps errors.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ErrorEnvelope {
    /// The error.
    pub error: Error,
}
