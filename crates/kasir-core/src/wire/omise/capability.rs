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
    /// Banks (banking methods): codes, or `{code, name, active}` objects (FPX).
    #[serde(default)]
    pub banks: Option<Vec<CapabilityBank>>,
    /// Provider.
    #[serde(default)]
    pub provider: Option<String>,
    /// Everything else.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A bank of a payment method: a code (`"kbank"`) or an object (`{code, name, active}`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum CapabilityBank {
    /// `{code, name, active}` (FPX).
    Bank(BankInfo),
    /// A bank code.
    Code(String),
}

impl CapabilityBank {
    /// The bank's code.
    pub fn code(&self) -> &str {
        match self {
            CapabilityBank::Bank(b) => &b.code,
            CapabilityBank::Code(c) => c,
        }
    }
    /// Whether the account can use it now (a bare code is active).
    pub fn active(&self) -> bool {
        match self {
            CapabilityBank::Bank(b) => b.active,
            CapabilityBank::Code(_) => true,
        }
    }
}

/// `{code, name, active}`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct BankInfo {
    /// The bank's code (`maybank2u`).
    pub code: String,
    /// Its name.
    #[serde(default)]
    pub name: String,
    /// False while the bank is unavailable (shown disabled).
    #[serde(default = "yes")]
    pub active: bool,
    /// Everything else.
    #[serde(flatten)]
    pub extra: Extra,
}

fn yes() -> bool {
    true
}

/// `{min}` in minor units (`limits.installment_amount`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MinLimit {
    /// Smallest.
    pub min: i64,
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
    /// The smallest instalment charge.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub installment_amount: Option<MinLimit>,
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
