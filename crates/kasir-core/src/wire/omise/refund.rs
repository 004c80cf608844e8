//! Refunds (and same-day voids).

use crate::wire::Extra;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// A refund (`object: "refund"`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Refund {
    /// `refund`.
    pub object: String,
    /// `rfnd_…`
    pub id: String,
    /// `/charges/chrg_…/refunds/rfnd_…`
    #[serde(default)]
    pub location: Option<String>,
    /// Test or live.
    #[serde(default)]
    pub livemode: Option<bool>,
    /// Minor units.
    pub amount: i64,
    /// ISO code.
    pub currency: String,
    /// `chrg_…`
    #[serde(default)]
    pub charge: Option<String>,
    /// `trxn_…`
    #[serde(default)]
    pub transaction: Option<String>,
    /// ISO 8601.
    #[serde(default)]
    pub created_at: Option<String>,
    /// True when it was a void (same day), not a refund.
    #[serde(default)]
    pub voided: Option<bool>,
    /// `pending`, `closed`.
    #[serde(default)]
    pub status: Option<String>,
    /// Amount in the funding currency.
    #[serde(default)]
    pub funding_amount: Option<i64>,
    /// Funding currency.
    #[serde(default)]
    pub funding_currency: Option<String>,
    /// Merchant metadata.
    #[serde(default)]
    pub metadata: Option<Value>,
    /// Terminal (in-store).
    #[serde(default)]
    pub terminal: Option<Value>,
    /// Card network reference.
    #[serde(default)]
    pub acquirer_reference_number: Option<String>,
    /// Approval code.
    #[serde(default)]
    pub approval_code: Option<String>,
    /// Everything else.
    #[serde(flatten)]
    pub extra: Extra,
}
