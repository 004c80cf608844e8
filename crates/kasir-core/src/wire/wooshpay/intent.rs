//! Payment intents and their parameters.

use crate::wire::Extra;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// `payment_method_options.{method}`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TerminalOptions {
    /// `WEB`, `WAP`, `APP`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub terminal_type: Option<String>,
    /// `ANDROID`, `IOS`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub os_type: Option<String>,
    /// Everything else.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `POST /v1/payment_intents` (and `/confirm`) parameters.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
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

/// The `redirect_to_url` member of a `next_action`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RedirectToUrl {
    /// Where to send the shopper.
    pub url: String,
    /// Where the shopper comes back.
    #[serde(default)]
    pub return_url: Option<String>,
}

/// The `{method}_display_qr_code` member of a `next_action` (Stripe's shape).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DisplayQrCode {
    /// What the QR encodes.
    pub data: String,
    /// The QR as PNG.
    pub image_url_png: String,
    /// The QR as SVG.
    pub image_url_svg: String,
    /// When the QR stops being payable, Unix seconds.
    pub expires_at: i64,
}

/// `next_action`: `{type: X, X: {url, …}}` whatever X is named.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
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
    /// A `redirect_to_url` action.
    pub fn redirect_to_url(r: RedirectToUrl) -> NextAction {
        let kind = "redirect_to_url".to_string();
        let mut extra = Extra::new();
        if let Ok(v) = serde_json::to_value(r) {
            extra.insert(kind.clone(), v);
        }
        NextAction { kind, extra }
    }
    /// A `{method}_handle_redirect` action.
    pub fn handle_redirect(method: &str, r: RedirectToUrl) -> NextAction {
        NextAction::member(format!("{method}_handle_redirect"), r)
    }
    /// A `{method}_display_qr_code` action.
    pub fn display_qr_code(method: &str, q: DisplayQrCode) -> NextAction {
        NextAction::member(format!("{method}_display_qr_code"), q)
    }
    fn member<T: Serialize>(kind: String, member: T) -> NextAction {
        let mut extra = Extra::new();
        if let Ok(v) = serde_json::to_value(member) {
            extra.insert(kind.clone(), v);
        }
        NextAction { kind, extra }
    }
    /// The QR under `{method}_display_qr_code`, when the action is one.
    pub fn qr_code(&self) -> Option<DisplayQrCode> {
        if !self.kind.ends_with("_display_qr_code") {
            return None;
        }
        serde_json::from_value(self.extra.get(&self.kind)?.clone()).ok()
    }
}

/// The payment method a `last_payment_error` names.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PaymentMethodRef {
    /// `pm_…`
    #[serde(default)]
    pub id: Option<String>,
    /// Method type.
    #[serde(rename = "type", default)]
    pub kind: Option<String>,
}

/// `last_payment_error`: why the intent went back to `requires_payment_method`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PaymentError {
    /// `card_error`, …
    #[serde(rename = "type")]
    pub kind: String,
    /// Code.
    #[serde(default)]
    pub code: Option<String>,
    /// Decline code.
    #[serde(default)]
    pub decline_code: Option<String>,
    /// Message.
    #[serde(default)]
    pub message: Option<String>,
    /// The method that failed.
    #[serde(default)]
    pub payment_method: Option<PaymentMethodRef>,
    /// Everything else.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A payment intent (`object: "payment_intent"`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PaymentIntent {
    /// `pi_…`
    pub id: String,
    /// `payment_intent`.
    pub object: String,
    /// Milliseconds.
    pub created: i64,
    /// Test or live.
    #[serde(default)]
    pub livemode: Option<bool>,
    /// ISO code.
    pub currency: String,
    /// Minor units.
    pub amount: i64,
    /// Received so far, minor units.
    #[serde(default)]
    pub amount_received: Option<i64>,
    /// `requires_payment_method`, `requires_action`, `succeeded`, …
    pub status: String,
    /// `<id>_secret_<24 alnum>`.
    #[serde(default)]
    pub client_secret: Option<String>,
    /// The redirect to follow.
    #[serde(default)]
    pub next_action: Option<NextAction>,
    /// Methods.
    #[serde(default)]
    pub payment_method_types: Vec<String>,
    /// Per-method options.
    #[serde(default)]
    pub payment_method_options: Option<BTreeMap<String, TerminalOptions>>,
    /// `automatic`.
    #[serde(default)]
    pub confirmation_method: Option<String>,
    /// `automatic`.
    #[serde(default)]
    pub capture_method: Option<String>,
    /// Where the shopper returns.
    #[serde(default)]
    pub return_url: Option<String>,
    /// `pm_…` once confirmed.
    #[serde(default)]
    pub payment_method: Option<String>,
    /// Customer id.
    #[serde(default)]
    pub customer: Option<String>,
    /// Merchant description.
    #[serde(default)]
    pub description: Option<String>,
    /// Merchant metadata.
    #[serde(default)]
    pub metadata: Option<Extra>,
    /// Merchant order id.
    #[serde(default)]
    pub merchant_order_id: Option<String>,
    /// Saving the method.
    #[serde(default)]
    pub setup_future_usage: Option<String>,
    /// The failure that sent it back to `requires_payment_method`.
    #[serde(default)]
    pub last_payment_error: Option<PaymentError>,
    /// Why it was canceled.
    #[serde(default)]
    pub cancellation_reason: Option<String>,
    /// Milliseconds.
    #[serde(default)]
    pub canceled_at: Option<i64>,
    /// `ch_…` once paid.
    #[serde(default)]
    pub latest_charge: Option<String>,
    /// Refunded so far, minor units (present once refunded).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount_refunded: Option<i64>,
    /// Everything else.
    #[serde(flatten)]
    pub extra: Extra,
}
