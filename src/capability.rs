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
use wasm_bindgen::JsCast;
use web_sys::{Headers, RequestInit, Response};

/// The account Opn's capability describes (`None` when the call fails, is slow or answers
/// something else). The call is handed to `fetch` at once, when this is called (the widget
/// calls it while it mounts), not when the future is first polled.
///
/// `fetch` itself, not the flows' HTTP client (`net::begin`: errors named for the shopper, a
/// POST never abandoned): any failure here only means the catalogue, so the first paint carries
/// none of that. The answer and its JSON are each raced with a timer; a slow GET is left to
/// finish unread.
pub fn read(ctx: &Ctx) -> impl Future<Output = Option<Account>> + 'static {
    let s = &ctx.settings;
    let url = [&s.api_base, "/capability"].concat();
    let sent = net::basic_auth(s.public_key.as_deref())
        .ok()
        .and_then(|auth| {
            let init = RequestInit::new();
            let headers = Headers::new().ok()?;
            headers.set("Authorization", &auth).ok()?;
            init.set_headers(&headers);
            Some(web_sys::window()?.fetch_with_str_and_init(&url, &init))
        });
    async move {
        let resp: Response = net::within(sent?, CAPABILITY_TIMEOUT_MS)
            .await
            .ok()?
            .unchecked_into();
        let json = net::within(resp.json().ok()?, CAPABILITY_TIMEOUT_MS).await;
        account_of(json.ok()?)
    }
}

/// The account an Opn capability object describes (the call's answer, or the merchant's
/// `capability` option); `None` when it is not one. Never inlined: one copy serves both.
#[inline(never)]
pub fn account_of(v: wasm_bindgen::JsValue) -> Option<Account> {
    Account::from_capability(&Js(v))
}
