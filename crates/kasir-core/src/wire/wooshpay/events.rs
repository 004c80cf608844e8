//! Events (webhook bodies) and webhook endpoints.

use crate::wire::Extra;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// `data` of an event.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct EventData {
    /// The object after the change.
    pub object: Value,
}

/// An event (`object: "event"`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// `evt_…`
    pub id: String,
    /// `event`.
    pub object: String,
    /// API version.
    #[serde(default)]
    pub api_version: Option<String>,
    /// Milliseconds.
    pub created: i64,
    /// Test or live.
    #[serde(default)]
    pub livemode: Option<bool>,
    /// `payment_intent.succeeded`, …
    #[serde(rename = "type")]
    pub kind: String,
    /// The object.
    pub data: EventData,
    /// Everything else.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A webhook endpoint (`object: "webhook_endpoint"`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct WebhookEndpoint {
    /// `we_…`
    pub id: String,
    /// `webhook_endpoint`.
    pub object: String,
    /// Where events go.
    pub url: String,
    /// Event types (`*` for all).
    #[serde(default)]
    pub enabled_events: Vec<String>,
    /// API version.
    #[serde(default)]
    pub api_version: Option<String>,
    /// Signing secret (`whsec_…`).
    #[serde(default)]
    pub secret: Option<String>,
    /// `enabled`.
    #[serde(default)]
    pub status: Option<String>,
    /// Milliseconds.
    pub created: i64,
    /// Test or live.
    #[serde(default)]
    pub livemode: Option<bool>,
    /// Description.
    #[serde(default)]
    pub description: Option<String>,
    /// Everything else.
    #[serde(flatten)]
    pub extra: Extra,
}
