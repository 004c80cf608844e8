//! Customer-facing pages: the page a QR code or a redirect lands on, with Approve / Decline
//! buttons (plain HTML forms) that complete the payment and send the customer back to the
//! merchant's return URL. Also the ecommpay `redirect_data` POST target, which records the form.

use crate::control::{self, Outcome, RECEIVED};
use crate::http::{self, esc};
use crate::psp::{ecommpay, omise, wooshpay, wooshpay_checkout};
use crate::store;
use crate::AppState;
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use kasir_core::money::{Currency, Locale, Money};
use serde_json::{json, Value};
use std::sync::Arc;

/// What a customer page shows about a payment.
#[derive(Debug, Clone)]
pub struct PayInfo {
    /// PSP display name.
    pub psp: &'static str,
    /// Amount in minor units.
    pub amount: i64,
    /// ISO currency code.
    pub currency: String,
    /// Whether the customer can still act.
    pub pending: bool,
    /// The PSP's status string.
    pub status: String,
    /// Payment method shown.
    pub method: String,
}

/// Describe any payment by id.
pub fn describe(st: &AppState, id: &str) -> Option<PayInfo> {
    let s = |v: &Value| v.as_str().unwrap_or("").to_string();
    if let Some(c) = st.store.get(omise::CHARGE, id) {
        return Some(PayInfo {
            psp: "Opn Payments",
            amount: c["amount"].as_i64()?,
            currency: s(&c["currency"]),
            pending: c["status"] == "pending",
            status: s(&c["status"]),
            method: s(&c["source"]["type"]),
        });
    }
    if let Some(p) = st.store.get(wooshpay::PI, id) {
        let status = s(&p["status"]);
        return Some(PayInfo {
            psp: "WooshPay",
            amount: p["amount"].as_i64()?,
            currency: s(&p["currency"]),
            pending: status == "requires_action",
            status,
            method: s(&p["payment_method_types"][0]),
        });
    }
    if let Some(p) = st.store.get(wooshpay_checkout::SESSION, id) {
        return Some(PayInfo {
            psp: "WooshPay Checkout",
            amount: p["amount_total"].as_i64()?,
            currency: s(&p["currency"]),
            pending: p["status"] == "open",
            status: s(&p["status"]),
            method: s(&p["payment_method_types"][0]),
        });
    }
    let p = st.store.get(ecommpay::PAYMENT, &format!("ecp:{id}"))?;
    Some(PayInfo {
        psp: "ecommpay",
        amount: p["amount"].as_i64()?,
        currency: s(&p["currency"]),
        pending: p["status"] == "processing",
        status: s(&p["status"]),
        method: "true-money".into(),
    })
}

/// Customer page routes.
pub fn routes() -> Router<Arc<AppState>> {
    Router::new()
        .route("/pay/{id}", get(pay_page).post(pay_action))
        .route(
            "/ecommpay/redirect/{payment_id}",
            post(ecommpay_redirect).get(pay_page),
        )
}

fn amount_text(amount: i64, currency: &str) -> String {
    match currency.parse::<Currency>() {
        Ok(c) => Money::new(amount, c).format(Locale::En),
        Err(_) => format!("{amount} {currency}"),
    }
}

/// Render the Approve / Decline page for a payment.
pub fn render(id: &str, info: &PayInfo, note: &str) -> String {
    let body = if info.pending {
        format!(
            r#"<p>This is the Kasir sandbox standing in for the customer's wallet app.</p>
<form method="post" action="/pay/{id}"><input type="hidden" name="action" value="approve"><button type="submit" id="approve">Approve payment</button></form>
<form method="post" action="/pay/{id}"><input type="hidden" name="action" value="decline"><button type="submit" id="decline">Decline</button></form>"#,
            id = esc(id)
        )
    } else {
        format!(
            "<p id=\"final\">This payment is <strong>{}</strong>.</p>",
            esc(&info.status)
        )
    };
    format!(
        r#"<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Sandbox payment {id}</title><style>body{{font-family:system-ui,sans-serif;max-width:28rem;margin:2rem auto;padding:0 1rem}}
button{{font-size:1.1rem;padding:.6rem 1.2rem;margin:.3rem 0;width:100%}}#approve{{background:#0a7;color:#fff;border:0}}</style></head>
<body><h1>{psp} sandbox</h1><p>Pay <strong id="amount">{amount}</strong> with <strong>{method}</strong></p>
<p><small>Payment <code>{id}</code>, status <code id="status">{status}</code></small></p>{note}{body}</body></html>"#,
        id = esc(id),
        psp = esc(info.psp),
        amount = esc(&amount_text(info.amount, &info.currency)),
        method = esc(&info.method),
        status = esc(&info.status),
        note = note,
        body = body
    )
}

fn not_found(id: &str) -> Response {
    http::html(
        StatusCode::NOT_FOUND,
        format!(
            "<!doctype html><title>Not found</title><h1>No payment {}</h1>",
            esc(id)
        ),
    )
}

async fn pay_page(State(st): State<Arc<AppState>>, Path(id): Path<String>) -> Response {
    match describe(&st, &id) {
        Some(info) => http::html(StatusCode::OK, render(&id, &info, "")),
        None => not_found(&id),
    }
}

async fn pay_action(
    State(st): State<Arc<AppState>>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let Some(bytes) = http::read_body(body).await else {
        return http::html(StatusCode::PAYLOAD_TOO_LARGE, "too large".into());
    };
    let form = http::parse_form(&bytes).unwrap_or(json!({}));
    let outcome = match form["action"].as_str() {
        Some("approve") => Outcome::Successful,
        Some("decline") => Outcome::Failed,
        _ => {
            return http::html(
                StatusCode::BAD_REQUEST,
                "<h1>Choose approve or decline</h1>".into(),
            )
        }
    };
    let _ = headers;
    match control::complete(&st, &id, outcome) {
        Ok(Some(f)) => match f.return_url {
            Some(url) if !url.is_empty() => {
                (StatusCode::SEE_OTHER, [(header::LOCATION, url)]).into_response()
            }
            _ => (
                StatusCode::SEE_OTHER,
                [(header::LOCATION, format!("/pay/{id}"))],
            )
                .into_response(),
        },
        Ok(None) => not_found(&id),
        Err(http::Fail(s, v)) => http::html(s, format!("<pre>{}</pre>", esc(&v.to_string()))),
    }
}

async fn ecommpay_redirect(
    State(st): State<Arc<AppState>>,
    Path(id): Path<String>,
    body: Body,
) -> Response {
    let Some(bytes) = http::read_body(body).await else {
        return http::html(StatusCode::PAYLOAD_TOO_LARGE, "too large".into());
    };
    let fields: Vec<(String, String)> = serde_urlencoded::from_bytes(&bytes).unwrap_or_default();
    let map: serde_json::Map<String, Value> = fields
        .into_iter()
        .map(|(k, v)| (k, Value::String(v)))
        .collect();
    let rec = json!({"payment_id": id, "fields": map, "received_at": store::now_ms()});
    let _ = st
        .store
        .tx(|c| store::put(c, RECEIVED, &format!("rcv:{id}"), &rec));
    match describe(&st, &id) {
        Some(info) => http::html(
            StatusCode::OK,
            render(&id, &info, "<p><small>Redirect data received.</small></p>"),
        ),
        None => not_found(&id),
    }
}
