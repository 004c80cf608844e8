//! The account's capability (`GET /capability`).

use crate::wire::Extra;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// One payment method the account can use.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PaymentMethod {
    /// `payment_method`.
    pub object: String,
    /// Source type.
    pub name: String,
    /// ISO codes.
    #[serde(default)]
    pub currencies: Vec<String>,
    /// Card brands (cards).
    #[serde(default)]
    pub card_brands: Option<Vec<String>>,
    /// Instalment terms (instalments).
    #[serde(default)]
    pub installment_terms: Option<Vec<i64>>,
    /// Banks (banking methods).
    #[serde(default)]
    pub banks: Option<Vec<String>>,
    /// Provider.
    #[serde(default)]
    pub provider: Option<String>,
    /// Everything else.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `{min, max}` in minor units.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AmountLimit {
    /// Largest.
    pub max: i64,
    /// Smallest.
    pub min: i64,
}

/// `limits` of the capability.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CapabilityLimits {
    /// Charge amount limits.
    pub charge_amount: AmountLimit,
    /// Everything else.
    #[serde(flatten)]
    pub extra: Extra,
}

/// The capability (`object: "capability"`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Capability {
    /// `capability`.
    pub object: String,
    /// `/capability`.
    #[serde(default)]
    pub location: Option<String>,
    /// ISO country.
    #[serde(default)]
    pub country: Option<String>,
    /// Banks.
    #[serde(default)]
    pub banks: Vec<Value>,
    /// Payment methods.
    #[serde(default)]
    pub payment_methods: Vec<PaymentMethod>,
    /// Tokenization methods.
    #[serde(default)]
    pub tokenization_methods: Vec<String>,
    /// Zero-interest instalments.
    #[serde(default)]
    pub zero_interest_installments: Option<bool>,
    /// Limits.
    #[serde(default)]
    pub limits: Option<CapabilityLimits>,
    /// Everything else.
    #[serde(flatten)]
    pub extra: Extra,
}
