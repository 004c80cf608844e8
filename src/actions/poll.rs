//! Polling mechanics: a step repeated with backoff (starts at ~2 s, grows with jitter to
//! ≤ 10 s, one step at a time), paused while the page is hidden. What a step does — retrieve,
//! interpret, stop at a terminal status, on destroy, on a new attempt or at expiry + grace — is
//! the controller's.

use crate::net::sleep;
use crate::schedule::poll_delay_ms;
use js_sys::Promise;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

fn hidden() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .map(|d| d.visibility_state() == web_sys::VisibilityState::Hidden)
        .unwrap_or(false)
}

/// Resolve when the page is visible again (at once if it is).
pub async fn until_visible() {
    while hidden() {
        let p = Promise::new(&mut |resolve, _| {
            if let Some(d) = web_sys::window().and_then(|w| w.document()) {
                let once = web_sys::AddEventListenerOptions::new();
                once.set_once(true);
                let cb = Closure::once_into_js(move || {
                    let _ = resolve.call0(&JsValue::NULL);
                });
                let _ = d.add_event_listener_with_callback_and_add_event_listener_options(
                    "visibilitychange",
                    cb.unchecked_ref(),
                    &once,
                );
            }
        });
        let _ = JsFuture::from(p).await;
    }
}

/// What the poller does after one step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Wait (backing off) and step again.
    Again,
    /// Stop polling.
    Stop,
}

/// Call `step` until it says stop: first after ~2 s, then backing off with jitter to ≤ 10 s
/// (`shorten` may make a wait shorter: the caller's deadline), one step at a time, never
/// while the page is hidden.
pub async fn every<D, F, Fut>(shorten: D, mut step: F)
where
    D: Fn(u32) -> u32,
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Step>,
{
    let mut n: u32 = 0;
    loop {
        sleep(shorten(poll_delay_ms(n, js_sys::Math::random()))).await;
        until_visible().await;
        if step().await == Step::Stop {
            return;
        }
        n = n.saturating_add(1);
    }
}
