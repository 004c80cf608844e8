//! The widget's screens (picker, qr, handoff, status, stalled, result), one `#[component]` per
//! file; each takes the checkout as a prop
//! (`checkout::Checkout`). [`Root`] follows the state machine's phase: it draws the picker, and
//! has the flows draw the screens after it (`screens`, through `flows::draw`: in the flows'
//! chunk of a shipped build). Styles come from one stylesheet (`www/kasir.css`, `--kasir-*`
//! custom properties), never inline `style`, so a strict CSP without `'unsafe-inline'` works.

#[cfg(feature = "qr-encoder")]
pub mod handoff;
pub mod icons;
pub mod inputs;
pub mod picker;
pub mod qr;
pub mod result;
pub mod screens;
pub mod stalled;
pub mod status;

use crate::checkout::Checkout;
use crate::flow::Phase;
use crate::flows;
use crate::page::find;
use leptos::prelude::*;
use picker::Picker;

/// The whole checkout.
#[component]
pub fn Root(
    /// The mounted checkout.
    ck: Checkout,
) -> impl IntoView {
    let ctx = ck.get();
    let machine = ctx.machine;
    let picking = |phase: &Phase| matches!(phase, Phase::Picking | Phase::Creating);
    // whether the picker is shown is the effect's own value (seeded with the first one), not a
    // `StoredValue`: the body reads the machine when it is told it changed
    let first = machine.with_untracked(|m| picking(&m.phase));
    let changed = Trigger::new();
    Effect::new(move |shown: Option<bool>| {
        let now = machine.with(|m| picking(&m.phase));
        if shown.unwrap_or(first) != now {
            changed.notify();
        }
        now
    });
    // the picker's phases only: the flows draw the screens after it (`screens`)
    let body = move || {
        changed.track();
        let picker = machine.with_untracked(|m| picking(&m.phase));
        // nothing until the locale's texts are in (English at once), and the picker once the
        // account's methods are known (tracked only on this screen)
        (picker && ck.get().texts_shown() && ck.get().account_known())
            .then(|| view! { <Picker ck/> })
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
        // a screen after the picker is drawn by the flows once the texts are in (again on each
        // change of the machine: the flows redraw only a new phase), and the one drawn before
        // goes when the picker comes back
        let picker = machine.with(|m| picking(&m.phase));
        if !picker && ctx_f.texts_shown() {
            flows::draw(&ctx_f);
        } else if picker {
            drop(ctx_f.screen.take());
        }
    });
    view! {
        <div class="kasir" lang=ctx.settings.locale.tag() data-theme=ctx.settings.theme>
            {body}
            <p class="kasir-error" role="alert"></p>
        </div>
    }
}
