//! Refunds.

use crate::wire::Extra;
use serde::{Deserialize, Serialize};

/// A refund (`object: "refund"`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Refund {
    /// `re_…`
    pub id: String,
    /// `refund`.
    pub object: String,
    /// Minor units.
    pub amount: i64,
    /// ISO code.
    pub currency: String,
    /// `pi_…`
    #[serde(default)]
    pub payment_intent: Option<String>,
    /// `ch_…`
    #[serde(default)]
    pub charge: Option<String>,
    /// `succeeded`, `pending`, `failed`.
    pub status: String,
    /// Milliseconds.
    pub created: i64,
    /// Why.
    #[serde(default)]
    pub reason: Option<String>,
    /// Merchant metadata.
    #[serde(default)]
    pub metadata: Option<Extra>,
    /// Everything else.
    #[serde(flatten)]
    pub extra: Extra,
}
