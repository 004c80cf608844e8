//! The demo shop's WooshPay backend: payment intents (`POST/GET /shop/api/wooshpay/payment_intents`)
//! and checkout sessions (`POST /shop/api/wooshpay/checkout_sessions`), method types from the
//! catalogue.

use super::backend::{Backend, Credential};
use super::client::{call, Call};
use super::order::{metadata, safe_id, Order, ShopError};
use super::orders::price;
use crate::error::json_response;
use crate::http::base_url;
use crate::state::AppState;
use axum::body::Body;
use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, Method};
use axum::response::Response;
use axum::routing::post;
use axum::Router;
use kasir_core::catalogue::Psp;
use kasir_core::wire::wooshpay::{
    CheckoutSessionParams, LineItemParams, PaymentIntentParams, PriceData, ProductData,
    TerminalOptions,
};
use serde_json::Value;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

/// The WooshPay backend.
pub struct WooshpayShop;

impl Backend for WooshpayShop {
    fn psp(&self) -> Psp {
        Psp::Wooshpay
    }
    fn nav_label(&self) -> &'static str {
        "WooshPay"
    }
    fn routes(&self) -> Router<Arc<AppState>> {
        Router::new()
            .route(
                "/shop/api/wooshpay/payment_intents",
                post(create_intent).get(retrieve),
            )
            .route("/shop/api/wooshpay/checkout_sessions", post(create_session))
    }
    fn credential(&self, st: &AppState) -> Credential {
        Credential {
            attr: "data-public-key",
            label: "WooshPay",
            value: st.cfg.wooshpay.publishable_key.clone(),
        }
    }
}

fn terminal(order: &Order) -> TerminalOptions {
    TerminalOptions {
        terminal_type: Some(if order.mobile() { "WAP" } else { "WEB" }.into()),
        os_type: order.os().filter(|o| o == "IOS" || o == "ANDROID"),
        extra: Default::default(),
    }
}

fn secret_call<'a>(
    st: &'a AppState,
    headers: &'a HeaderMap,
    method: Method,
    uri: &'a str,
    idem: Option<&'a str>,
) -> Call<'a> {
    Call {
        method,
        uri,
        host: headers.get(header::HOST),
        key: Some(&st.cfg.wooshpay.secret_key),
        idempotency_key: idem,
    }
}

async fn create_intent(
    State(st): State<Arc<AppState>>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ShopError> {
    let order = Order::read(body).await?;
    let (amount, currency) = price(&st, &order, Psp::Wooshpay)?;
    let wire = order.row(Psp::Wooshpay, currency)?.wire_name.to_string();
    let mut extra = serde_json::Map::new();
    extra.insert(
        "description".into(),
        Value::String("Kasir demo shop order".into()),
    );
    extra.insert("metadata".into(), metadata());
    let p = PaymentIntentParams {
        amount: Some(amount),
        currency: Some(currency.code().into()),
        confirm: order.confirm.filter(|c| *c),
        payment_method_types: vec![wire.clone()],
        payment_method_options: BTreeMap::from([(wire, terminal(&order))]),
        return_url: order.return_url().map(str::to_string),
        extra,
    };
    let c = secret_call(
        &st,
        &headers,
        Method::POST,
        "/v1/payment_intents",
        order.idempotency_key(),
    );
    let (s, v) = call(&st, c, Some(&p)).await;
    Ok(json_response(s, &v))
}

async fn retrieve(
    State(st): State<Arc<AppState>>,
    headers: HeaderMap,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Response, ShopError> {
    let id = safe_id(&q)?;
    let path = if id.starts_with("cs_") {
        format!("/v1/checkout/sessions/{id}")
    } else {
        format!("/v1/payment_intents/{id}")
    };
    let c = secret_call(&st, &headers, Method::GET, &path, None);
    let (s, v) = call::<()>(&st, c, None).await;
    Ok(json_response(s, &v))
}

async fn create_session(
    State(st): State<Arc<AppState>>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ShopError> {
    let order = Order::read(body).await?;
    let (amount, currency) = price(&st, &order, Psp::Wooshpay)?;
    let wire = order.row(Psp::Wooshpay, currency)?.wire_name.to_string();
    let back = order
        .return_url()
        .map(str::to_string)
        .unwrap_or_else(|| format!("{}/shop/wooshpay", base_url(&headers, &st)));
    let p = CheckoutSessionParams {
        mode: "payment".into(),
        success_url: back.clone(),
        cancel_url: Some(back),
        payment_method_types: vec![wire],
        line_items: vec![LineItemParams {
            price_data: PriceData {
                currency: currency.code().into(),
                unit_amount: amount,
                product_data: ProductData {
                    name: "Kasir demo order".into(),
                    ..ProductData::default()
                },
                extra: Default::default(),
            },
            quantity: Some(1),
            extra: Default::default(),
        }],
        extra: Default::default(),
    };
    let c = secret_call(
        &st,
        &headers,
        Method::POST,
        "/v1/checkout/sessions",
        order.idempotency_key(),
    );
    let (s, v) = call(&st, c, Some(&p)).await;
    Ok(json_response(s, &v))
}
