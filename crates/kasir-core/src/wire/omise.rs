//! Opn Payments (Omise) objects, API version 2019-05-29.

use super::Extra;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// `POST /sources` parameters.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceParams {
    /// `truemoney_qr`, `truemoney`, `truemoney_jumpapp`, `promptpay`, …
    #[serde(rename = "type")]
    pub kind: String,
    /// Minor units.
    pub amount: i64,
    /// ISO code.
    pub currency: String,
    /// TrueMoney wallet phone number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone_number: Option<String>,
    /// `IOS` / `ANDROID` for app-redirect sources.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub platform_type: Option<String>,
}

/// A source (`object: "source"`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    /// Always `source`.
    pub object: String,
    /// `src_…`
    pub id: String,
    /// Source type.
    #[serde(rename = "type")]
    pub kind: String,
    /// Minor units.
    pub amount: i64,
    /// ISO code.
    pub currency: String,
    /// `offline`, `redirect`, `app_redirect`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flow: Option<String>,
    /// `unknown` before a charge exists.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub charge_status: Option<String>,
    /// The QR code, once a charge exists.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scannable_code: Option<ScannableCode>,
    /// ISO 8601.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
    /// Everything else.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `scannable_code` (`object: "barcode"`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScannableCode {
    /// `barcode`.
    pub object: String,
    /// `qr`.
    #[serde(rename = "type")]
    pub kind: String,
    /// The image document.
    pub image: Document,
    /// Everything else.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A document (`object: "document"`), e.g. the QR image.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// `document`.
    pub object: String,
    /// `docu_…`
    pub id: String,
    /// `qrcode.png` / `qrcode.svg`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filename: Option<String>,
    /// `/charges/chrg_…/documents/docu_…`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    /// Downloadable without credentials (the URL carries a token).
    pub download_uri: String,
    /// Everything else.
    #[serde(flatten)]
    pub extra: Extra,
}

/// Charge status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ChargeStatus {
    /// Waiting.
    Pending,
    /// Paid.
    Successful,
    /// Failed.
    Failed,
    /// Not paid in time.
    Expired,
    /// Reversed (cards).
    Reversed,
}

/// A charge (`object: "charge"`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Charge {
    /// `charge`.
    pub object: String,
    /// `chrg_…`
    pub id: String,
    /// Minor units.
    pub amount: i64,
    /// ISO code.
    pub currency: String,
    /// Status.
    pub status: ChargeStatus,
    /// The embedded source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
    /// Hosted page for redirect flows (and, in the seeds, for offline ones too).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authorize_uri: Option<String>,
    /// Where the shopper returns.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub return_uri: Option<String>,
    /// ISO 8601.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_at: Option<String>,
    /// ISO 8601.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
    /// Failure code when failed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub failure_code: Option<String>,
    /// Failure message when failed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub failure_message: Option<String>,
    /// Refunded so far, minor units.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refunded_amount: Option<i64>,
    /// Refunds list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refunds: Option<List<Value>>,
    /// Merchant metadata.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<Value>,
    /// Everything else.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A list (`object: "list"`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct List<T> {
    /// `list`.
    pub object: String,
    /// Items.
    pub data: Vec<T>,
    /// Page size.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<i64>,
    /// Offset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offset: Option<i64>,
    /// Total count.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<i64>,
    /// Everything else.
    #[serde(flatten)]
    pub extra: Extra,
}

/// An error (`object: "error"`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Error {
    /// `error`.
    pub object: String,
    /// Docs URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    /// snake_case code.
    pub code: String,
    /// Message.
    pub message: String,
}

/// An event (`object: "event"`), as listed and as delivered to webhooks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// `event`.
    pub object: String,
    /// `evnt_…`
    pub id: String,
    /// `charge.create`, `charge.complete`, `refund.create`, …
    pub key: String,
    /// ISO 8601.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
    /// The full object.
    pub data: Value,
    /// Everything else.
    #[serde(flatten)]
    pub extra: Extra,
}
