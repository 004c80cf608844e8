//! The widget's screens (picker, qr, handoff, status, stalled, result), one `#[component]` per
//! file; each takes the checkout from the Leptos
//! context (`checkout::current`). [`Root`] follows the state machine's phase. Styles come from
//! one stylesheet (`www/kasir.css`, `--kasir-*` custom properties), never inline `style`, so a
//! strict CSP without `'unsafe-inline'` works.

pub mod focus;
#[cfg(feature = "qr-encoder")]
pub mod handoff;
pub mod icons;
pub mod inputs;
pub mod picker;
pub mod qr;
pub mod result;
pub mod stalled;
pub mod status;

use crate::checkout;
use crate::flow::{Outcome, Phase, QrState};
#[cfg(feature = "qr-encoder")]
use handoff::Handoff;
use leptos::html;
use leptos::prelude::*;
use picker::Picker;
use qr::QrScreen;
use result::ResultScreen;
use stalled::Stalled;
use status::{Confirming, Redirecting};

/// Which screen is shown (changes rarely, so the DOM is rebuilt only on a real change).
#[derive(Clone, PartialEq)]
enum Screen {
    Picker,
    Qr(QrState),
    Redirecting,
    Handoff(String),
    Confirming,
    Stalled,
    Done(Outcome),
}

/// The whole checkout.
#[component]
pub fn Root() -> impl IntoView {
    let ctx = checkout::current();
    let machine = ctx.machine;
    let screen = Memo::new(move |_| {
        machine.with(|m| match &m.phase {
            Phase::Picking | Phase::Creating => Screen::Picker,
            Phase::Qr(q) => Screen::Qr(q.clone()),
            Phase::Redirecting { .. } => Screen::Redirecting,
            Phase::Handoff { url } => Screen::Handoff(url.clone()),
            Phase::Confirming => Screen::Confirming,
            Phase::Stalled => Screen::Stalled,
            Phase::Done(o) => Screen::Done(o.clone()),
        })
    });
    let texts_ready = ctx.texts_ready;
    let body = move || match screen.get() {
        // nothing until the locale's texts are in (English at once)
        _ if !texts_ready.get() => ().into_any(),
        Screen::Picker => view! { <Picker/> }.into_any(),
        Screen::Qr(qr) => view! { <QrScreen qr/> }.into_any(),
        Screen::Redirecting => view! { <Redirecting/> }.into_any(),
        #[cfg(feature = "qr-encoder")]
        Screen::Handoff(url) => view! { <Handoff url/> }.into_any(),
        // only an adapter of a build with the encoder offers the handoff
        #[cfg(not(feature = "qr-encoder"))]
        Screen::Handoff(_) => ().into_any(),
        Screen::Confirming => view! { <Confirming/> }.into_any(),
        Screen::Stalled => view! { <Stalled/> }.into_any(),
        Screen::Done(outcome) => view! { <ResultScreen outcome/> }.into_any(),
    };
    let root = NodeRef::<html::Div>::new();
    let appearance = ctx.settings.appearance.clone();
    Effect::new(move |_| {
        if let Some(el) = root.get() {
            let style = wasm_bindgen::JsCast::unchecked_ref::<web_sys::HtmlElement>(&el).style();
            for (k, v) in &appearance {
                // CSSOM, not a style attribute: allowed under a strict CSP
                let _ = style.set_property(k, v);
            }
        }
    });
    let error = ctx.error;
    view! {
        <div class="kasir" lang=ctx.settings.locale.tag() data-theme=ctx.settings.theme node_ref=root>
            {body}
            <p class="kasir-error" role="alert">{move || error.get().unwrap_or_default()}</p>
        </div>
    }
}
