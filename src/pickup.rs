//! Picking up a payment after a reload or a return from the provider's page: only a payment
//! this widget itself remembered as pending in this browser, and only for its amount and
//! currency; its QR countdown goes on from the time the PSP still gave it.

use crate::checkout::Ctx;
use crate::controller::{apply_effects, interpret_js, psp};
use crate::error::KasirError;
use crate::events::emit_error;
use crate::jsview::Js;
use crate::page::mono_now;
use crate::resume;
use kasir_core::terms::amount_of;
use kasir_core::view::JsonView;
use leptos::prelude::*;
use std::rc::Rc;
use wasm_bindgen::JsValue;

/// A payment remembered from before a reload, or named by the PSP in the return URL: show it
/// again and poll — no new source, no new payment, no redirect. Only a payment this widget
/// itself remembered as pending in this browser is adopted, and only for its amount and
/// currency; anything else is `payment_mismatch`.
pub fn resume_pending(ctx: &Rc<Ctx>) {
    let stored = resume::load(&ctx.settings);
    let returned = psp(ctx).resume_from_return(ctx);
    let found = match (stored, returned) {
        (None, None) => return,
        (Some(found), None) => found,
        (Some(mut found), Some((ret, ret_cs))) if same_payment(&found.payment, &ret) => {
            found.client_secret = found.client_secret.or(ret_cs);
            found
        }
        (_, Some((ret, _))) => {
            let id = Js(ret).str_at(&["id"]).unwrap_or_default();
            return mismatch(
                ctx,
                [
                    "the return URL names ",
                    &id,
                    ", which this checkout did not start",
                ]
                .concat(),
            );
        }
    };
    let obj = found.payment;
    let Ok(payment) = interpret_js(ctx, &obj) else {
        resume::clear(&ctx.settings);
        return;
    };
    if let Some(amount) = amount_of(ctx.settings.provider, &Js(obj.clone())) {
        if amount != ctx.settings.money {
            return mismatch(ctx, [&payment.id, " is for another amount"].concat());
        }
    }
    if found.client_secret.is_some() {
        *ctx.client_secret.borrow_mut() = found.client_secret;
    }
    *ctx.last_payment.borrow_mut() = obj;
    // the time the PSP still gives it, counted on from now on the monotonic clock
    let deadline = found
        .time_left_ms
        .map(|left| mono_now().saturating_add(left));
    let (attempt, fx) = ctx.machine.update_untracked(|m| {
        m.deadline_ms = deadline;
        m.resume(found.method, payment)
    });
    ctx.machine.notify();
    apply_effects(ctx, attempt, fx);
}

/// Whether the PSP object `named` in a return URL is the remembered one (or the remembered
/// checkout session's payment intent).
fn same_payment(remembered: &JsValue, named: &JsValue) -> bool {
    let (r, n) = (Js(remembered.clone()), Js(named.clone()));
    let named_id = n.str_at(&["id"]);
    named_id.is_some()
        && (r.str_at(&["id"]) == named_id || r.str_at(&["payment_intent"]) == named_id)
}

fn mismatch(ctx: &Ctx, what: String) {
    resume::clear(&ctx.settings);
    emit_error(ctx, &KasirError::PaymentMismatch(what));
}
