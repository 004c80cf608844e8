//! Events, as listed and as delivered to webhooks.

use crate::wire::Extra;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// One webhook delivery of an event.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct WebhookDelivery {
    /// `webhook_delivery`.
    pub object: String,
    /// `whdl_…`
    pub id: String,
    /// The endpoint.
    pub uri: String,
    /// The endpoint's HTTP status, once delivered.
    #[serde(default)]
    pub status: Option<i64>,
    /// The event key.
    #[serde(default)]
    pub key: Option<String>,
    /// Everything else.
    #[serde(flatten)]
    pub extra: Extra,
}

/// An event (`object: "event"`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// `event`.
    pub object: String,
    /// `evnt_…`
    pub id: String,
    /// Test or live.
    #[serde(default)]
    pub livemode: Option<bool>,
    /// `/events/evnt_…`
    #[serde(default)]
    pub location: Option<String>,
    /// `charge.create`, `charge.complete`, `refund.create`, …
    pub key: String,
    /// ISO 8601.
    #[serde(default)]
    pub created_at: Option<String>,
    /// The full object.
    pub data: Value,
    /// Where it is delivered.
    #[serde(default)]
    pub webhook_deliveries: Option<Vec<WebhookDelivery>>,
    /// Everything else.
    #[serde(flatten)]
    pub extra: Extra,
}
