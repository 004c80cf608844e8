//! The demo shop's ecommpay backend: it signs a Payment Page URL
//! (`POST /shop/api/ecommpay/payment_page`) or sends a signed Gate sale
//! (`POST /shop/api/ecommpay/gate`) for the catalogue's wire name, keeps each order's synchronous
//! answer and furthest callback (`GET …/gate?id=`, polled by the widget) and receives the
//! callbacks (a retried intermediate callback arriving after the final one never moves an order back).

use super::backend::{Backend, Credential};
use super::client::{call, Call};
use super::order::{bad, Order, ShopError};
use super::orders::price;
use super::paths::ECOMMPAY_CALLBACK;
use super::webhooks::{ok, save_hook};
use crate::error::{json_response, ApiError};
use crate::http::{self, base_url};
use crate::state::AppState;
use crate::store;
use axum::body::Body;
use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, Method, StatusCode};
use axum::response::Response;
use axum::routing::post;
use axum::{Json, Router};
use kasir_core::catalogue::Psp;
use kasir_core::signature::{ecommpay_sign, ecommpay_sign_in_place, ecommpay_verify};
use kasir_core::wire::ecommpay::{
    Callback, GateCustomer, GatePayment, GateSaleRequest, General, PaymentPageParams, ReturnUrl,
    SyncResponse,
};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::HashMap;
use std::sync::Arc;

/// Stored kind of the shop's ecommpay orders.
pub const SHOP_ECP: &str = "shop_ecommpay";

/// One ecommpay order of the shop: the synchronous answer and the callbacks received.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct EcpOrder {
    /// The merchant's payment id.
    pub payment_id: String,
    /// The Gate's synchronous answer (or the shop's own for a Payment Page).
    pub sync: Option<SyncResponse>,
    /// The latest callback.
    pub callback: Option<Callback>,
    /// Every callback, in order.
    #[serde(default)]
    pub callbacks: Vec<Callback>,
}

fn order_key(pid: &str) -> String {
    format!("shopecp:{pid}")
}

/// The ecommpay backend.
pub struct EcommpayShop;

impl Backend for EcommpayShop {
    fn psp(&self) -> Psp {
        Psp::Ecommpay
    }
    fn nav_label(&self) -> &'static str {
        "ecommpay"
    }
    fn routes(&self) -> Router<Arc<AppState>> {
        Router::new()
            .route("/shop/api/ecommpay/payment_page", post(payment_page))
            .route("/shop/api/ecommpay/gate", post(gate).get(gate_status))
            .route(ECOMMPAY_CALLBACK, post(callback))
    }
    fn credential(&self, st: &AppState) -> Credential {
        Credential {
            attr: "data-project-id",
            label: "ecommpay project",
            value: st.cfg.ecommpay.project_id.to_string(),
        }
    }
}

fn back(order: &Order, headers: &HeaderMap, st: &AppState) -> String {
    order
        .return_url()
        .map(str::to_string)
        .unwrap_or_else(|| format!("{}/shop/ecommpay", base_url(headers, st)))
}

#[derive(Serialize)]
struct PageUrl {
    url: String,
    payment_id: String,
}

fn pairs(v: &Value) -> Vec<(String, String)> {
    v.as_object()
        .map(|m| {
            m.iter()
                .map(|(k, v)| {
                    (
                        k.clone(),
                        v.as_str()
                            .map(str::to_string)
                            .unwrap_or_else(|| v.to_string()),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

async fn payment_page(
    State(st): State<Arc<AppState>>,
    headers: HeaderMap,
    body: Body,
) -> Result<Json<PageUrl>, ShopError> {
    let order = Order::read(body).await?;
    let (amount, currency) = price(&st, &order, Psp::Ecommpay)?;
    let wire = order.row(Psp::Ecommpay, currency)?.wire_name;
    let pid = order.payment_id();
    let back = back(&order, &headers, &st);
    let mut extra = serde_json::Map::new();
    for (k, v) in [
        ("merchant_success_url", back.clone()),
        ("merchant_fail_url", back),
        (
            "merchant_callback_url",
            format!("{}{ECOMMPAY_CALLBACK}", st.base()),
        ),
    ] {
        extra.insert(k.into(), Value::String(v));
    }
    let mut params = PaymentPageParams {
        project_id: st.cfg.ecommpay.project_id as i64,
        payment_id: pid.clone(),
        payment_amount: amount,
        payment_currency: currency.code().into(),
        customer_id: Some("kasir-demo".into()),
        force_payment_method: Some(wire.into()),
        signature: None,
        extra,
    };
    let unsigned = serde_json::to_value(&params).map_err(store::StoreError::from)?;
    params.signature = Some(ecommpay_sign(&unsigned, &st.cfg.ecommpay.secret));
    let signed = serde_json::to_value(&params).map_err(store::StoreError::from)?;
    let qs = serde_urlencoded::to_string(pairs(&signed)).unwrap_or_default();
    // Remember the order so `GET /shop/api/ecommpay/gate?id=` answers "pending" until the
    // callback arrives (the widget polls it while the Payment Page is open).
    let rec = EcpOrder {
        payment_id: pid.clone(),
        sync: Some(SyncResponse {
            status: "success".into(),
            request_id: None,
            project_id: Some(params.project_id),
            payment_id: Some(pid.clone()),
            code: None,
            message: None,
            extra: Default::default(),
        }),
        ..EcpOrder::default()
    };
    st.store
        .tx(|c| store::put(c, SHOP_ECP, &order_key(&pid), &rec))?;
    Ok(Json(PageUrl {
        url: format!("{}/payment?{qs}", base_url(&headers, &st)),
        payment_id: pid,
    }))
}

async fn gate(
    State(st): State<Arc<AppState>>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ShopError> {
    let order = Order::read(body).await?;
    let (amount, currency) = price(&st, &order, Psp::Ecommpay)?;
    let pid = order.payment_id();
    if let Some(prev) = st.store.get::<EcpOrder>(SHOP_ECP, &order_key(&pid)) {
        return Ok(json_response(StatusCode::OK, &prev.sync));
    }
    let wire = order.row(Psp::Ecommpay, currency)?.wire_name;
    let back = back(&order, &headers, &st);
    let req = GateSaleRequest {
        general: General {
            project_id: st.cfg.ecommpay.project_id as i64,
            payment_id: pid.clone(),
            signature: None,
            merchant_callback_url: Some(format!("{}{ECOMMPAY_CALLBACK}", st.base())),
            extra: Default::default(),
        },
        payment: GatePayment {
            amount,
            currency: currency.code().into(),
            description: Some("Kasir demo shop order".into()),
        },
        customer: GateCustomer {
            id: "kasir-demo".into(),
            ip_address: "127.0.0.1".into(),
            extra: Default::default(),
        },
        return_url: Some(ReturnUrl {
            success: Some(back.clone()),
            decline: Some(back),
            back: None,
        }),
        extra: Default::default(),
    };
    let mut signed = serde_json::to_value(&req).map_err(store::StoreError::from)?;
    ecommpay_sign_in_place(&mut signed, &st.cfg.ecommpay.secret);
    let c = Call {
        method: Method::POST,
        uri: &format!("/v2/payment/wallet/{wire}/sale"),
        host: headers.get(header::HOST),
        key: None,
        idempotency_key: None,
    };
    let (s, v) = call(&st, c, Some(&signed)).await;
    if let Ok(sync) = serde_json::from_value::<SyncResponse>(v.clone()) {
        if s.is_success() && sync.status == "success" {
            let rec = EcpOrder {
                payment_id: pid.clone(),
                sync: Some(sync),
                ..EcpOrder::default()
            };
            st.store
                .tx(|c| store::put(c, SHOP_ECP, &order_key(&pid), &rec))?;
        }
    }
    Ok(json_response(s, &v))
}

async fn gate_status(
    State(st): State<Arc<AppState>>,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Response, ShopError> {
    let id = q.get("id").ok_or_else(|| bad("id is required"))?;
    let rec: EcpOrder = st
        .store
        .get(SHOP_ECP, &order_key(id))
        .ok_or_else(|| ApiError::new(StatusCode::NOT_FOUND, "not_found", "unknown payment"))?;
    Ok(match rec.callback {
        Some(cb) => json_response(StatusCode::OK, &cb),
        None => json_response(StatusCode::OK, &rec.sync),
    })
}

/// How far along a payment status is: intermediate (1) < final (2) < refunded or reversed (3).
fn progress(status: &str) -> u8 {
    match status {
        "initial" => 0,
        "processing"
        | "awaiting redirect result"
        | "awaiting customer"
        | "awaiting clarification"
        | "awaiting capture"
        | "external processing" => 1,
        "refunded" | "partially refunded" | "reversed" => 3,
        _ => 2,
    }
}

/// Whether `next` may replace `current` as an order's state: it is further along, or both are
/// intermediate; a final state is never replaced by another final one.
fn moves_forward(current: &Callback, next: &Callback) -> bool {
    let (c, n) = (
        progress(&current.payment.status),
        progress(&next.payment.status),
    );
    n > c || (n == c && c < 2)
}

async fn callback(
    State(st): State<Arc<AppState>>,
    body: Body,
) -> Result<Json<super::webhooks::Ok>, ShopError> {
    let bytes = http::read_body(body)
        .await
        .ok_or_else(|| bad("too large"))?;
    let v: Value = serde_json::from_slice(&bytes).map_err(|_| bad("malformed JSON"))?;
    if ecommpay_verify(&v, &st.cfg.ecommpay.secret).is_err() {
        return Err(bad("signature mismatch"));
    }
    let cb: Callback =
        serde_json::from_value(v.clone()).map_err(|e| bad(&format!("not a callback: {e}")))?;
    let pid = cb.payment.id.clone();
    let r = st.store.tx(|c| {
        let mut rec =
            store::get::<EcpOrder>(c, SHOP_ECP, &order_key(&pid))?.unwrap_or_else(|| EcpOrder {
                payment_id: pid.clone(),
                ..EcpOrder::default()
            });
        // Callbacks are retried and may arrive out of order: never move the order backwards.
        if rec
            .callback
            .as_ref()
            .is_none_or(|cur| moves_forward(cur, &cb))
        {
            rec.callback = Some(cb.clone());
        }
        rec.callbacks.push(cb);
        store::put(c, SHOP_ECP, &order_key(&pid), &rec)
    });
    let _ = save_hook(&st, Psp::Ecommpay, true, &v);
    r?;
    Ok(ok())
}
