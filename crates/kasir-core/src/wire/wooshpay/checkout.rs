//! Checkout sessions (hosted page) and their line items.

use super::list::List;
use crate::wire::Extra;
use serde::{Deserialize, Serialize};

/// `POST /v1/checkout/sessions` parameters.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CheckoutSessionParams {
    /// `payment` or `setup`.
    pub mode: String,
    /// After payment.
    pub success_url: String,
    /// On cancel.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cancel_url: Option<String>,
    /// Methods.
    #[serde(default)]
    pub payment_method_types: Vec<String>,
    /// Items.
    pub line_items: Vec<LineItemParams>,
    /// Everything else.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `line_items[].price_data.product_data`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ProductData {
    /// Name.
    pub name: String,
    /// Description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Everything else.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `line_items[].price_data`: an inline price.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PriceData {
    /// ISO code.
    pub currency: String,
    /// Minor units.
    pub unit_amount: i64,
    /// The product.
    pub product_data: ProductData,
    /// Everything else.
    #[serde(flatten)]
    pub extra: Extra,
}

/// One of `line_items` of `POST /v1/checkout/sessions`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LineItemParams {
    /// The price.
    pub price_data: PriceData,
    /// Quantity (1 when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quantity: Option<i64>,
    /// Everything else.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A product (expanded in a price).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Product {
    /// `prod_…`
    pub id: String,
    /// `product`.
    pub object: String,
    /// Name.
    #[serde(default)]
    pub name: Option<String>,
    /// Description.
    #[serde(default)]
    pub description: Option<String>,
    /// Everything else.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A price.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Price {
    /// `price_…`
    pub id: String,
    /// `price`.
    pub object: String,
    /// ISO code.
    #[serde(default)]
    pub currency: Option<String>,
    /// Minor units.
    #[serde(default)]
    pub unit_amount: Option<i64>,
    /// `one_time`.
    #[serde(rename = "type", default)]
    pub kind: Option<String>,
    /// The product.
    #[serde(default)]
    pub product: Option<Product>,
    /// Everything else.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A line item of a session (`object: "item"`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LineItem {
    /// `li_…`
    pub id: String,
    /// `item`.
    pub object: String,
    /// ISO code.
    #[serde(default)]
    pub currency: Option<String>,
    /// The product's name.
    #[serde(default)]
    pub description: Option<String>,
    /// Quantity.
    #[serde(default)]
    pub quantity: Option<i64>,
    /// Before discounts, minor units.
    #[serde(default)]
    pub amount_subtotal: Option<i64>,
    /// Total, minor units.
    #[serde(default)]
    pub amount_total: Option<i64>,
    /// The price.
    #[serde(default)]
    pub price: Option<Price>,
    /// Everything else.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A checkout session (`object: "checkout.session"`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CheckoutSession {
    /// `cs_…`
    pub id: String,
    /// `checkout.session`.
    pub object: String,
    /// Milliseconds.
    pub created: i64,
    /// ISO code.
    #[serde(default)]
    pub currency: Option<String>,
    /// Customer id.
    #[serde(default)]
    pub customer: Option<String>,
    /// `payment`.
    #[serde(default)]
    pub mode: Option<String>,
    /// Test or live.
    #[serde(default)]
    pub livemode: Option<bool>,
    /// `open`, `complete`, `expired`.
    pub status: String,
    /// The hosted page.
    pub url: String,
    /// After payment.
    #[serde(default)]
    pub success_url: Option<String>,
    /// On cancel.
    #[serde(default)]
    pub cancel_url: Option<String>,
    /// Items.
    #[serde(default)]
    pub line_items: Option<List<LineItem>>,
    /// `pi_…`
    #[serde(default)]
    pub payment_intent: Option<String>,
    /// `paid`, `unpaid`.
    #[serde(default)]
    pub payment_status: Option<String>,
    /// Before discounts, minor units.
    #[serde(default)]
    pub amount_subtotal: Option<i64>,
    /// Total, minor units.
    #[serde(default)]
    pub amount_total: Option<i64>,
    /// Milliseconds.
    #[serde(default)]
    pub expires_at: Option<i64>,
    /// Methods.
    #[serde(default)]
    pub payment_method_types: Vec<String>,
    /// Merchant metadata.
    #[serde(default)]
    pub metadata: Option<Extra>,
    /// Everything else.
    #[serde(flatten)]
    pub extra: Extra,
}
