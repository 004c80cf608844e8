//! What every ecommpay handler shares: the stored payment record, the Gate error style, the
//! project and amount checks against the catalogue.

use crate::error::{json_response, ApiError, ErrorStyle};
use crate::ids::alnum_lower;
use crate::shop::paths::ECOMMPAY_CALLBACK;
use crate::state::AppState;
use crate::store::now_ms;
use axum::http::StatusCode;
use axum::response::Response;
use kasir_core::catalogue::{
    availability, offer_by_wire_name, offers_of, Availability, Offer, Psp, Unavailable,
};
use kasir_core::money::{Currency, Money};
use kasir_core::time::format_ecommpay;
use kasir_core::wire::ecommpay::{Callback, SyncResponse};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Stored kind of a payment (id `ecp:<payment_id>`).
pub const PAYMENT: &str = "ecommpay_payment";
/// Stored kind of a payment's expiry timer.
pub const EXPIRE_TIMER: &str = "ecommpay_expire";

/// The store key (and timer id) of a payment.
pub fn key(pid: &str) -> String {
    format!("ecp:{pid}")
}

/// The payment id of a store key.
pub fn payment_id_of(key: &str) -> &str {
    key.strip_prefix("ecp:").unwrap_or(key)
}

/// A payment as the sandbox keeps it (Gate sale or Payment Page).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Payment {
    /// The merchant's payment id.
    pub payment_id: String,
    /// Project.
    pub project_id: u64,
    /// Minor units.
    pub amount: i64,
    /// ISO code.
    pub currency: String,
    /// The method's wire name (catalogue).
    #[serde(default)]
    pub method: String,
    /// The merchant's customer id.
    pub customer_id: String,
    /// The merchant's description.
    pub description: String,
    /// `processing`, `success`, `decline`, `expired`.
    pub status: String,
    /// `gate` or `pp` (Payment Page).
    pub source: String,
    /// The sale operation's id.
    pub operation_id: i64,
    /// The request that started it.
    pub request_id: String,
    /// ecommpay date of creation.
    pub created_date: String,
    /// The provider's payment id (set when paid).
    pub provider_payment_id: String,
    /// Where callbacks go.
    pub callback_url: Option<String>,
    /// After success.
    pub success_url: Option<String>,
    /// After decline.
    pub decline_url: Option<String>,
    /// The last callback sent.
    pub last_callback: Option<Callback>,
    /// The signature of the Payment Page URL that created it (a reload is not a duplicate).
    #[serde(default)]
    pub pp_signature: Option<String>,
}

/// A new processing payment (not stored).
pub fn new_payment(
    st: &AppState,
    pid: &str,
    amount: i64,
    row: &Offer,
    customer: &str,
    description: &str,
    source: &str,
) -> Payment {
    let n = now_ms();
    Payment {
        payment_id: pid.into(),
        project_id: st.cfg.ecommpay.project_id,
        amount,
        currency: row.currency.code().into(),
        method: row.wire_name.into(),
        customer_id: customer.into(),
        description: description.into(),
        status: "processing".into(),
        source: source.into(),
        operation_id: (n % 1_000_000_000_000) * 1000 + i64::from(rand::random::<u16>() % 1000),
        request_id: format!(
            "{}-{:08}",
            alnum_lower(40),
            rand::random::<u32>() % 100_000_000
        ),
        created_date: format_ecommpay(n),
        ..Payment::default()
    }
}

/// The Gate's errors: `{"status":"error","code","message","project_id","payment_id"}`.
#[derive(Debug)]
pub struct GateStyle;

/// The request's ids, echoed in a Gate error.
#[derive(Debug, Default)]
pub struct GateIds {
    /// `general.project_id`.
    pub project_id: Option<i64>,
    /// `general.payment_id`.
    pub payment_id: Option<String>,
}

impl ErrorStyle for GateStyle {
    type Detail = GateIds;
    fn render(e: ApiError<GateStyle>) -> Response {
        let body = SyncResponse {
            status: "error".into(),
            request_id: None,
            project_id: e.detail.project_id,
            payment_id: e.detail.payment_id,
            code: Some(Value::String(e.code)),
            message: Some(e.message),
            extra: Default::default(),
        };
        json_response(e.status, &body)
    }
}

/// A Gate error.
pub type GateError = ApiError<GateStyle>;

fn ids_of(request: &Value) -> GateIds {
    GateIds {
        project_id: request["general"]["project_id"].as_i64(),
        payment_id: request["general"]["payment_id"]
            .as_str()
            .map(str::to_string),
    }
}

/// A Gate error echoing the ids of `request`.
pub fn gate_err(status: StatusCode, code: &str, message: &str, request: &Value) -> GateError {
    ApiError::new(status, code, message).with(ids_of(request))
}

/// The same error echoing the ids of `request` (for failures raised without it, e.g. the store's).
pub fn echo_ids(e: GateError, request: &Value) -> GateError {
    e.with(ids_of(request))
}

/// `project_id` (number or string) is the sandbox's project.
pub fn project_ok(st: &AppState, v: &Value) -> bool {
    match v {
        Value::Number(n) => n.as_u64() == Some(st.cfg.ecommpay.project_id),
        Value::String(s) => s.parse::<u64>().ok() == Some(st.cfg.ecommpay.project_id),
        _ => false,
    }
}

/// The ecommpay wire names the catalogue knows (for messages).
pub fn wire_names() -> String {
    let mut names: Vec<&str> = offers_of(Psp::Ecommpay).map(|o| o.wire_name).collect();
    names.dedup();
    names.join(", ")
}

/// Check an amount for the method `wire` (or, when absent, any row in the currency that takes
/// it); the catalogue row on success, the Gate message on failure.
pub fn check_amount(
    amount: Option<i64>,
    currency: &str,
    wire: Option<&str>,
) -> Result<(i64, &'static Offer), &'static str> {
    let amount = amount.filter(|a| *a > 0).ok_or("Invalid payment amount")?;
    let cur: Currency = currency.parse().map_err(|_| "Currency is not supported")?;
    let offer = match wire {
        Some(w) => offer_by_wire_name(Psp::Ecommpay, w),
        // no method forced: the shopper picks on the page, so any row that takes the amount
        None => offers_of(Psp::Ecommpay)
            .find(|o| availability(o.method, Psp::Ecommpay, Money::new(amount, cur)).is_available())
            .or_else(|| offers_of(Psp::Ecommpay).find(|o| o.currency == cur))
            .or_else(|| offers_of(Psp::Ecommpay).next()),
    }
    .ok_or("Payment method is not available")?;
    match availability(offer.method, Psp::Ecommpay, Money::new(amount, cur)) {
        Availability::Available(row) => Ok((amount, row)),
        Availability::Unavailable(Unavailable::CurrencyNotSupported { .. }) => {
            Err("Currency is not supported by the payment method")
        }
        Availability::Unavailable(_) => Err("Amount is out of the payment method limits"),
    }
}

/// Where callbacks of a payment go: the merchant's URL, else the demo shop's.
pub fn callback_url(st: &AppState, given: Option<&str>) -> Option<String> {
    given
        .filter(|u| u.starts_with("http://") || u.starts_with("https://"))
        .map(str::to_string)
        .or_else(|| (!st.cfg.no_shop_webhooks).then(|| format!("{}{ECOMMPAY_CALLBACK}", st.base())))
}
