//! Sources, their QR code and its image document.

use crate::wire::Extra;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// `POST /sources` parameters.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
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
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Source {
    /// Always `source`.
    pub object: String,
    /// `src_…`
    pub id: String,
    /// Test or live.
    #[serde(default)]
    pub livemode: Option<bool>,
    /// `/sources/src_…`
    #[serde(default)]
    pub location: Option<String>,
    /// Minor units.
    pub amount: i64,
    /// Barcode (bill payment).
    #[serde(default)]
    pub barcode: Option<Value>,
    /// Bank code (internet / mobile banking).
    #[serde(default)]
    pub bank: Option<String>,
    /// ISO 8601.
    #[serde(default)]
    pub created_at: Option<String>,
    /// ISO code.
    pub currency: String,
    /// Payer e-mail.
    #[serde(default)]
    pub email: Option<String>,
    /// `offline`, `redirect`, `app_redirect`.
    #[serde(default)]
    pub flow: Option<String>,
    /// Instalment months.
    #[serde(default)]
    pub installment_term: Option<i64>,
    /// Payer IP.
    #[serde(default)]
    pub ip: Option<String>,
    /// Instalment interest absorption.
    #[serde(default)]
    pub absorption_type: Option<String>,
    /// Payer name.
    #[serde(default)]
    pub name: Option<String>,
    /// Payer mobile number (some methods).
    #[serde(default)]
    pub mobile_number: Option<String>,
    /// TrueMoney wallet phone number.
    #[serde(default)]
    pub phone_number: Option<String>,
    /// `IOS` / `ANDROID` for app-redirect sources.
    #[serde(default)]
    pub platform_type: Option<String>,
    /// The QR code, once a charge exists.
    #[serde(default)]
    pub scannable_code: Option<ScannableCode>,
    /// Billing address.
    #[serde(default)]
    pub billing: Option<Value>,
    /// Shipping address.
    #[serde(default)]
    pub shipping: Option<Value>,
    /// Order items.
    #[serde(default)]
    pub items: Option<Vec<Value>>,
    /// Bill payment references.
    #[serde(default)]
    pub references: Option<Value>,
    /// The provider's references.
    #[serde(default)]
    pub provider_references: Option<Value>,
    /// Store (in-store methods).
    #[serde(default)]
    pub store_id: Option<String>,
    /// Store name.
    #[serde(default)]
    pub store_name: Option<String>,
    /// Terminal (in-store methods).
    #[serde(default)]
    pub terminal_id: Option<String>,
    /// Source type.
    #[serde(rename = "type")]
    pub kind: String,
    /// Zero-interest instalments.
    #[serde(default)]
    pub zero_interest_installments: Option<bool>,
    /// `unknown` before a charge exists, then the charge's status.
    #[serde(default)]
    pub charge_status: Option<String>,
    /// Amount on the receipt.
    #[serde(default)]
    pub receipt_amount: Option<i64>,
    /// Discounts applied.
    #[serde(default)]
    pub discounts: Option<Vec<Value>>,
    /// Promotion code.
    #[serde(default)]
    pub promotion_code: Option<String>,
    /// Everything else.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `scannable_code` (`object: "barcode"`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
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
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// `document`.
    pub object: String,
    /// Test or live.
    #[serde(default)]
    pub livemode: Option<bool>,
    /// `docu_…`
    pub id: String,
    /// Deleted.
    #[serde(default)]
    pub deleted: Option<bool>,
    /// `qrcode.png` / `qrcode.svg`.
    #[serde(default)]
    pub filename: Option<String>,
    /// `/charges/chrg_…/documents/docu_…`
    #[serde(default)]
    pub location: Option<String>,
    /// `qr`.
    #[serde(default)]
    pub kind: Option<String>,
    /// Downloadable without credentials (the URL carries a token).
    pub download_uri: String,
    /// ISO 8601.
    #[serde(default)]
    pub created_at: Option<String>,
    /// Everything else.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A source created with the charge (`source: {type, …}`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct NewSource {
    /// Source type.
    #[serde(rename = "type")]
    pub kind: String,
    /// TrueMoney wallet phone number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone_number: Option<String>,
    /// `IOS` / `ANDROID` for app-redirect sources.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub platform_type: Option<String>,
    /// Everything else.
    #[serde(flatten)]
    pub extra: Extra,
}
