//! Lists and errors.

use crate::wire::Extra;
use serde::{Deserialize, Serialize};

/// A list (`object: "list"`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct List<T> {
    /// `list`.
    pub object: String,
    /// The list's path.
    #[serde(default)]
    pub url: Option<String>,
    /// More pages follow.
    #[serde(default)]
    pub has_more: Option<bool>,
    /// Items.
    pub data: Vec<T>,
    /// Everything else.
    #[serde(flatten)]
    pub extra: Extra,
}

/// An error object.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Error {
    /// `api_error`, `card_error`, `idempotency_error`, `invalid_request_error`.
    #[serde(rename = "type")]
    pub kind: String,
    /// Code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// Message.
    pub message: String,
    /// Offending parameter.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub param: Option<String>,
}

/// `{"error": {…}}`, as Stripe wraps errors.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ErrorEnvelope {
    /// The error.
    pub error: Error,
}
