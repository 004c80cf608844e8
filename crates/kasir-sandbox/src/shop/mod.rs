//! The demo shop: product pages embedding the widget (cards generated from one table of flows)
//! and a merchant backend per PSP under `/shop/api/*` that talks to the sandbox's own PSP
//! endpoints in-process, sending the catalogue's wire names.
//!
//! - [`flows`]: the table of demo flows and their cards; [`templates`]: the pages.
//! - [`backend`] / [`backends`]: one merchant backend per PSP ([`omise`], [`wooshpay`],
//!   [`ecommpay`]); [`order`]: the widget's request and its catalogue row; [`orders`]: the
//!   shop's orders, which price every payment; [`test_orders`]: the test control that creates
//!   orders (`POST /_sandbox/orders`); [`client`]: the in-process client.
//! - [`webhooks`]: the receivers; [`paths`]: where the emulators deliver.

pub mod backend;
pub mod backends;
pub mod cards;
pub mod client;
pub mod ecommpay;
pub mod flows;
pub mod omise;
pub mod order;
pub mod orders;
pub mod paths;
pub mod templates;
pub mod test_orders;
pub mod webhooks;
pub mod wooshpay;

use crate::http::cors_any;
use crate::state::AppState;
use axum::routing::get;
use axum::Router;
use std::sync::Arc;

/// Shop routes (the API answers CORS for any origin).
pub fn routes() -> Router<Arc<AppState>> {
    let api = backends::BACKENDS
        .iter()
        .fold(Router::new(), |r, b| r.merge(b.routes()))
        .merge(webhooks::routes())
        .merge(orders::routes())
        .layer(cors_any());
    Router::new()
        .merge(api)
        .route("/", get(templates::index))
        .route("/shop/{psp}", get(templates::page))
}
