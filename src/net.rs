//! Minimal JSON-over-fetch and HTTP Basic auth with a public key (no client crate: every KB in
//! the bundle is paid by every shopper).

use crate::error::KasirError;
use crate::schedule::REQUEST_TIMEOUT_MS;
use kasir_core::text;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Headers, Request, RequestInit, Response};

fn js_message(e: &JsValue) -> String {
    e.as_string()
        .or_else(|| crate::jsview::get(e, "message").as_string())
        .unwrap_or_else(|| "request failed".into())
}

/// Send a request and parse the JSON answer, whatever the HTTP status (PSP error objects are
/// interpreted by the caller). Fails with `Network` when nothing came back and
/// `InvalidResponse` when the answer is not JSON. A GET is abandoned after
/// [`REQUEST_TIMEOUT_MS`]; a POST is not (it may have created or confirmed a payment).
pub async fn request(
    method: &str,
    url: &str,
    headers: &[(&str, &str)],
    body: Option<&str>,
) -> Result<JsValue, KasirError> {
    let timeout = (method == "GET").then_some(REQUEST_TIMEOUT_MS);
    begin(method, url, headers, body, timeout)?.answer().await
}

/// A request already handed to `fetch` (by [`begin`]), whose answer is still to come.
pub struct Sent {
    fetched: js_sys::Promise,
    timer: Option<i32>,
    url: String,
}

/// Hand the request to `fetch` now, before anything is awaited (so a call made while the
/// widget mounts is on the wire while the mount goes on); [`Sent::answer`] parses the answer.
pub fn begin(
    method: &str,
    url: &str,
    headers: &[(&str, &str)],
    body: Option<&str>,
    timeout_ms: Option<u32>,
) -> Result<Sent, KasirError> {
    let init = RequestInit::new();
    init.set_method(method);
    let h = Headers::new().map_err(|e| KasirError::Network(js_message(&e)))?;
    for (k, v) in headers {
        h.set(k, v)
            .map_err(|e| KasirError::Network(js_message(&e)))?;
    }
    init.set_headers(&h);
    if let Some(b) = body {
        init.set_body(&JsValue::from_str(b));
    }
    // a read that hangs is abandoned (and retried by the poller), never a silent stall; a
    // POST that creates or confirms a payment is never abandoned by the widget (it may have
    // taken effect: giving up would invite a second payment)
    let abort = timeout_ms.and_then(|_| web_sys::AbortController::new().ok());
    if let Some(a) = &abort {
        init.set_signal(Some(&a.signal()));
    }
    let req = Request::new_with_str_and_init(url, &init)
        .map_err(|e| KasirError::Network(js_message(&e)))?;
    let window = web_sys::window().ok_or_else(|| KasirError::Network("no window".into()))?;
    let timer = abort.as_ref().and_then(|a| {
        let a = a.clone();
        let cb = wasm_bindgen::closure::Closure::once_into_js(move || a.abort());
        window
            .set_timeout_with_callback_and_timeout_and_arguments_0(
                cb.unchecked_ref(),
                timeout_ms.unwrap_or(REQUEST_TIMEOUT_MS) as i32,
            )
            .ok()
    });
    Ok(Sent {
        fetched: window.fetch_with_request(&req),
        timer,
        url: url.to_string(),
    })
}

impl Sent {
    /// The answer's JSON, whatever the HTTP status ([`request`]'s errors).
    pub async fn answer(self) -> Result<JsValue, KasirError> {
        self.answer_by(None).await
    }

    /// [`Sent::answer`], or `Network(TIMED_OUT)` once `ms` have passed, even where the page's
    /// own `fetch` wrapper ignores the abort signal (both the answer and its JSON are raced
    /// with one timer: no future turned into a promise, whose glue costs the bundle more).
    pub async fn answer_within(self, ms: u32) -> Result<JsValue, KasirError> {
        self.answer_by(Some(timer(ms))).await
    }

    async fn answer_by(self, deadline: Option<js_sys::Promise>) -> Result<JsValue, KasirError> {
        let race = |p: js_sys::Promise| match &deadline {
            Some(d) => js_sys::Promise::race(&js_sys::Array::of2(&p, d)),
            None => p,
        };
        let sent = JsFuture::from(race(self.fetched)).await;
        if let (Some(t), Some(w)) = (self.timer, web_sys::window()) {
            w.clear_timeout_with_handle(t);
        }
        let resp: Response = sent
            .map_err(|e| KasirError::Network(js_message(&e)))?
            .unchecked_into();
        let status = resp.status();
        let json = resp
            .json()
            .map_err(|e| KasirError::Network(js_message(&e)))?;
        let url = self.url;
        JsFuture::from(race(json)).await.map_err(|e| {
            if e.as_string().as_deref() == Some(TIMED_OUT) {
                return KasirError::Network(TIMED_OUT.into());
            }
            KasirError::InvalidResponse(
                [
                    "HTTP ",
                    &text::decimal(status.into()),
                    " from ",
                    &url,
                    " is not JSON",
                ]
                .concat(),
            )
        })
    }
}

/// `encodeURIComponent`.
pub fn encode(s: &str) -> String {
    String::from(js_sys::encode_uri_component(s))
}

/// `Basic base64(key:)`: HTTP Basic auth with a **public** key as the user name (Opn, WooshPay).
pub fn basic_auth(key: Option<&str>) -> Result<String, KasirError> {
    let key = key.ok_or(KasirError::MissingPublicKey)?;
    let w = web_sys::window().ok_or_else(|| KasirError::Network("no window".into()))?;
    let b64 = w
        .btoa(&[key, ":"].concat())
        .map_err(|_| KasirError::MissingPublicKey)?;
    Ok(["Basic ", &b64].concat())
}

/// The rejection of [`within_timeout`] when the time is up.
pub const TIMED_OUT: &str = "the request timed out";

/// `promise`, or a rejection with [`TIMED_OUT`] after [`REQUEST_TIMEOUT_MS`] (for the merchant's
/// own hooks, which cannot be aborted).
pub async fn within_timeout(promise: js_sys::Promise) -> Result<JsValue, JsValue> {
    within(promise, REQUEST_TIMEOUT_MS).await
}

/// `promise`, or a rejection with [`TIMED_OUT`] after `ms`.
pub async fn within(promise: js_sys::Promise, ms: u32) -> Result<JsValue, JsValue> {
    JsFuture::from(js_sys::Promise::race(&js_sys::Array::of2(
        &promise,
        &timer(ms),
    )))
    .await
}

/// Resolve after `ms` milliseconds (0: in a task of its own, after what is already queued).
pub async fn sleep(ms: u32) {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms as i32);
        }
    });
    let _ = JsFuture::from(p).await;
}

/// A promise rejected with [`TIMED_OUT`] after `ms`.
fn timer(ms: u32) -> js_sys::Promise {
    js_sys::Promise::new(&mut |_, reject| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_1(
                &reject,
                ms as i32,
                &JsValue::from_str(TIMED_OUT),
            );
        }
    })
}
