//! The QR encoder, a separate wasm module (`crates/kasir-qr`) that the page loads only when a
//! payload must be encoded in the browser: `kasir.js` and the ES module hand the widget a
//! function `qr(payload)` → `Promise<svg | undefined>` (`setQrEncoder`), which fetches the
//! module once, with its Subresource Integrity. Only in builds with the `qr-encoder` feature
//! (WooshPay's): Opn answers a QR image and ecommpay a page, so their builds have no client.

use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

thread_local! {
    static ENCODER: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
}

/// Install the encoder: `qr(payload)` resolving to an SVG string (or `undefined` when the
/// payload does not fit); `qr()` with no payload only starts loading the module.
#[wasm_bindgen(js_name = setQrEncoder)]
pub fn set_qr_encoder(qr: js_sys::Function) {
    ENCODER.with(|e| *e.borrow_mut() = Some(qr));
}

fn call(payload: Option<&str>) -> Option<js_sys::Promise> {
    let f = ENCODER.with(|e| e.borrow().clone())?;
    let arg = payload.map(JsValue::from).unwrap_or(JsValue::UNDEFINED);
    f.call1(&JsValue::UNDEFINED, &arg).ok()?.dyn_into().ok()
}

/// `payload` as inline SVG; `None` when no encoder is installed, the module did not load
/// (network, integrity) or the payload does not fit.
pub async fn qr_svg(payload: &str) -> Option<String> {
    JsFuture::from(call(Some(payload))?).await.ok()?.as_string()
}

/// Start loading the module now (the screen that needs it comes after a PSP call).
pub fn prefetch() {
    if let Some(p) = call(None) {
        // a failed load is tried again when a QR is needed
        wasm_bindgen_futures::spawn_local(async move {
            let _ = JsFuture::from(p).await;
        });
    }
}
