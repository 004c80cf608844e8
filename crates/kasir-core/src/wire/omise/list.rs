//! Lists and errors.

use crate::wire::Extra;
use serde::{Deserialize, Serialize};

/// A list (`object: "list"`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct List<T> {
    /// `list`.
    pub object: String,
    /// Items.
    pub data: Vec<T>,
    /// Page size.
    #[serde(default)]
    pub limit: Option<i64>,
    /// Offset.
    #[serde(default)]
    pub offset: Option<i64>,
    /// Total count.
    #[serde(default)]
    pub total: Option<i64>,
    /// The list's path.
    #[serde(default)]
    pub location: Option<String>,
    /// `chronological` or `reverse_chronological`.
    #[serde(default)]
    pub order: Option<String>,
    /// ISO 8601 lower bound.
    #[serde(default)]
    pub from: Option<String>,
    /// ISO 8601 upper bound.
    #[serde(default)]
    pub to: Option<String>,
    /// Everything else.
    #[serde(flatten)]
    pub extra: Extra,
}

/// An error (`object: "error"`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
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
