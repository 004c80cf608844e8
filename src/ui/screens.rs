//! The screens after the picker (QR, handoff, redirecting, confirming, stalled, result), drawn
//! by the flows' code: only a flow leaves the picker, so a shipped build keeps these views in
//! the flows' chunk with it (`flows::draw`), not in the first paint.
//!
//! [`draw`] puts the screen of the machine's phase in the widget's root, before its alert
//! region, under a reactive owner of its own, and keeps it in [`Ctx::screen`]; taking it from
//! there (the picker coming back, the checkout destroyed) removes the view and disposes its
//! effects and timers.

use crate::checkout::{Checkout, Ctx};
use crate::flow::Phase;
use crate::page::find;
#[cfg(feature = "qr-encoder")]
use crate::ui::handoff::Handoff;
use crate::ui::qr::QrScreen;
use crate::ui::result::ResultScreen;
use crate::ui::stalled::Stalled;
use crate::ui::status::{Confirming, Redirecting};
use leptos::either::EitherOf6;
use leptos::prelude::*;
use leptos::tachys::view::{Mountable, Render};
use std::rc::Rc;

/// A drawn screen: its DOM and the owner of its effects (both go when it is dropped).
struct Drawn<S: Mountable> {
    state: S,
    _owner: Owner,
}

impl<S: Mountable> Drop for Drawn<S> {
    fn drop(&mut self) {
        self.state.unmount();
    }
}

/// Draw the screen of the machine's phase in place of the one drawn before (nothing on the
/// picker's phases: the root draws the picker), then focus its heading so keyboard and
/// screen-reader users land on it.
pub fn draw(ctx: &Rc<Ctx>) {
    let phase = ctx.machine.with_untracked(|m| m.phase.clone());
    // the root asks on every change of the machine: a phase already drawn stays as it is
    if matches!(&*ctx.screen.borrow(), Some((drawn, _)) if *drawn == phase) {
        return;
    }
    // the one before goes first (its timers stop, its DOM leaves)
    drop(ctx.screen.take());
    let Some(root) = find(&ctx.target, ":scope > .kasir") else {
        return;
    };
    let alert: Option<web_sys::Node> = find(&root, ":scope > .kasir-error").map(Into::into);
    let owner = Owner::new_root(None);
    let state = owner.with(|| {
        let ck = Checkout::new(ctx.clone());
        let view = match phase.clone() {
            Phase::Picking | Phase::Creating => return None,
            Phase::Qr(qr) => EitherOf6::A(view! { <QrScreen ck qr/> }),
            Phase::Redirecting { .. } => EitherOf6::B(view! { <Redirecting ck/> }),
            #[cfg(feature = "qr-encoder")]
            Phase::Handoff { url } => EitherOf6::C(view! { <Handoff url ck/> }),
            // only an adapter of a build with the encoder offers the handoff
            #[cfg(not(feature = "qr-encoder"))]
            Phase::Handoff { .. } => EitherOf6::C(()),
            Phase::Confirming => EitherOf6::D(view! { <Confirming ck/> }),
            Phase::Stalled => EitherOf6::E(view! { <Stalled ck/> }),
            Phase::Done(outcome) => EitherOf6::F(view! { <ResultScreen ck outcome/> }),
        };
        let mut state = view.build();
        state.mount(&root, alert.as_ref());
        Some(state)
    });
    let Some(state) = state else {
        return;
    };
    let drawn = Drawn {
        state,
        _owner: owner,
    };
    *ctx.screen.borrow_mut() = Some((phase, Box::new(drawn)));
    if let Some(h) = find(&root, "h2.kasir-heading") {
        let _ = h.focus();
    }
}
