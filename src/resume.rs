//! Not losing a payment: the pending payment is remembered in `sessionStorage` (per tab, per
//! provider + amount + currency) from the moment it exists until its result is reported, so a
//! reload shows the same QR with the time left and a return from the provider's page confirms
//! the payment — reported exactly once. (A PSP that names the payment in the return URL is
//! understood by its adapter, `psp::Adapter::resume_from_return`.)

use crate::config::Settings;
use crate::jsview::{get, set};
use js_sys::{Object, JSON};
use kasir_core::MethodId;
use wasm_bindgen::JsValue;

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok()?
}

fn key(s: &Settings) -> String {
    format!(
        "kasir:pending:{}:{}:{}:{}",
        s.storage_scope,
        s.provider.as_str(),
        s.money.minor,
        s.money.currency.code()
    )
}

/// Remember the pending payment (the PSP object as last seen).
pub fn save(s: &Settings, method: MethodId, payment: &JsValue, client_secret: Option<&str>) {
    let Some(st) = storage() else { return };
    let rec = Object::new();
    set(&rec, "method", &method.as_str().into());
    set(&rec, "payment", payment);
    if let Some(cs) = client_secret {
        set(&rec, "clientSecret", &cs.into());
    }
    if let Ok(text) = JSON::stringify(&rec) {
        let _ = st.set_item(&key(s), &String::from(text));
    }
}

/// Remember that a payment's result was reported, so its return parameters in the URL do not
/// resume it again after a reload.
pub fn mark_reported(payment_id: &str) {
    if let Some(st) = storage() {
        let _ = st.set_item(&format!("kasir:reported:{payment_id}"), "1");
    }
}

/// Whether a payment's result was already reported in this tab.
pub fn was_reported(payment_id: &str) -> bool {
    storage()
        .and_then(|st| {
            st.get_item(&format!("kasir:reported:{payment_id}"))
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

/// A remembered payment to resume: `(method, PSP object, client secret)`.
pub fn load(s: &Settings) -> Option<(MethodId, JsValue, Option<String>)> {
    let text = storage()?.get_item(&key(s)).ok().flatten()?;
    let rec = JSON::parse(&text).ok()?;
    let method = get(&rec, "method").as_string()?.parse().ok()?;
    let payment = get(&rec, "payment");
    let cs = get(&rec, "clientSecret").as_string();
    payment.is_object().then_some((method, payment, cs))
}
