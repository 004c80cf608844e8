//! The ways into the flows that follow the picker: Pay (and "Generate a new QR" / "Try
//! again"), "Check again", picking up a pending payment after a reload or a return, the
//! selected method's inputs (phone, bank, plan, email: drawn, then validated on Pay), the
//! parent page's cancel, and the screens after the picker (QR, handoff, redirecting,
//! confirming, stalled, result).
//!
//! What shoppers download (cargo feature `split`, scripts/build-wasm.sh) has the code behind
//! them — creating, polling, reading the PSP's answers, remembering, redirecting, the inputs'
//! controls and rules, the screens after the picker — in a wasm chunk of its own
//! (`wasm_split`: same memory, same reactive runtime), not in the first paint. The chunk is
//! fetched, with its integrity, once the picker is drawn ([`prefetch`]), or by the first call
//! that needs it. Without the feature (tests, `trunk serve`) the calls are direct.
//!
//! A chunk that cannot load changes nothing: on a press the shopper sees the network error, the
//! `kasir:error` event says so, and the next press tries again. A pending payment that could
//! not be picked up is picked up by that next press instead of a new payment being started, and
//! inputs that could not be drawn (silently: the shopper only selected) are drawn by it instead
//! of paying without them.

use crate::checkout::Ctx;
use crate::page::query_param;
use crate::psp::adapter;
use crate::resume::remembered;
use crate::ui::inputs::show;
use crate::ui::screens::draw as draw_screen;
use std::rc::Rc;

/// The shopper pressed Pay (or "Generate a new QR", "Try again").
pub fn pay(ctx: &Rc<Ctx>) {
    run(ctx, Entry::Pay);
}

/// "Check again" on the stalled screen.
pub fn check_again(ctx: &Rc<Ctx>) {
    run(ctx, Entry::CheckAgain);
}

/// A payment remembered before a reload, or named by the return URL: shown again and polled.
/// Only when there may be one (a remembered record, the PSP's first return parameter): a mount
/// with neither does not fetch the flows' chunk before the picker.
pub fn resume(ctx: &Rc<Ctx>) {
    let returned = adapter(ctx.settings.provider)
        .return_params()
        .first()
        .is_some_and(|p| query_param(p).is_some());
    if returned || remembered(&ctx.settings) {
        run(ctx, Entry::Resume);
    }
}

/// The selected method's inputs drawn under the picker (none when it asks none); the picker's
/// effect calls it when the selection changes.
pub fn show_inputs(ctx: &Rc<Ctx>) {
    run(ctx, Entry::Inputs);
}

/// The parent page asked to cancel (`kasir:cancel`): back to the picker.
pub fn cancel(ctx: &Rc<Ctx>) {
    run(ctx, Entry::Cancel);
}

/// The screen of the machine's phase drawn after the picker (the root calls it when the phase
/// leaves the picker's, or changes again; only a flow leaves it, so the chunk is in by then).
pub fn draw(ctx: &Rc<Ctx>) {
    run(ctx, Entry::Draw);
}

#[derive(Clone, Copy, PartialEq)]
#[repr(u8)]
enum Entry {
    Pay,
    CheckAgain,
    Resume,
    Inputs,
    Draw,
    Cancel,
}

/// The flows' code behind one entry (in the chunk of a split build).
fn enter(ctx: &Rc<Ctx>, entry: Entry) {
    match entry {
        // a payment that could not be picked up first: never a second one beside it
        Entry::Pay if ctx.resume_owed.replace(false) => crate::pickup::resume_pending(ctx),
        Entry::Pay if ctx.inputs_owed.replace(false) && show(ctx, ctx.method()) => {}
        Entry::Pay => crate::controller::pay(ctx),
        Entry::CheckAgain => crate::controller::check_again(ctx),
        Entry::Resume => crate::pickup::resume_pending(ctx),
        Entry::Inputs => {
            show(ctx, ctx.method());
        }
        Entry::Draw => draw_screen(ctx),
        Entry::Cancel => crate::controller::cancel(ctx),
    }
}

#[cfg(not(feature = "split"))]
fn run(ctx: &Rc<Ctx>, entry: Entry) {
    enter(ctx, entry);
}

/// Ask for the flows' chunk (a split build; nothing otherwise): the glue fetches it once the
/// next frame is painted (scripts/split-glue.mjs).
#[cfg(not(feature = "split"))]
pub fn prefetch() {}

#[cfg(feature = "split")]
pub use split::prefetch;
#[cfg(feature = "split")]
use split::run;

#[cfg(feature = "split")]
mod split {
    use super::{enter, Entry};
    use crate::checkout::Ctx;
    use crate::error::KasirError;
    use crate::events::emit_error;
    use std::rc::Rc;
    use wasm_split_helpers::SplitLoaderError;

    /// The chunk could not be fetched or run.
    #[derive(Debug)]
    pub struct Missing;

    impl From<SplitLoaderError> for Missing {
        fn from(_: SplitLoaderError) -> Missing {
            Missing
        }
    }

    #[wasm_split_helpers::wasm_split(flows, fallible, preload(preload_flows))]
    #[allow(improper_ctypes_definitions)]
    fn in_chunk(ctx: &Rc<Ctx>, entry: Entry) -> Result<(), Missing> {
        enter(ctx, entry);
        Ok(())
    }

    pub(super) fn run(ctx: &Rc<Ctx>, entry: Entry) {
        let ctx = ctx.clone();
        leptos::task::spawn_local(async move {
            if in_chunk(&ctx, entry).await.is_ok() || !ctx.alive.get() {
                return;
            }
            match entry {
                // the shopper only selected: Pay will say it, and draw them first
                Entry::Inputs => return ctx.inputs_owed.set(true),
                // only a flow leaves the picker, and its code is the chunk's: not reached
                Entry::Draw => return,
                Entry::Resume => ctx.resume_owed.set(true),
                _ => {}
            }
            let err = KasirError::Network("the checkout's code could not be loaded".into());
            ctx.set_error(Some(ctx.texts.t("error.network")));
            emit_error(&ctx, &err);
        });
    }

    /// Ask for the chunk now; the glue fetches it after the next frame is painted (a failure is
    /// left to the first call that needs it).
    pub fn prefetch() {
        leptos::task::spawn_local(async {
            let _ = preload_flows().await;
        });
    }
}
