//! The demo shop: product pages embedding the widget (templates in `shop/*.html`) and a merchant
//! backend under `/shop/api/*` that talks to the sandbox's own PSP endpoints in-process, through
//! the same router (auth, validation, idempotency) a real merchant's HTTP calls would hit.

use crate::http::{self, esc, Fail};
use crate::store::{self, now_ms};
use crate::AppState;
use axum::body::Body;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, Request, StatusCode};
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;
use base64::Engine;
use kasir_core::signature::{
    ecommpay_sign, ecommpay_sign_in_place, ecommpay_verify, opn_webhook_verify,
    wooshpay_webhook_verify,
};
use serde_json::{json, Value};
use std::collections::HashMap;
use std::sync::Arc;
use tower::ServiceExt;

/// Stored kind of a webhook/callback the shop received.
pub const SHOP_WEBHOOK: &str = "shop_webhook";
/// Stored kind of the shop's ecommpay Gate orders (sync answer + latest callback).
pub const SHOP_ECP: &str = "shop_ecommpay";

type St = State<Arc<AppState>>;
type Q = Query<HashMap<String, String>>;

/// Shop routes (the API answers CORS for any origin).
pub fn routes() -> Router<Arc<AppState>> {
    let api = Router::new()
        .route("/shop/api/omise/charges", post(omise_create).get(omise_get))
        .route(
            "/shop/api/wooshpay/payment_intents",
            post(woosh_create).get(woosh_get),
        )
        .route("/shop/api/wooshpay/checkout_sessions", post(woosh_session))
        .route("/shop/api/ecommpay/payment_page", post(ecp_page))
        .route("/shop/api/ecommpay/gate", post(ecp_gate).get(ecp_gate_get))
        .route("/shop/api/ecommpay/callback", post(ecp_callback))
        .route("/shop/api/webhooks/omise", post(hook_omise))
        .route("/shop/api/webhooks/wooshpay", post(hook_wooshpay))
        .route("/shop/api/webhooks", get(list_hooks))
        .layer(crate::cors_any());
    Router::new()
        .merge(api)
        .route("/", get(index))
        .route("/shop/{psp}", get(page))
}

/// The demo shop's theme switcher (`?theme=light|dark|auto`, passed to every widget).
fn theme(q: &HashMap<String, String>) -> &'static str {
    match q.get("theme").map(String::as_str) {
        Some("dark") => "dark",
        Some("auto") => "auto",
        _ => "light",
    }
}

fn fill(st: &AppState, headers: &HeaderMap, title: &str, body: &str, theme: &str) -> String {
    include_str!("../shop/layout.html")
        .replace("{{TITLE}}", &esc(title))
        .replace("{{BODY}}", body)
        .replace("{{THEME}}", theme)
        .replace("{{OMISE_PKEY}}", &esc(&st.cfg.omise_public_key))
        .replace("{{WOOSHPAY_PK}}", &esc(&st.cfg.wooshpay_publishable_key))
        .replace(
            "{{ECOMMPAY_PROJECT}}",
            &st.cfg.ecommpay_project_id.to_string(),
        )
        .replace("{{BASE}}", &esc(&http::base_url(headers, st)))
}

/// Each demo flow's card, once; the home page shows all of them, `/shop/{psp}` that PSP's.
const CARDS: &[(&str, &str)] = &[
    ("omise", include_str!("../shop/cards/opn-qr.html")),
    (
        "wooshpay",
        include_str!("../shop/cards/wooshpay-truemoney.html"),
    ),
    (
        "wooshpay",
        include_str!("../shop/cards/wooshpay-akulaku.html"),
    ),
    (
        "wooshpay",
        include_str!("../shop/cards/wooshpay-session.html"),
    ),
    ("ecommpay", include_str!("../shop/cards/ecommpay-page.html")),
    ("ecommpay", include_str!("../shop/cards/ecommpay-gate.html")),
];

fn cards(psp: Option<&str>) -> String {
    CARDS
        .iter()
        .filter(|(p, _)| psp.is_none_or(|want| *p == want))
        .map(|(_, html)| *html)
        .collect()
}

async fn index(State(st): St, headers: HeaderMap, Query(q): Q) -> Response {
    let body = include_str!("../shop/index.html").replace("{{CARDS}}", &cards(None));
    http::html(
        StatusCode::OK,
        fill(&st, &headers, "Home", &body, theme(&q)),
    )
}

async fn page(State(st): St, headers: HeaderMap, Path(psp): Path<String>, Query(q): Q) -> Response {
    let title = match psp.as_str() {
        "omise" => "Opn Payments",
        "wooshpay" => "WooshPay",
        "ecommpay" => "ecommpay",
        _ => return http::html(StatusCode::NOT_FOUND, "<h1>No such shop</h1>".into()),
    };
    let body = format!(
        "<h1>{title}</h1>\n<div class=\"flows\">\n{}</div>\n<script src=\"/kasir/kasir.js\"></script>\n",
        cards(Some(&psp))
    );
    http::html(StatusCode::OK, fill(&st, &headers, title, &body, theme(&q)))
}

/// Call the sandbox's own router in-process; returns status and JSON body.
pub async fn call(
    st: &Arc<AppState>,
    method: Method,
    uri: &str,
    host: Option<&HeaderValue>,
    key: Option<&str>,
    idem: Option<&str>,
    body: Option<&Value>,
) -> (StatusCode, Value) {
    let mut req = Request::builder().method(method).uri(uri);
    if let Some(h) = host {
        req = req.header(header::HOST, h.clone());
    }
    if let Some(k) = key {
        let b = base64::engine::general_purpose::STANDARD.encode(format!("{k}:"));
        req = req.header(header::AUTHORIZATION, format!("Basic {b}"));
    }
    if let Some(i) = idem.filter(|i| !i.is_empty()) {
        req = req.header("Idempotency-Key", i);
    }
    let body = match body {
        Some(v) => {
            req = req.header(header::CONTENT_TYPE, "application/json");
            Body::from(v.to_string())
        }
        None => Body::empty(),
    };
    let Ok(req) = req.body(body) else {
        return (StatusCode::BAD_REQUEST, json!({"error":"bad request"}));
    };
    let Ok(resp) = crate::app(st.clone()).oneshot(req).await;
    let status = resp.status();
    let bytes = axum::body::to_bytes(resp.into_body(), 1 << 20)
        .await
        .unwrap_or_default();
    (
        status,
        serde_json::from_slice(&bytes).unwrap_or(Value::Null),
    )
}

/// Read the widget's createPayment request JSON.
async fn request(body: Body) -> Result<Value, Response> {
    let bytes = http::read_body(body)
        .await
        .ok_or_else(|| bad("body too large"))?;
    match serde_json::from_slice::<Value>(&bytes) {
        Ok(v @ Value::Object(_)) => Ok(v),
        _ => Err(bad("body must be a JSON object")),
    }
}

fn bad(m: &str) -> Response {
    http::json(StatusCode::BAD_REQUEST, &json!({"error": m}))
}

fn field<'a>(v: &'a Value, k: &str) -> Option<&'a str> {
    v.get(k).and_then(Value::as_str).filter(|s| !s.is_empty())
}

async fn omise_create(State(st): St, headers: HeaderMap, body: Body) -> Response {
    let r = match request(body).await {
        Ok(r) => r,
        Err(e) => return e,
    };
    let source = match r.get("source") {
        Some(Value::String(s)) => json!(s),
        Some(Value::Object(o)) if o.contains_key("id") => o["id"].clone(),
        _ => json!({"type": field(&r, "method").unwrap_or("truemoney_qr")}),
    };
    let mut p = json!({"amount": r["amount"], "currency": r["currency"], "source": source,
        "description": "Kasir demo shop order", "metadata": {"shop":"kasir-demo"}});
    if let Some(u) = field(&r, "returnUrl") {
        p["return_uri"] = json!(u);
    }
    let key = st.cfg.omise_secret_key.clone();
    let (s, v) = call(
        &st,
        Method::POST,
        "/charges",
        headers.get(header::HOST),
        Some(&key),
        field(&r, "idempotencyKey"),
        Some(&p),
    )
    .await;
    http::json(s, &v)
}

async fn omise_get(State(st): St, headers: HeaderMap, Query(q): Q) -> Response {
    let Some(id) = q
        .get("id")
        .filter(|i| i.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
    else {
        return bad("id is required");
    };
    let key = st.cfg.omise_secret_key.clone();
    let (s, v) = call(
        &st,
        Method::GET,
        &format!("/charges/{id}"),
        headers.get(header::HOST),
        Some(&key),
        None,
        None,
    )
    .await;
    http::json(s, &v)
}

fn device_options(r: &Value) -> Value {
    let d = &r["device"];
    let mobile = d.as_str() == Some("mobile")
        || d["mobile"].as_bool() == Some(true)
        || matches!(d["type"].as_str(), Some("mobile"));
    let os = d["os"]
        .as_str()
        .or(d["os_type"].as_str())
        .map(str::to_ascii_uppercase);
    let mut o = json!({"terminal_type": if mobile { "WAP" } else { "WEB" }});
    if let Some(os) = os.filter(|o| o == "IOS" || o == "ANDROID") {
        o["os_type"] = json!(os);
    }
    o
}

async fn woosh_create(State(st): St, headers: HeaderMap, body: Body) -> Response {
    let r = match request(body).await {
        Ok(r) => r,
        Err(e) => return e,
    };
    let method = field(&r, "method").unwrap_or("truemoney").to_string();
    let mut p = json!({"amount": r["amount"], "currency": r["currency"], "payment_method_types": [method],
        "payment_method_options": {method.clone(): device_options(&r)}, "description": "Kasir demo shop order",
        "metadata": {"shop":"kasir-demo"}});
    if let Some(u) = field(&r, "returnUrl") {
        p["return_url"] = json!(u);
    }
    if r["confirm"].as_bool() == Some(true) {
        p["confirm"] = json!(true);
    }
    let key = st.cfg.wooshpay_secret_key.clone();
    let (s, v) = call(
        &st,
        Method::POST,
        "/v1/payment_intents",
        headers.get(header::HOST),
        Some(&key),
        field(&r, "idempotencyKey"),
        Some(&p),
    )
    .await;
    http::json(s, &v)
}

async fn woosh_get(State(st): St, headers: HeaderMap, Query(q): Q) -> Response {
    let Some(id) = q
        .get("id")
        .filter(|i| i.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
    else {
        return bad("id is required");
    };
    let key = st.cfg.wooshpay_secret_key.clone();
    let path = if id.starts_with("cs_") {
        format!("/v1/checkout/sessions/{id}")
    } else {
        format!("/v1/payment_intents/{id}")
    };
    let (s, v) = call(
        &st,
        Method::GET,
        &path,
        headers.get(header::HOST),
        Some(&key),
        None,
        None,
    )
    .await;
    http::json(s, &v)
}

async fn woosh_session(State(st): St, headers: HeaderMap, body: Body) -> Response {
    let r = match request(body).await {
        Ok(r) => r,
        Err(e) => return e,
    };
    let back = field(&r, "returnUrl")
        .map(str::to_string)
        .unwrap_or_else(|| format!("{}/shop/wooshpay", http::base_url(&headers, &st)));
    let p = json!({"mode":"payment","success_url": back, "cancel_url": back,
        "payment_method_types": [field(&r, "method").unwrap_or("truemoney")],
        "line_items": [{"price_data": {"currency": r["currency"], "unit_amount": r["amount"],
            "product_data": {"name": "Kasir demo order"}}, "quantity": 1}]});
    let key = st.cfg.wooshpay_secret_key.clone();
    let (s, v) = call(
        &st,
        Method::POST,
        "/v1/checkout/sessions",
        headers.get(header::HOST),
        Some(&key),
        field(&r, "idempotencyKey"),
        Some(&p),
    )
    .await;
    http::json(s, &v)
}

fn payment_id(r: &Value) -> String {
    field(r, "idempotencyKey")
        .filter(|k| {
            k.len() <= 64
                && k.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        })
        .map(str::to_string)
        .unwrap_or_else(|| format!("kasir-{}", http::alnum_lower(16)))
}

async fn ecp_page(State(st): St, headers: HeaderMap, body: Body) -> Response {
    let r = match request(body).await {
        Ok(r) => r,
        Err(e) => return e,
    };
    let base = http::base_url(&headers, &st);
    let pid = payment_id(&r);
    let back = field(&r, "returnUrl")
        .map(str::to_string)
        .unwrap_or_else(|| format!("{base}/shop/ecommpay"));
    let mut params = json!({"project_id": st.cfg.ecommpay_project_id, "payment_id": pid,
        "payment_amount": r["amount"], "payment_currency": r["currency"], "customer_id": "kasir-demo",
        "force_payment_method": "true-money", "merchant_success_url": back, "merchant_fail_url": back,
        "merchant_callback_url": format!("{}/shop/api/ecommpay/callback", st.base())});
    let sig = ecommpay_sign(&params, &st.cfg.ecommpay_secret);
    params["signature"] = json!(sig);
    let pairs: Vec<(String, String)> = params
        .as_object()
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
        .unwrap_or_default();
    let qs = serde_urlencoded::to_string(&pairs).unwrap_or_default();
    // Remember the order so `GET /shop/api/ecommpay/gate?id=` answers "pending" until the
    // callback arrives (the widget polls it while the Payment Page is open).
    let sync =
        json!({"status": "success", "project_id": st.cfg.ecommpay_project_id, "payment_id": pid});
    let rec = json!({"payment_id": pid, "sync": sync, "callback": null, "callbacks": []});
    if let Err(Fail(s, v)) = st
        .store
        .tx(|c| store::put(c, SHOP_ECP, &format!("shopecp:{pid}"), &rec).map_err(Fail::from))
    {
        return http::json(s, &v);
    }
    http::json(
        StatusCode::OK,
        &json!({"url": format!("{base}/payment?{qs}"), "payment_id": pid}),
    )
}

async fn ecp_gate(State(st): St, headers: HeaderMap, body: Body) -> Response {
    let r = match request(body).await {
        Ok(r) => r,
        Err(e) => return e,
    };
    let pid = payment_id(&r);
    if let Some(prev) = st.store.get(SHOP_ECP, &format!("shopecp:{pid}")) {
        return http::json(StatusCode::OK, &prev["sync"]);
    }
    let base = http::base_url(&headers, &st);
    let back = field(&r, "returnUrl")
        .map(str::to_string)
        .unwrap_or_else(|| format!("{base}/shop/ecommpay"));
    let mut req = json!({"general": {"project_id": st.cfg.ecommpay_project_id, "payment_id": pid,
            "merchant_callback_url": format!("{}/shop/api/ecommpay/callback", st.base())},
        "payment": {"amount": r["amount"], "currency": r["currency"], "description": "Kasir demo shop order"},
        "customer": {"id": "kasir-demo", "ip_address": "127.0.0.1"},
        "return_url": {"success": back, "decline": back}});
    ecommpay_sign_in_place(&mut req, &st.cfg.ecommpay_secret);
    let (s, v) = call(
        &st,
        Method::POST,
        "/v2/payment/wallet/true-money/sale",
        headers.get(header::HOST),
        None,
        None,
        Some(&req),
    )
    .await;
    if s.is_success() && v["status"] == "success" {
        let rec = json!({"payment_id": pid, "sync": v, "callback": null, "callbacks": []});
        if let Err(Fail(s, v)) = st
            .store
            .tx(|c| store::put(c, SHOP_ECP, &format!("shopecp:{pid}"), &rec).map_err(Fail::from))
        {
            return http::json(s, &v);
        }
    }
    http::json(s, &v)
}

async fn ecp_gate_get(State(st): St, Query(q): Q) -> Response {
    let Some(id) = q.get("id") else {
        return bad("id is required");
    };
    match st.store.get(SHOP_ECP, &format!("shopecp:{id}")) {
        Some(rec) if !rec["callback"].is_null() => http::json(StatusCode::OK, &rec["callback"]),
        Some(rec) => http::json(StatusCode::OK, &rec["sync"]),
        None => http::json(StatusCode::NOT_FOUND, &json!({"error": "unknown payment"})),
    }
}

fn save_hook(st: &AppState, psp: &str, verified: bool, body: &Value) -> Result<(), Fail> {
    let rec = json!({"psp": psp, "verified": verified, "body": body, "received_at": now_ms()});
    st.store.tx(|c| {
        store::put(
            c,
            SHOP_WEBHOOK,
            &format!("hook_{}", http::alnum_lower(20)),
            &rec,
        )
        .map_err(Fail::from)
    })
}

async fn ecp_callback(State(st): St, body: Body) -> Response {
    let Some(bytes) = http::read_body(body).await else {
        return bad("too large");
    };
    let Ok(v) = serde_json::from_slice::<Value>(&bytes) else {
        return bad("malformed JSON");
    };
    if ecommpay_verify(&v, &st.cfg.ecommpay_secret).is_err() {
        return http::json(
            StatusCode::BAD_REQUEST,
            &json!({"error": "signature mismatch"}),
        );
    }
    let pid = v["payment"]["id"].as_str().unwrap_or("").to_string();
    let r = st.store.tx(|c| {
        let key = format!("shopecp:{pid}");
        let mut rec = store::get(c, SHOP_ECP, &key)?
            .unwrap_or_else(|| json!({"payment_id": pid, "sync": null, "callbacks": []}));
        rec["callback"] = v.clone();
        if let Some(a) = rec["callbacks"].as_array_mut() {
            a.push(v.clone());
        }
        store::put(c, SHOP_ECP, &key, &rec).map_err(Fail::from)
    });
    let _ = save_hook(&st, "ecommpay", true, &v);
    match r {
        Ok(()) => http::json(StatusCode::OK, &json!({"status": "ok"})),
        Err(Fail(s, v)) => http::json(s, &v),
    }
}

async fn hook_omise(State(st): St, headers: HeaderMap, body: Body) -> Response {
    let Some(bytes) = http::read_body(body).await else {
        return bad("too large");
    };
    let h = |n: &str| {
        headers
            .get(n)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_string()
    };
    let ok = opn_webhook_verify(
        &st.cfg.omise_webhook_secret,
        &h("omise-signature-timestamp"),
        &bytes,
        &h("omise-signature"),
    )
    .is_ok();
    if !ok {
        return http::json(
            StatusCode::BAD_REQUEST,
            &json!({"error": "signature mismatch"}),
        );
    }
    let v: Value = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
    match save_hook(&st, "omise", ok, &v) {
        Ok(()) => http::json(StatusCode::OK, &json!({"status": "ok"})),
        Err(Fail(s, v)) => http::json(s, &v),
    }
}

async fn hook_wooshpay(State(st): St, headers: HeaderMap, body: Body) -> Response {
    let Some(bytes) = http::read_body(body).await else {
        return bad("too large");
    };
    let sig = headers
        .get("wooshpay-signature")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if wooshpay_webhook_verify(&st.cfg.wooshpay_webhook_secret, &bytes, sig).is_err() {
        return http::json(
            StatusCode::BAD_REQUEST,
            &json!({"error": "signature mismatch"}),
        );
    }
    let v: Value = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
    match save_hook(&st, "wooshpay", true, &v) {
        Ok(()) => http::json(StatusCode::OK, &json!({"status": "ok"})),
        Err(Fail(s, v)) => http::json(s, &v),
    }
}

async fn list_hooks(State(st): St) -> Response {
    http::json(StatusCode::OK, &Value::Array(st.store.list(SHOP_WEBHOOK)))
}
