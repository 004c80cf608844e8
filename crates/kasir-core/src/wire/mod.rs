//! serde types for every JSON object in the PSP documents (the seeds), keys as the PSPs send them.
//!
//! Every type keeps the fields Kasir reads as typed fields and everything else in `extra`, so
//! unknown fields are tolerated and survive a round trip. A missing required field is a
//! [`WireError`] naming the object and the field.

pub mod ecommpay;
pub mod omise;
pub mod wooshpay;

use serde::de::DeserializeOwned;

/// A PSP object did not have the expected shape.
#[derive(Debug, thiserror::Error)]
#[error("invalid {object}: {source}")]
pub struct WireError {
    /// Which object was being read.
    pub object: &'static str,
    /// serde's description, naming the missing or mistyped field.
    #[source]
    pub source: serde_json::Error,
}

/// Parse a PSP object from JSON text.
pub fn parse<T: DeserializeOwned>(object: &'static str, json: &str) -> Result<T, WireError> {
    serde_json::from_str(json).map_err(|source| WireError { object, source })
}

/// Parse a PSP object from a JSON value.
pub fn from_value<T: DeserializeOwned>(
    object: &'static str,
    value: serde_json::Value,
) -> Result<T, WireError> {
    serde_json::from_value(value).map_err(|source| WireError { object, source })
}

/// Unknown fields, kept as they came.
pub type Extra = serde_json::Map<String, serde_json::Value>;
