//! What ending a payment means, whatever the PSP: the [`Outcome`] asked for, the [`Finished`]
//! result and the [`PayInfo`] a customer page shows. A leaf module: `control`, `pages`, the
//! timers and every emulator depend on it, it depends on nothing in the crate.

use serde_json::Value;

/// How a pending payment ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Paid.
    Successful,
    /// Declined.
    Failed,
    /// Not paid in time.
    Expired,
}

impl Outcome {
    /// Parse `successful` / `failed` / `expired` (and `success`, `decline`, `approve`).
    pub fn parse(s: &str) -> Option<Outcome> {
        match s {
            "successful" | "success" | "succeeded" | "approve" | "paid" => {
                Some(Outcome::Successful)
            }
            "failed" | "decline" | "declined" | "fail" => Some(Outcome::Failed),
            "expired" | "expire" => Some(Outcome::Expired),
            _ => None,
        }
    }
}

/// The result of completing a payment.
#[derive(Debug, Clone)]
pub struct Finished {
    /// The PSP's object after the change, as the PSP shows it.
    pub object: Value,
    /// Whether the state changed (false when it was already final).
    pub changed: bool,
    /// Where to send the customer afterwards.
    pub return_url: Option<String>,
}

/// What a customer page shows about a payment.
#[derive(Debug, Clone)]
pub struct PayInfo {
    /// PSP display name.
    pub psp: &'static str,
    /// Amount in minor units.
    pub amount: i64,
    /// ISO currency code.
    pub currency: String,
    /// Whether the customer can still act.
    pub pending: bool,
    /// The PSP's status string.
    pub status: String,
    /// Payment method shown (the PSP's wire name).
    pub method: String,
}
