//! ecommpay objects: Payment Page parameters, Gate requests and answers, callbacks.

use super::Extra;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Payment Page query parameters (the signed set).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PaymentPageParams {
    /// Project.
    pub project_id: i64,
    /// Unique per project.
    pub payment_id: String,
    /// Minor units.
    pub payment_amount: i64,
    /// ISO code.
    pub payment_currency: String,
    /// Customer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_id: Option<String>,
    /// `true-money` preselects TrueMoney.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub force_payment_method: Option<String>,
    /// Signature.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature: Option<String>,
    /// Everything else.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `general` of a Gate request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct General {
    /// Project.
    pub project_id: i64,
    /// Unique per project.
    pub payment_id: String,
    /// Signature of the whole request.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature: Option<String>,
    /// Where callbacks go.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merchant_callback_url: Option<String>,
    /// Everything else.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `payment` of a Gate request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GatePayment {
    /// Minor units.
    pub amount: i64,
    /// ISO code.
    pub currency: String,
    /// Description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// `customer` of a Gate request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GateCustomer {
    /// Customer id.
    pub id: String,
    /// Shopper's IP.
    pub ip_address: String,
    /// Everything else.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `return_url` of a Gate request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReturnUrl {
    /// After success.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub success: Option<String>,
    /// After decline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decline: Option<String>,
    /// On return without result.
    #[serde(default, rename = "return", skip_serializing_if = "Option::is_none")]
    pub back: Option<String>,
}

/// `POST /v2/payment/wallet/{method}/sale`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GateSaleRequest {
    /// Identity and signature.
    pub general: General,
    /// Amount.
    pub payment: GatePayment,
    /// Shopper.
    pub customer: GateCustomer,
    /// Return URLs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub return_url: Option<ReturnUrl>,
    /// Everything else.
    #[serde(flatten)]
    pub extra: Extra,
}

/// The synchronous Gate answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SyncResponse {
    /// `success` or `error`.
    pub status: String,
    /// On success.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
    /// Project.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_id: Option<i64>,
    /// Payment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment_id: Option<String>,
    /// Error code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<Value>,
    /// Error message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// Everything else.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `{amount, currency}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sum {
    /// Minor units.
    pub amount: i64,
    /// ISO code.
    pub currency: String,
}

/// `payment` of a callback.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CallbackPayment {
    /// Merchant's payment id.
    pub id: String,
    /// `purchase`.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// `success`, `decline`, `awaiting redirect result`, …
    pub status: String,
    /// Date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// `true-money`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<String>,
    /// Amount.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sum: Option<Sum>,
    /// Everything else.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `operation` of a callback.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Operation {
    /// Operation id.
    pub id: i64,
    /// `sale`.
    #[serde(rename = "type")]
    pub kind: String,
    /// Status.
    pub status: String,
    /// `"0"` on success.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// Message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// Everything else.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `redirect_data` of an intermediate callback.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RedirectData {
    /// Where.
    pub url: String,
    /// `GET` or `POST`.
    pub method: String,
    /// Form fields (POST) or query (GET).
    #[serde(default)]
    pub body: Value,
}

/// A callback (intermediate, with `redirect_data`, or final).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Callback {
    /// Project.
    pub project_id: i64,
    /// Payment.
    pub payment: CallbackPayment,
    /// Operation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operation: Option<Operation>,
    /// Where to send the shopper next.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub redirect_data: Option<RedirectData>,
    /// Signature.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature: Option<String>,
    /// Everything else.
    #[serde(flatten)]
    pub extra: Extra,
}
