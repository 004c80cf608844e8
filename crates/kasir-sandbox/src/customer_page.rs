//! The page standing in for the customer's wallet or the provider's hosted page: amount,
//! method, status and Approve / Decline buttons (plain HTML forms posting to `/pay/:id`); and
//! the record of form fields a provider page received (`/_sandbox/received/:id`).

use crate::error::{ApiError, Html};
use crate::http::esc;
use crate::outcome::PayInfo;
use crate::store::{self, StoreError};
use axum::http::StatusCode;
use kasir_core::money::{Currency, Locale, Money};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// Stored kind of the form fields a customer page received.
pub const RECEIVED: &str = "received";

/// The form fields a provider page received for a payment.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Received {
    /// The payment.
    pub payment_id: String,
    /// Every field, as sent.
    pub fields: Map<String, Value>,
    /// Unix milliseconds.
    pub received_at: i64,
}

fn received_key(payment_id: &str) -> String {
    format!("rcv:{payment_id}")
}

/// Record the fields a provider page received.
pub fn record_received(
    c: &rusqlite::Connection,
    payment_id: &str,
    fields: Vec<(String, String)>,
) -> Result<(), StoreError> {
    let rec = Received {
        payment_id: payment_id.to_string(),
        fields: fields
            .into_iter()
            .map(|(k, v)| (k, Value::String(v)))
            .collect(),
        received_at: store::now_ms(),
    };
    store::put(c, RECEIVED, &received_key(payment_id), &rec)
}

/// The fields recorded for a payment, if any.
pub fn received(st: &crate::state::AppState, payment_id: &str) -> Option<Received> {
    st.store.get(RECEIVED, &received_key(payment_id))
}

/// The 404 page for an unknown payment.
pub fn not_found(id: &str) -> ApiError<Html> {
    ApiError::new(
        StatusCode::NOT_FOUND,
        "Not found",
        &format!("No payment {id}"),
    )
}

fn amount_text(amount: i64, currency: &str) -> String {
    match currency.parse::<Currency>() {
        Ok(c) => Money::new(amount, c).format(Locale::En),
        Err(_) => format!("{amount} {currency}"),
    }
}

/// Render the Approve / Decline page for a payment (`note`: trusted HTML shown above the buttons).
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
