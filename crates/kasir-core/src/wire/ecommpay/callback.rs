//! What ecommpay answers and sends: the synchronous Gate answer and callbacks.

use crate::wire::Extra;
use serde::{Deserialize, Serialize};
use serde_json::Value;

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
    /// The merchant's description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
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
    /// Date of the last change.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Date of creation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_date: Option<String>,
    /// The request that started it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
    /// Amount asked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sum_initial: Option<Sum>,
    /// Amount processed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sum_converted: Option<Sum>,
    /// `"0"` on success.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// Message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// The provider behind ecommpay.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider: Option<Provider>,
    /// Everything else.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `operation.provider`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Provider {
    /// Provider id.
    pub id: i64,
    /// The provider's payment id (empty until paid).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment_id: Option<String>,
    /// Authorisation code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auth_code: Option<String>,
    /// Everything else.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `customer` of a callback.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CallbackCustomer {
    /// The merchant's customer id.
    pub id: String,
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
    /// Customer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer: Option<CallbackCustomer>,
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
