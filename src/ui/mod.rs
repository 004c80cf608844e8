//! The widget's views. Screens follow the state machine's phase; styles come from one
//! stylesheet (`www/kasir.css`, `--kasir-*` custom properties), never inline `style`, so a
//! strict CSP without `'unsafe-inline'` works.

pub mod picker;

use crate::actions::qr::QrView;
use crate::embed::{cancel, pay, Ctx};
use crate::flow::{Machine, Outcome, Phase};
use crate::i18n::{t, tf};
use leptos::html;
use leptos::prelude::*;
use std::rc::Rc;

/// Which screen is shown (changes rarely, so the DOM is rebuilt only on a real change).
#[derive(Clone, PartialEq)]
enum Screen {
    Picker,
    Qr(crate::flow::QrState),
    Redirecting,
    Handoff(String),
    Confirming,
    Done(Outcome),
}

/// Focus an element once it is in the DOM (after a screen change, for screen-reader users).
pub fn focus_on_mount<E>(node: NodeRef<E>)
where
    E: leptos::html::ElementType,
    E::Output: wasm_bindgen::JsCast + Clone + 'static,
    NodeRef<E>: Get<Value = Option<E::Output>>,
{
    Effect::new(move |_| {
        if let Some(el) = node.get() {
            let el: &web_sys::HtmlElement = wasm_bindgen::JsCast::unchecked_ref(&el);
            let _ = el.focus();
        }
    });
}

/// The whole checkout.
pub fn view(ctx: Rc<Ctx>, machine: RwSignal<Machine>) -> impl IntoView {
    let locale = ctx.settings.locale;
    let screen = Memo::new(move |_| {
        machine.with(|m| match &m.phase {
            Phase::Picking | Phase::Creating => Screen::Picker,
            Phase::Qr(q) => Screen::Qr(q.clone()),
            Phase::Redirecting { .. } => Screen::Redirecting,
            Phase::Handoff { url } => Screen::Handoff(url.clone()),
            Phase::Confirming => Screen::Confirming,
            Phase::Done(o) => Screen::Done(o.clone()),
        })
    });
    let stored = StoredValue::new_local(ctx);
    let error = stored.with_value(|c| c.error);
    let body = move || {
        let ctx = stored.get_value();
        match screen.get() {
            Screen::Picker => picker::Picker(ctx, machine).into_any(),
            Screen::Qr(q) => QrView(ctx, machine, q).into_any(),
            Screen::Redirecting => {
                let method = ctx
                    .selected_method
                    .get_untracked()
                    .map(|m| m.display_name())
                    .unwrap_or("");
                view! { <p class="kasir-status" role="status"><span class="kasir-spinner" aria-hidden="true"></span>{tf(locale, "redirect.notice", &[("method", method)])}</p> }.into_any()
            }
            Screen::Handoff(url) => crate::actions::qr::HandoffView(ctx, machine, url).into_any(),
            Screen::Confirming => {
                let c = ctx.clone();
                view! {
                    <section class="kasir-confirming">
                        <p class="kasir-status" role="status"><span class="kasir-spinner" aria-hidden="true"></span>{t(locale, "confirming")}</p>
                        <button type="button" class="kasir-button" on:click=move |_| cancel(&c, machine)>{t(locale, "action.cancel")}</button>
                    </section>
                }
                .into_any()
            }
            Screen::Done(outcome) => result_view(ctx, machine, outcome).into_any(),
        }
    };
    view! {
        <div class="kasir" lang=locale.tag()>
            {body}
            <p class="kasir-error" role="alert">{move || error.get().unwrap_or_default()}</p>
        </div>
    }
}

fn result_view(ctx: Rc<Ctx>, machine: RwSignal<Machine>, outcome: Outcome) -> impl IntoView {
    let locale = ctx.settings.locale;
    let heading = NodeRef::<html::H2>::new();
    focus_on_mount(heading);
    let (class, title, detail) = match &outcome {
        Outcome::Succeeded => (
            "kasir-result kasir-result-success",
            t(locale, "result.success"),
            String::new(),
        ),
        Outcome::Failed { message, .. } => (
            "kasir-result kasir-result-failure",
            t(locale, "result.failure"),
            message.clone(),
        ),
        Outcome::Expired | Outcome::Canceled => (
            "kasir-result kasir-result-expired",
            t(locale, "result.expired"),
            String::new(),
        ),
    };
    let action = match outcome {
        Outcome::Succeeded => None,
        Outcome::Expired => {
            let c = ctx.clone();
            Some(view! { <button type="button" class="kasir-button kasir-primary" on:click=move |_| pay(&c, machine)>{t(locale, "action.regenerate")}</button> }.into_any())
        }
        _ => {
            let c = ctx.clone();
            Some(view! { <button type="button" class="kasir-button" on:click=move |_| cancel(&c, machine)>{t(locale, "action.retry")}</button> }.into_any())
        }
    };
    view! {
        <section class=class>
            <h2 class="kasir-heading" tabindex="-1" node_ref=heading>{title}</h2>
            <p class="kasir-detail">{detail}</p>
            {action}
        </section>
    }
}
