//! The controller of one mounted checkout: Pay (source → merchant → PSP), the state machine's
//! effects (report, poll, navigate), retrieve, cancel, and resuming a payment after a reload or
//! a return. It speaks to the PSP only through its [`Adapter`](crate::psp::Adapter).

use crate::actions::poll::{self, Step};
use crate::actions::redirect;
use crate::build::ASKS_INPUTS;
use crate::checkout::Ctx;
use crate::details::{collect, Field};
use crate::error::KasirError;
use crate::events::{detail, emit, emit_error};
use crate::flow::{Effect, Outcome, Phase};
use crate::form;
use crate::jsview::{get, set, Js};
use crate::page::mono_now;
use crate::page::{random_id, return_url};
use crate::psp::{adapter, Adapter};
use crate::resume;
use crate::schedule::{next_poll_ms, poll_bound_ms};
use js_sys::{Function, Object};
use kasir_core::catalogue::{Flow, MethodId, Offer};
use kasir_core::status::{InterpretError, NextAction, RedirectMethod};
use kasir_core::terms::lifetime_ms;
use kasir_core::view::JsonView;
use kasir_core::Payment;
use leptos::prelude::*;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};

/// The adapter of this checkout's PSP.
pub fn psp(ctx: &Ctx) -> &'static dyn Adapter {
    adapter(ctx.settings.provider)
}

/// A PSP object interpreted (kasir-core), its errors as `KasirError`s.
pub fn interpret_js(ctx: &Ctx, obj: &JsValue) -> Result<Payment, KasirError> {
    psp(ctx).interpret(&Js(obj.clone())).map_err(|e| match e {
        InterpretError::PspError { code, message, .. } => KasirError::Psp { code, message },
        other => KasirError::InvalidResponse(other.message()),
    })
}

/// The shopper selected a method on the picker (reports `kasir:select`).
pub fn select(ctx: &Ctx, method: MethodId) {
    if ctx.machine.try_update(|m| m.select(method)) == Some(true) {
        emit(ctx, "select", None, None);
    }
}

/// The shopper's inputs for the selected method, validated: stored for the adapter, or the
/// errors shown (and the first invalid control focused) with nothing sent.
fn take_details(ctx: &Ctx) -> bool {
    let Some(offer) = ctx
        .method()
        .and_then(|m| ctx.offer_of(m))
        .filter(|_| ASKS_INPUTS)
    else {
        return true;
    };
    let d = &ctx.details;
    let banks = ctx.banks(offer);
    let typed = |f: Field| form::typed(&ctx.target, &ctx.id_prefix, f);
    let money = ctx.settings.money;
    match collect(d, &typed, offer, &banks, money, ctx.device.mobile) {
        Ok(given) => {
            *d.given.borrow_mut() = given;
            true
        }
        Err(errors) => {
            form::show_errors(&ctx.target, &ctx.id_prefix, &ctx.texts, &errors);
            false
        }
    }
}

/// The shopper pressed Pay (or "Generate a new QR").
pub fn pay(ctx: &Rc<Ctx>) {
    if ctx.machine.with_untracked(|m| m.phase == Phase::Picking) && !take_details(ctx) {
        return;
    }
    let Some(Some((method, attempt))) = ctx.machine.try_update(|m| m.start_pay()) else {
        return;
    };
    ctx.set_error(None);
    leptos::task::spawn_local(pay_flow(ctx.clone(), method, attempt));
}

async fn pay_flow(ctx: Rc<Ctx>, method: MethodId, attempt: u32) {
    let result = create(&ctx, method).await;
    if !ctx.alive.get() {
        return;
    }
    match result {
        Ok((obj, payment, offer)) => {
            let handoff = !ctx.device.mobile
                && offer.flow == Flow::AppRedirect
                && psp(&ctx).desktop_handoff(&obj);
            let deadline = qr_deadline(&ctx, &obj, &payment);
            *ctx.last_payment.borrow_mut() = obj;
            let fx = ctx
                .machine
                .try_update(|m| {
                    m.desktop_handoff = handoff;
                    m.deadline_ms = deadline;
                    m.on_created(attempt, payment)
                })
                .unwrap_or_default();
            apply_effects(&ctx, attempt, fx);
        }
        Err(e) => {
            let _ = ctx.machine.try_update(|m| m.fail_creation(attempt));
            ctx.set_error(Some(match &e {
                KasirError::Network(_) => ctx.texts.t("error.network"),
                KasirError::Psp { message, .. } if !message.is_empty() => message.clone(),
                _ => ctx.texts.t("error.generic"),
            }));
            emit_error(&ctx, &e);
        }
    }
}

/// When a just-created QR payment runs out, on the page's monotonic clock: now plus the PSP's
/// own lifetime of it (`expires_at − created_at`). Only where the object lacks its creation
/// time is the device clock used (`expires_at − Date.now()`), for the countdown alone.
fn qr_deadline(ctx: &Ctx, obj: &JsValue, payment: &Payment) -> Option<i64> {
    let NextAction::ShowQr { expires_at_ms, .. } = &payment.next_action else {
        return None;
    };
    let left = lifetime_ms(ctx.settings.provider, &Js(obj.clone()))
        .or_else(|| expires_at_ms.map(|e| e - js_sys::Date::now() as i64))?;
    Some(mono_now().saturating_add(left.max(0)))
}

/// "Check again" on the stalled screen: another round of polling.
pub fn check_again(ctx: &Rc<Ctx>) {
    let attempt = ctx.machine.with_untracked(|m| m.attempt);
    let fx = ctx
        .machine
        .try_update(|m| m.check_again())
        .unwrap_or_default();
    apply_effects(ctx, attempt, fx);
}

/// The request the merchant's `createPayment` receives.
fn payment_request(ctx: &Ctx, method: MethodId, source: &JsValue, key: &str) -> Object {
    let s = &ctx.settings;
    let req = Object::new();
    set(&req, "provider", &s.provider.as_str().into());
    set(&req, "method", &method.as_str().into());
    set(&req, "amount", &JsValue::from_f64(s.money.minor as f64));
    set(&req, "currency", &s.money.currency.code().into());
    set(&req, "source", source);
    let return_url = return_url(&s.return_url, psp(ctx).return_params());
    set(
        &req,
        "returnUrl",
        &return_url.map_or(JsValue::NULL, JsValue::from),
    );
    set(&req, "idempotencyKey", &key.into());
    if let Some(order) = &s.order_id {
        set(&req, "orderId", &order.into());
    }
    let dev = Object::new();
    set(&dev, "mobile", &JsValue::from_bool(ctx.device.mobile));
    set(&dev, "os", &ctx.device.os.into());
    set(&req, "device", &dev);
    req
}

async fn create(
    ctx: &Rc<Ctx>,
    method: MethodId,
) -> Result<(JsValue, Payment, &'static Offer), KasirError> {
    let offer = ctx
        .offer_of(method)
        .ok_or_else(|| KasirError::UnknownMethod(method.as_str().into()))?;
    let adapter = psp(ctx);
    let source = adapter.prepare(ctx, offer).await?;
    if !ctx.alive.get() {
        return Err(KasirError::Network("destroyed".into()));
    }
    if !source.is_null() {
        emit(ctx, "source", None, Some(&source));
    }
    let key = random_id();
    let req: JsValue = payment_request(ctx, method, &source, &key).into();
    let obj = adapter.create(ctx, offer, &req, &key).await?;
    let payment = interpret_js(ctx, &obj)?;
    Ok((obj, payment, offer))
}

/// Carry out the state machine's effects.
pub fn apply_effects(ctx: &Rc<Ctx>, attempt: u32, effects: Vec<Effect>) {
    for fx in effects {
        let payment = ctx.last_payment.borrow().clone();
        match fx {
            Effect::ReportPending => {
                remember(ctx, &payment);
                emit(ctx, "pending", None, Some(&payment))
            }
            Effect::StartPolling => {
                remember(ctx, &payment);
                leptos::task::spawn_local(poll_until_done(ctx.clone(), attempt));
            }
            Effect::Navigate {
                url,
                method,
                fields,
            } => navigate(ctx, &url, method, &fields),
            Effect::Report(outcome) => report(ctx, outcome, &payment),
            Effect::ReportStalled => emit(ctx, "timeout", None, Some(&payment)),
            Effect::RefusedUrl(url) => {
                let err = KasirError::InsecureRedirect(url);
                ctx.set_error(Some(err.message()));
                emit_error(ctx, &err);
            }
        }
    }
}

fn navigate(ctx: &Ctx, url: &str, method: RedirectMethod, fields: &[(String, String)]) {
    let target = ctx.settings.redirect_target.as_deref();
    if let Err(e) = redirect::go(target, url, method, fields) {
        let err = KasirError::Network(e.as_string().unwrap_or_else(|| "redirect failed".into()));
        emit_error(ctx, &err);
    }
}

/// The payment ended or was left: its browser-side secret is of no more use (a retry starts a
/// new payment; the merchant's own `clientSecret` is marked finished when it ended).
fn forget_secret(ctx: &Ctx, ended: bool) {
    let current = ctx.client_secret.borrow_mut().take();
    if ended && current.is_some() && current == ctx.settings.client_secret {
        ctx.given_secret_finished.set(true);
    }
}

/// The final outcome: forget the pending payment, report the event, resolve `result`.
fn report(ctx: &Ctx, outcome: Outcome, payment: &JsValue) {
    resume::clear(&ctx.settings);
    forget_secret(ctx, true);
    if let Some(id) = Js(payment.clone()).str_at(&["id"]) {
        resume::mark_reported(&id);
    }
    let error = match &outcome {
        Outcome::Failed { code, message } => Some(KasirError::Psp {
            code: code.clone(),
            message: message.clone(),
        }),
        _ => None,
    };
    emit(ctx, outcome.event(), error.as_ref(), Some(payment));
    if let Some(resolve) = ctx.resolve_result.borrow_mut().take() {
        let r = detail(ctx, error.as_ref(), Some(payment));
        set(&r, "status", &outcome.status().into());
        let _ = resolve.call1(&JsValue::NULL, &r);
    }
}

/// Remember the pending payment for reloads and returns.
fn remember(ctx: &Ctx, payment: &JsValue) {
    if let Some(method) = ctx.method() {
        let deadline = ctx.machine.try_with_untracked(|m| m.deadline_ms).flatten();
        let pending = resume::Remembered {
            method,
            payment: payment.clone(),
            client_secret: ctx.client_secret.borrow().clone(),
            time_left_ms: deadline.map(|d| (d - mono_now()).max(0)),
        };
        resume::save(&ctx.settings, &pending);
    }
}

/// Poll the payment of `attempt` until it ends (or the attempt is no longer current).
async fn poll_until_done(ctx: Rc<Ctx>, attempt: u32) {
    let error_reported = Rc::new(Cell::new(false));
    let deadline = ctx.machine.try_with_untracked(|m| m.deadline_ms).flatten();
    let bound = poll_bound_ms(deadline, mono_now());
    poll::every(
        move |backoff| next_poll_ms(backoff, deadline, mono_now()),
        move || poll_once(ctx.clone(), attempt, bound, error_reported.clone()),
    )
    .await;
}

async fn poll_once(
    ctx: Rc<Ctx>,
    attempt: u32,
    bound_ms: i64,
    error_reported: Rc<Cell<bool>>,
) -> Step {
    let current = ctx
        .machine
        .try_with_untracked(|m| (m.attempt, m.phase.clone(), m.payment_id.clone()));
    let Some((a, phase, Some(id))) = current else {
        return Step::Stop;
    };
    if !ctx.alive.get()
        || a != attempt
        || matches!(phase, Phase::Done(_) | Phase::Picking | Phase::Stalled)
    {
        return Step::Stop;
    }
    if mono_now() > bound_ms {
        // the bound, never an outcome: "Still confirming" until the PSP answers
        let fx = ctx
            .machine
            .try_update(|m| m.on_gave_up(attempt))
            .unwrap_or_default();
        apply_effects(&ctx, attempt, fx);
        return Step::Stop;
    }
    let answer = psp(&ctx).retrieve(&ctx, &id).await;
    if !ctx.alive.get() {
        return Step::Stop;
    }
    match answer.and_then(|v| interpret_js(&ctx, &v).map(|p| (v, p))) {
        // an answer for an attempt that is no longer the current one changes nothing
        Ok(_)
            if !ctx
                .machine
                .try_with_untracked(|m| m.is_current(attempt))
                .unwrap_or(false) =>
        {
            return Step::Stop;
        }
        Ok((v, payment)) => {
            error_reported.set(false);
            *ctx.last_payment.borrow_mut() = v;
            let fx = ctx
                .machine
                .try_update(|m| m.on_poll(attempt, payment))
                .unwrap_or_default();
            apply_effects(&ctx, attempt, fx);
        }
        Err(e) => {
            if !error_reported.replace(true) {
                emit_error(&ctx, &e);
            }
        }
    }
    Step::Again
}

/// The shopper chose "Continue" on the desktop handoff screen.
pub fn continue_to(ctx: &Ctx, url: &str) {
    navigate(ctx, url, RedirectMethod::Get, &[]);
}

/// Back to the picker from a QR / redirect / result (reports `kasir:cancel` when a payment was
/// pending, and calls the merchant's `cancelPayment`).
pub fn cancel(ctx: &Ctx) {
    let was_pending = ctx
        .machine
        .try_with_untracked(|m| !matches!(m.phase, Phase::Done(_)))
        .unwrap_or(false);
    resume::clear(&ctx.settings);
    forget_secret(ctx, false);
    if ctx.machine.try_update(|m| m.cancel()) == Some(true) && was_pending {
        let payment = ctx.last_payment.borrow().clone();
        emit(ctx, "cancel", None, Some(&payment));
        if let Some(f) = get(&ctx.options, "cancelPayment").dyn_ref::<Function>() {
            let _ = f.call1(&JsValue::NULL, &payment);
        }
    }
}
