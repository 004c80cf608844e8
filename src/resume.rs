//! Not losing a payment: the pending payment is remembered in `sessionStorage` (per tab, per
//! provider + amount + currency) from the moment it exists until its result is reported, so a
//! reload shows the same QR with the time left and a return from the provider's page confirms
//! the payment — reported exactly once. WooshPay's return parameters (`payment_intent`,
//! `payment_intent_client_secret`) are understood even without a remembered payment.

use crate::config::Settings;
use js_sys::{Object, Reflect, JSON};
use kasir_core::{MethodId, Psp};
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
    let _ = Reflect::set(&rec, &"method".into(), &method.as_str().into());
    let _ = Reflect::set(&rec, &"payment".into(), payment);
    if let Some(cs) = client_secret {
        let _ = Reflect::set(&rec, &"clientSecret".into(), &cs.into());
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

fn was_reported(payment_id: &str) -> bool {
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

fn query_param(name: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
    params.get(name).filter(|v| !v.is_empty())
}

/// A payment to resume: `(method, PSP object, client secret)`.
pub fn load(s: &Settings) -> Option<(MethodId, JsValue, Option<String>)> {
    if let Some(text) = storage().and_then(|st| st.get_item(&key(s)).ok().flatten()) {
        if let Ok(rec) = JSON::parse(&text) {
            let method = Reflect::get(&rec, &"method".into())
                .ok()?
                .as_string()?
                .parse()
                .ok()?;
            let payment = Reflect::get(&rec, &"payment".into()).ok()?;
            let cs = Reflect::get(&rec, &"clientSecret".into())
                .ok()
                .and_then(|v| v.as_string());
            if payment.is_object() {
                return Some((method, payment, cs));
            }
        }
    }
    if s.provider == Psp::Wooshpay {
        let id = query_param("payment_intent")?;
        let cs = query_param("payment_intent_client_secret")?;
        if crate::psp::wooshpay::intent_id(&cs) != Some(id.as_str()) || was_reported(&id) {
            return None;
        }
        let pi = Object::new();
        let _ = Reflect::set(&pi, &"object".into(), &"payment_intent".into());
        let _ = Reflect::set(&pi, &"id".into(), &id.into());
        let _ = Reflect::set(&pi, &"status".into(), &"processing".into());
        let _ = Reflect::set(&pi, &"client_secret".into(), &cs.clone().into());
        let method = *s.methods.first()?;
        return Some((method, pi.into(), Some(cs)));
    }
    None
}
