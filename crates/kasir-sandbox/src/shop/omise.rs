//! The demo shop's Opn backend: `POST /shop/api/omise/charges` charges the widget's source (or an
//! inline source of the catalogue's wire name with the shopper's inputs the request carries) for
//! the order's price, `GET …?id=` retrieves it.

use super::backend::{Backend, BoxFuture, Credential};
use super::client::{call, Call};
use super::order::{metadata, safe_id, Order, ShopError};
use super::orders::price;
use crate::error::json_response;
use crate::state::AppState;
use axum::body::Body;
use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, Method};
use axum::response::Response;
use axum::routing::post;
use axum::Router;
use kasir_core::catalogue::{Input, Offer, Psp};
use kasir_core::money::Currency;
use kasir_core::wire::omise::{ChargeParams, NewSource, SourceRef};
use kasir_core::wire::Extra;
use serde_json::Value;
use std::collections::HashMap;
use std::sync::Arc;

/// The Opn backend.
pub struct OpnShop;

impl Backend for OpnShop {
    fn psp(&self) -> Psp {
        Psp::Omise
    }
    fn nav_label(&self) -> &'static str {
        "Opn"
    }
    fn routes(&self) -> Router<Arc<AppState>> {
        Router::new().route("/shop/api/omise/charges", post(create).get(retrieve))
    }
    fn credential(&self, st: &AppState) -> Credential {
        Credential {
            attr: "data-public-key",
            label: "Opn",
            value: st.cfg.omise.public_key.clone(),
        }
    }
    fn account<'a>(&self, st: &'a Arc<AppState>) -> BoxFuture<'a, Option<String>> {
        Box::pin(account(st))
    }
}

fn source(order: &Order, currency: Currency) -> Result<SourceRef, ShopError> {
    match &order.source {
        Some(Value::String(id)) => Ok(SourceRef::Id(id.clone())),
        Some(Value::Object(o)) if o.get("id").is_some_and(Value::is_string) => {
            Ok(SourceRef::Id(o["id"].as_str().unwrap_or_default().into()))
        }
        _ => Ok(SourceRef::New(inline(
            order,
            order.row(Psp::Omise, currency)?,
        ))),
    }
}

/// An inline source of the row's wire name for the device, with every input the row asks for
/// taken from the request's `shopper` (the bank inside the name for bank-in-name rows) and the
/// phone's platform where the row sends one. The PSP checks them.
fn inline(order: &Order, row: &Offer) -> NewSource {
    let mobile = order.mobile();
    let sh = &order.shopper;
    let text = |k: &str| sh[k].as_str().map(str::to_string);
    let bank = text("bank");
    let mut extra = Extra::new();
    let mut put = |k: &str, v: Option<Value>| {
        if let Some(v) = v {
            extra.insert(k.into(), v);
        }
    };
    if row.asks(Input::Bank, mobile) {
        put("bank", bank.clone().map(Value::String));
    }
    if row.asks(Input::Email, mobile) {
        put("email", text("email").map(Value::String));
    }
    if row.asks(Input::InstallmentTerm, mobile) {
        put("installment_term", sh.get("installmentTerm").cloned());
    }
    let platform = (row.platform_type && mobile)
        .then(|| order.os())
        .flatten()
        .filter(|os| os == "IOS" || os == "ANDROID");
    NewSource {
        kind: row.wire_name_with(mobile, bank.as_deref()),
        phone_number: row
            .asks(Input::Phone, mobile)
            .then(|| text("phone"))
            .flatten(),
        platform_type: platform,
        extra,
    }
}

async fn create(
    State(st): State<Arc<AppState>>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ShopError> {
    let order = Order::read(body).await?;
    let (amount, currency) = price(&st, &order, Psp::Omise)?;
    let p = ChargeParams {
        amount,
        currency: currency.code().into(),
        source: source(&order, currency)?,
        return_uri: order.return_url().map(str::to_string),
        expires_at: None,
        description: Some("Kasir demo shop order".into()),
        metadata: Some(metadata()),
        extra: Default::default(),
    };
    let key = st.cfg.omise.secret_key.clone();
    let c = Call {
        method: Method::POST,
        uri: "/charges",
        host: headers.get(header::HOST),
        key: Some(&key),
        idempotency_key: order.idempotency_key(),
    };
    let (s, v) = call(&st, c, Some(&p)).await;
    Ok(json_response(s, &v))
}

async fn retrieve(
    State(st): State<Arc<AppState>>,
    headers: HeaderMap,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Response, ShopError> {
    let id = safe_id(&q)?;
    let key = st.cfg.omise.secret_key.clone();
    let c = Call {
        method: Method::GET,
        uri: &format!("/charges/{id}"),
        host: headers.get(header::HOST),
        key: Some(&key),
        idempotency_key: None,
    };
    let (s, v) = call::<()>(&st, c, None).await;
    Ok(json_response(s, &v))
}

/// The account's capability as the shop's pages render it into the Opn widgets'
/// `data-capability` (`GET /capability` with the secret key, as a merchant's server reads it), so
/// the shopper's browser need not ask; `None` (the widget then asks) when the call fails.
async fn account(st: &Arc<AppState>) -> Option<String> {
    let key = st.cfg.omise.secret_key.clone();
    let c = Call {
        method: Method::GET,
        uri: "/capability",
        host: None,
        key: Some(&key),
        idempotency_key: None,
    };
    let (s, v) = call::<()>(st, c, None).await;
    (s.is_success() && v["object"] == "capability").then(|| v.to_string())
}
