//! Charges and their create parameters.

use super::list::List;
use super::refund::Refund;
use super::source::{NewSource, Source};
use crate::wire::Extra;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Charge status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ChargeStatus {
    /// Waiting.
    #[default]
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

impl ChargeStatus {
    /// The status as Opn spells it.
    pub fn as_str(self) -> &'static str {
        match self {
            ChargeStatus::Pending => "pending",
            ChargeStatus::Successful => "successful",
            ChargeStatus::Failed => "failed",
            ChargeStatus::Expired => "expired",
            ChargeStatus::Reversed => "reversed",
        }
    }
}

/// `transaction_fees` of a charge (decimal strings).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TransactionFees {
    /// Flat fee.
    #[serde(default)]
    pub fee_flat: Option<String>,
    /// Percentage fee.
    #[serde(default)]
    pub fee_rate: Option<String>,
    /// VAT percentage.
    #[serde(default)]
    pub vat_rate: Option<String>,
}

/// `platform_fee` of a charge (platform partners only).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PlatformFee {
    /// Fixed amount.
    #[serde(default)]
    pub fixed: Option<i64>,
    /// Computed amount.
    #[serde(default)]
    pub amount: Option<i64>,
    /// Percentage.
    #[serde(default)]
    pub percentage: Option<f64>,
}

/// A charge (`object: "charge"`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Charge {
    /// `charge`.
    pub object: String,
    /// `chrg_…`
    pub id: String,
    /// `/charges/chrg_…`
    #[serde(default)]
    pub location: Option<String>,
    /// Minor units.
    pub amount: i64,
    /// Card network reference.
    #[serde(default)]
    pub acquirer_reference_number: Option<String>,
    /// Amount after fees, minor units.
    #[serde(default)]
    pub net: Option<i64>,
    /// Fee, minor units.
    #[serde(default)]
    pub fee: Option<i64>,
    /// VAT on the fee, minor units.
    #[serde(default)]
    pub fee_vat: Option<i64>,
    /// Instalment interest.
    #[serde(default)]
    pub interest: Option<i64>,
    /// VAT on the interest.
    #[serde(default)]
    pub interest_vat: Option<i64>,
    /// Amount in the funding currency.
    #[serde(default)]
    pub funding_amount: Option<i64>,
    /// Refunded so far, minor units.
    #[serde(default)]
    pub refunded_amount: Option<i64>,
    /// Fee rates.
    #[serde(default)]
    pub transaction_fees: Option<TransactionFees>,
    /// Platform fee.
    #[serde(default)]
    pub platform_fee: Option<PlatformFee>,
    /// ISO code.
    pub currency: String,
    /// Funding currency.
    #[serde(default)]
    pub funding_currency: Option<String>,
    /// Payer IP.
    #[serde(default)]
    pub ip: Option<String>,
    /// Refunds list.
    #[serde(default)]
    pub refunds: Option<List<Refund>>,
    /// Payment link.
    #[serde(default)]
    pub link: Option<Value>,
    /// Merchant description.
    #[serde(default)]
    pub description: Option<String>,
    /// Merchant metadata.
    #[serde(default)]
    pub metadata: Option<Value>,
    /// Card (card charges).
    #[serde(default)]
    pub card: Option<Value>,
    /// The embedded source.
    #[serde(default)]
    pub source: Option<Source>,
    /// Schedule.
    #[serde(default)]
    pub schedule: Option<Value>,
    /// Linked account.
    #[serde(default)]
    pub linked_account: Option<Value>,
    /// Customer id.
    #[serde(default)]
    pub customer: Option<String>,
    /// Dispute.
    #[serde(default)]
    pub dispute: Option<Value>,
    /// `trxn_…` once paid.
    #[serde(default)]
    pub transaction: Option<String>,
    /// Failure code when failed.
    #[serde(default)]
    pub failure_code: Option<String>,
    /// Failure message when failed.
    #[serde(default)]
    pub failure_message: Option<String>,
    /// Status.
    pub status: ChargeStatus,
    /// Hosted page for redirect flows (and, in the seeds, for offline ones too).
    #[serde(default)]
    pub authorize_uri: Option<String>,
    /// Where the shopper returns.
    #[serde(default)]
    pub return_uri: Option<String>,
    /// ISO 8601.
    #[serde(default)]
    pub created_at: Option<String>,
    /// ISO 8601.
    #[serde(default)]
    pub paid_at: Option<String>,
    /// ISO 8601.
    #[serde(default)]
    pub authorized_at: Option<String>,
    /// ISO 8601.
    #[serde(default)]
    pub expires_at: Option<String>,
    /// ISO 8601.
    #[serde(default)]
    pub expired_at: Option<String>,
    /// ISO 8601.
    #[serde(default)]
    pub reversed_at: Option<String>,
    /// Zero-interest instalments.
    #[serde(default)]
    pub zero_interest_installments: Option<bool>,
    /// Branch (in-store).
    #[serde(default)]
    pub branch: Option<Value>,
    /// Terminal (in-store).
    #[serde(default)]
    pub terminal: Option<Value>,
    /// Device (in-store).
    #[serde(default)]
    pub device: Option<Value>,
    /// Authorized.
    #[serde(default)]
    pub authorized: Option<bool>,
    /// Can be captured.
    #[serde(default)]
    pub capturable: Option<bool>,
    /// Captured at once.
    #[serde(default)]
    pub capture: Option<bool>,
    /// Can be disputed.
    #[serde(default)]
    pub disputable: Option<bool>,
    /// Test or live.
    #[serde(default)]
    pub livemode: Option<bool>,
    /// Can be refunded.
    #[serde(default)]
    pub refundable: Option<bool>,
    /// Can be partially refunded.
    #[serde(default)]
    pub partially_refundable: Option<bool>,
    /// Reversed.
    #[serde(default)]
    pub reversed: Option<bool>,
    /// Can be reversed.
    #[serde(default)]
    pub reversible: Option<bool>,
    /// Voided.
    #[serde(default)]
    pub voided: Option<bool>,
    /// Paid.
    #[serde(default)]
    pub paid: Option<bool>,
    /// Expired.
    #[serde(default)]
    pub expired: Option<bool>,
    /// Can be voided today.
    #[serde(default)]
    pub can_perform_void: Option<bool>,
    /// Approval code.
    #[serde(default)]
    pub approval_code: Option<String>,
    /// Everything else.
    #[serde(flatten)]
    pub extra: Extra,
}

/// The `source` of `POST /charges`: an existing source's id, or a new source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum SourceRef {
    /// `src_…`
    Id(String),
    /// Created with the charge.
    New(NewSource),
}

/// `POST /charges` parameters.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChargeParams {
    /// Minor units.
    pub amount: i64,
    /// ISO code.
    pub currency: String,
    /// The source.
    pub source: SourceRef,
    /// Where the shopper returns (redirect flows).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub return_uri: Option<String>,
    /// ISO 8601; Opn's default when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_at: Option<String>,
    /// Merchant description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Merchant metadata.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<Value>,
    /// Everything else.
    #[serde(flatten)]
    pub extra: Extra,
}
