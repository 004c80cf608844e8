//! Status polling: starts at ~2 s, backs off with jitter to ≤ 10 s, one request at a time,
//! paused while the page is hidden, stopped at a terminal status, on destroy, on a new attempt,
//! or at expiry + grace. Network errors are retried with the same backoff and reported once.

use crate::config::KasirError;
use crate::embed::{apply_effects, emit, Ctx};
use crate::flow::{past_grace, poll_delay_ms, Machine, Phase};
use crate::jsview::Js;
use js_sys::Promise;
use leptos::prelude::*;
use std::rc::Rc;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Resolve after `ms` milliseconds.
pub async fn sleep(ms: u32) {
    let p = Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms as i32);
        }
    });
    let _ = JsFuture::from(p).await;
}

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

/// Poll the payment of `attempt` until it ends.
pub async fn run(ctx: Rc<Ctx>, machine: RwSignal<Machine>, attempt: u32) {
    let mut n: u32 = 0;
    let mut error_reported = false;
    loop {
        sleep(poll_delay_ms(n, js_sys::Math::random())).await;
        until_visible().await;
        let current =
            machine.try_with_untracked(|m| (m.attempt, m.phase.clone(), m.payment_id.clone()));
        let Some((a, phase, Some(id))) = current else {
            return;
        };
        if !ctx.alive.get() || a != attempt || matches!(phase, Phase::Done(_) | Phase::Picking) {
            return;
        }
        let expires = match &phase {
            Phase::Qr(q) => q.expires_at_ms,
            _ => None,
        };
        if past_grace(expires, js_sys::Date::now() as i64) {
            let fx = machine
                .try_update(|m| m.on_gave_up(attempt))
                .unwrap_or_default();
            apply_effects(&ctx, machine, attempt, fx);
            return;
        }
        let answer = crate::embed::retrieve(&ctx, &id).await;
        if !ctx.alive.get() {
            return;
        }
        n = n.saturating_add(1);
        match answer.and_then(|v| {
            kasir_core::status::interpret(ctx.settings.provider, &Js(v.clone()))
                .map(|p| (v, p))
                .map_err(|e| KasirError::InvalidResponse(e.to_string()))
        }) {
            Ok((v, payment)) => {
                error_reported = false;
                *ctx.last_payment.borrow_mut() = v;
                let fx = machine
                    .try_update(|m| m.on_poll(attempt, payment))
                    .unwrap_or_default();
                apply_effects(&ctx, machine, attempt, fx);
            }
            Err(e) => {
                if !error_reported {
                    error_reported = true;
                    emit(&ctx, "error", Some(&e), None);
                }
            }
        }
    }
}
