//! The widget's views. Screens follow the state machine's phase; styles come from one
//! stylesheet (`www/kasir.css`, `--kasir-*` custom properties), never inline `style`, so a
//! strict CSP without `'unsafe-inline'` works.

pub mod picker;

use crate::actions::qr::QrView;
use crate::embed::{cancel, pay, Ctx};
use crate::flow::{Machine, Outcome, Phase};
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
    let tx = ctx.texts.clone();
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
                view! { <p class="kasir-status" role="status"><span class="kasir-spinner" aria-hidden="true"></span>{tx.tf("redirect.notice", &[("method", method)])}</p> }.into_any()
            }
            Screen::Handoff(url) => crate::actions::qr::HandoffView(ctx, machine, url).into_any(),
            Screen::Confirming => {
                let c = ctx.clone();
                view! {
                    <section class="kasir-confirming">
                        <p class="kasir-status" role="status"><span class="kasir-spinner" aria-hidden="true"></span>{tx.t("confirming")}</p>
                        <button type="button" class="kasir-button" on:click=move |_| cancel(&c, machine)>{tx.t("action.cancel")}</button>
                    </section>
                }
                .into_any()
            }
            Screen::Done(outcome) => result_view(ctx, machine, outcome).into_any(),
        }
    };
    let root = NodeRef::<html::Div>::new();
    let appearance = stored.with_value(|c| c.settings.appearance.clone());
    Effect::new(move |_| {
        if let Some(el) = root.get() {
            let style = wasm_bindgen::JsCast::unchecked_ref::<web_sys::HtmlElement>(&el).style();
            for (k, v) in &appearance {
                // CSSOM, not a style attribute: allowed under a strict CSP
                let _ = style.set_property(k, v);
            }
        }
    });
    let theme = stored.with_value(|c| c.settings.theme);
    view! {
        <div class="kasir" lang=locale.tag() data-theme=theme node_ref=root>
            {body}
            <p class="kasir-error" role="alert">{move || error.get().unwrap_or_default()}</p>
        </div>
    }
}

fn result_view(ctx: Rc<Ctx>, machine: RwSignal<Machine>, outcome: Outcome) -> impl IntoView {
    let tx = ctx.texts.clone();
    let heading = NodeRef::<html::H2>::new();
    focus_on_mount(heading);
    let (class, title, detail) = match &outcome {
        Outcome::Succeeded => (
            "kasir-result kasir-result-success",
            tx.t("result.success"),
            String::new(),
        ),
        Outcome::Failed { message, .. } => (
            "kasir-result kasir-result-failure",
            tx.t("result.failure"),
            message.clone(),
        ),
        Outcome::Expired | Outcome::Canceled => (
            "kasir-result kasir-result-expired",
            tx.t("result.expired"),
            String::new(),
        ),
    };
    let action = match outcome {
        Outcome::Succeeded => None,
        Outcome::Expired => {
            let c = ctx.clone();
            Some(view! { <button type="button" class="kasir-button kasir-primary" on:click=move |_| pay(&c, machine)>{tx.t("action.regenerate")}</button> }.into_any())
        }
        _ => {
            let c = ctx.clone();
            Some(view! { <button type="button" class="kasir-button" on:click=move |_| cancel(&c, machine)>{tx.t("action.retry")}</button> }.into_any())
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
