//! What the merchant sends: Payment Page parameters and Gate requests.

use crate::wire::Extra;
use serde::{Deserialize, Serialize};

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

/// `POST /v2/payment/status`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StatusRequest {
    /// Identity and signature.
    pub general: General,
}
