//! The widget's screens (picker, qr, handoff, status, stalled, result), one `#[component]` per
//! file; each takes the checkout as a prop
//! (`checkout::Checkout`). [`Root`] follows the state machine's phase. Styles come from
//! one stylesheet (`www/kasir.css`, `--kasir-*` custom properties), never inline `style`, so a
//! strict CSP without `'unsafe-inline'` works.

#[cfg(feature = "qr-encoder")]
pub mod handoff;
pub mod icons;
pub mod inputs;
pub mod picker;
pub mod qr;
pub mod result;
pub mod stalled;
pub mod status;

use crate::checkout::Checkout;
use crate::flow::{Outcome, Phase, QrState};
use crate::page::find;
#[cfg(feature = "qr-encoder")]
use handoff::Handoff;
use leptos::either::EitherOf8;
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
pub fn Root(
    /// The mounted checkout.
    ck: Checkout,
) -> impl IntoView {
    let ctx = ck.get();
    let machine = ctx.machine;
    let of = |phase: &Phase| match phase {
        Phase::Picking | Phase::Creating => Screen::Picker,
        Phase::Qr(q) => Screen::Qr(q.clone()),
        Phase::Redirecting { .. } => Screen::Redirecting,
        Phase::Handoff { url } => Screen::Handoff(url.clone()),
        Phase::Confirming => Screen::Confirming,
        Phase::Stalled => Screen::Stalled,
        Phase::Done(o) => Screen::Done(o.clone()),
    };
    // the screen last drawn is the effect's own value (seeded with the first one), not a
    // `StoredValue` of its own type: the body reads the machine's screen when it is told
    let first = machine.with_untracked(|m| of(&m.phase));
    let changed = Trigger::new();
    Effect::new(move |shown: Option<Screen>| {
        let now = machine.with(|m| of(&m.phase));
        if *shown.as_ref().unwrap_or(&first) != now {
            changed.notify();
        }
        now
    });
    let screen = move || {
        changed.track();
        machine.with_untracked(|m| of(&m.phase))
    };
    // one enum of the screens' own view types, not `into_any`: an `AnyView` first turns each
    // screen's `&'static str` attributes into `Arc<str>` copies (more generic code, and
    // allocations), and its erased functions are one more copy per screen (bench/SIZE.md)
    let body = move || match screen() {
        // nothing until the locale's texts are in (English at once)
        _ if !ck.get().texts_shown() => EitherOf8::A(()),
        // the picker once the account's methods are known (tracked only on this screen)
        Screen::Picker if !ck.get().account_known() => EitherOf8::A(()),
        Screen::Picker => EitherOf8::B(view! { <Picker ck/> }),
        Screen::Qr(qr) => EitherOf8::C(view! { <QrScreen ck qr/> }),
        Screen::Redirecting => EitherOf8::D(view! { <Redirecting ck/> }),
        #[cfg(feature = "qr-encoder")]
        Screen::Handoff(url) => EitherOf8::E(view! { <Handoff url ck/> }),
        // only an adapter of a build with the encoder offers the handoff
        #[cfg(not(feature = "qr-encoder"))]
        Screen::Handoff(_) => EitherOf8::E(()),
        Screen::Confirming => EitherOf8::F(view! { <Confirming ck/> }),
        Screen::Stalled => EitherOf8::G(view! { <Stalled ck/> }),
        Screen::Done(outcome) => EitherOf8::H(view! { <ResultScreen ck outcome/> }),
    };
    // an effect runs once the view is in the DOM: it finds its elements under the mount target
    // (no node references: each element type would be more generic code in the bundle), and
    // one effect does both jobs (each effect is its own copy of the effect machinery)
    let ctx_f = ctx.clone();
    Effect::new(move |drawn: Option<()>| {
        // the first run: the merchant's appearance, through the CSSOM (not a style attribute:
        // allowed under a strict CSP)
        if drawn.is_none() {
            if let Some(el) = find(&ctx_f.target, ":scope > .kasir") {
                let style = el.style();
                for (k, v) in &ctx_f.settings.appearance {
                    let _ = style.set_property(k, v);
                }
            }
        }
        // a screen with a heading (QR, handoff, stalled, result) takes the focus once it is
        // drawn, so keyboard and screen-reader users land on it. In a task queued after this
        // round of effects: the body may redraw after this effect (their order follows their
        // subscriptions, and the body subscribes again each time it runs)
        changed.track();
        ctx_f.texts_arrived.track();
        let target = ctx_f.target.clone();
        leptos::task::spawn_local(async move {
            if let Some(h) = find(&target, "h2.kasir-heading") {
                let _ = h.focus();
            }
        });
    });
    view! {
        <div class="kasir" lang=ctx.settings.locale.tag() data-theme=ctx.settings.theme>
            {body}
            <p class="kasir-error" role="alert"></p>
        </div>
    }
}
