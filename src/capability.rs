//! What the merchant's account has enabled, read once per mount (the Opn adapter's `account`):
//! Opn's `GET /capability` with the public key. Until it answers the picker waits; if it fails
//! or is slow, the catalogue is the account and the shopper is told nothing (the PSP still
//! refuses what is not enabled).

use crate::checkout::Ctx;
use crate::jsview::Js;
use crate::net;
use crate::schedule::CAPABILITY_TIMEOUT_MS;
use kasir_core::catalogue::Account;
use std::future::Future;

/// The account Opn's capability describes (`None` when the call fails, is slow or answers
/// something else). The call is handed to `fetch` at once, when this is called (the widget
/// calls it while it mounts), not when the future is first polled.
pub fn read(ctx: &Ctx) -> impl Future<Output = Option<Account>> + 'static {
    let s = &ctx.settings;
    let url = [&s.api_base, "/capability"].concat();
    let sent = net::basic_auth(s.public_key.as_deref()).and_then(|auth| {
        let headers = [("Authorization", auth.as_str())];
        net::begin("GET", &url, &headers, None, Some(CAPABILITY_TIMEOUT_MS))
    });
    async move {
        // raced with a timer too: a `fetch` wrapped by the page may ignore the abort signal
        let v = sent.ok()?.answer_within(CAPABILITY_TIMEOUT_MS).await.ok()?;
        account_of(v)
    }
}

/// The account an Opn capability object describes (the call's answer, or the merchant's
/// `capability` option); `None` when it is not one. Never inlined: one copy serves both.
#[inline(never)]
pub fn account_of(v: wasm_bindgen::JsValue) -> Option<Account> {
    Account::from_capability(&Js(v))
}
