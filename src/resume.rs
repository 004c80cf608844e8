//! Not losing a payment: the pending payment is remembered in `sessionStorage` (per tab, per
//! provider + amount + currency) from the moment it exists until its result is reported, so a
//! reload shows the same QR with the time left and a return from the provider's page confirms
//! the payment — reported exactly once. (A PSP that names the payment in the return URL is
//! understood by its adapter, `psp::Adapter::resume_from_return`.)

use crate::config::Settings;
use crate::jsview::{get, set};
use js_sys::{Object, JSON};
use kasir_core::text;
use kasir_core::MethodId;
use wasm_bindgen::JsValue;

/// A pending payment as remembered: its method, the PSP object as last seen, its browser-side
/// secret, and the time the PSP still gave it (ms) when it was saved.
pub struct Remembered {
    /// The method being paid.
    pub method: MethodId,
    /// The PSP object.
    pub payment: JsValue,
    /// The PSP's browser-side secret (WooshPay `client_secret`).
    pub client_secret: Option<String>,
    /// Time left of the PSP's lifetime of the payment (a QR), ms.
    pub time_left_ms: Option<i64>,
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok()?
}

fn key(s: &Settings) -> String {
    [
        "kasir:pending:",
        &s.storage_scope,
        ":",
        s.provider.as_str(),
        ":",
        &text::signed(s.money.minor),
        ":",
        s.money.currency.code(),
    ]
    .concat()
}

/// Remember the pending payment (the PSP object as last seen).
pub fn save(s: &Settings, pending: &Remembered) {
    let Some(st) = storage() else { return };
    let rec = Object::new();
    set(&rec, "method", &pending.method.as_str().into());
    set(&rec, "payment", &pending.payment);
    if let Some(cs) = &pending.client_secret {
        set(&rec, "clientSecret", &cs.into());
    }
    if let Some(left) = pending.time_left_ms {
        // the time left and when it was measured: after a reload only the difference of two
        // wall-clock readings counts, so a clock that is off by a constant changes nothing
        set(&rec, "timeLeftMs", &JsValue::from_f64(left as f64));
        set(&rec, "savedAt", &JsValue::from_f64(js_sys::Date::now()));
    }
    if let Ok(text) = JSON::stringify(&rec) {
        let _ = st.set_item(&key(s), &String::from(text));
    }
}

/// Remember that a payment's result was reported, so its return parameters in the URL do not
/// resume it again after a reload.
pub fn mark_reported(payment_id: &str) {
    if let Some(st) = storage() {
        let _ = st.set_item(&["kasir:reported:", payment_id].concat(), "1");
    }
}

/// Whether a payment's result was already reported in this tab.
pub fn was_reported(payment_id: &str) -> bool {
    storage()
        .and_then(|st| {
            st.get_item(&["kasir:reported:", payment_id].concat())
                .ok()
                .flatten()
        })
        .is_some()
}

/// Forget it (reported, canceled).
pub fn clear(s: &Settings) {
    if let Some(st) = storage() {
        let _ = st.remove_item(&key(s));
    }
}

/// Whether a payment is remembered (read, not parsed).
pub fn remembered(s: &Settings) -> bool {
    storage()
        .and_then(|st| st.get_item(&key(s)).ok().flatten())
        .is_some()
}

/// A remembered payment to resume.
pub fn load(s: &Settings) -> Option<Remembered> {
    let text = storage()?.get_item(&key(s)).ok().flatten()?;
    let rec = JSON::parse(&text).ok()?;
    let method = get(&rec, "method").as_string()?.parse().ok()?;
    let payment = get(&rec, "payment");
    let client_secret = get(&rec, "clientSecret").as_string();
    let time_left_ms = get(&rec, "timeLeftMs").as_f64().map(|left| {
        let elapsed = (js_sys::Date::now() - get(&rec, "savedAt").as_f64().unwrap_or(0.0)).max(0.0);
        (left - elapsed).max(0.0) as i64
    });
    payment.is_object().then_some(Remembered {
        method,
        payment,
        client_secret,
        time_left_ms,
    })
}
