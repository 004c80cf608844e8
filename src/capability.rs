//! What the merchant's account has enabled, read once per mount (the Opn adapter's `account`):
//! Opn's `GET /capability` with the public key. Until it answers the picker waits; if it fails
//! or is slow, the catalogue is the account and the shopper is told nothing (the PSP still
//! refuses what is not enabled).

use crate::checkout::Ctx;
use crate::jsview::Js;
use crate::net;
use crate::schedule::CAPABILITY_TIMEOUT_MS;
use kasir_core::catalogue::Account;

/// The account Opn's capability describes (`None` when the call fails, is slow or answers
/// something else).
pub async fn read(ctx: &Ctx) -> Option<Account> {
    let s = &ctx.settings;
    let auth = net::basic_auth(s.public_key.as_deref()).ok()?;
    let url = format!("{}/capability", s.api_base);
    // raced with a timer too: a `fetch` wrapped by the page may ignore the abort signal
    let call = wasm_bindgen_futures::future_to_promise(async move {
        let headers = [("Authorization", auth.as_str())];
        net::send("GET", &url, &headers, None, Some(CAPABILITY_TIMEOUT_MS))
            .await
            .map_err(|_| wasm_bindgen::JsValue::NULL)
    });
    let v = net::within(call, CAPABILITY_TIMEOUT_MS).await.ok()?;
    Account::from_capability(&Js(v))
}
