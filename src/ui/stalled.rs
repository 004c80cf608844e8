//! "Still confirming": polling reached its bound without the PSP's final answer. Nothing is
//! decided: the shopper can check again (another round of polling) or choose another method.

use crate::checkout::Checkout;
use crate::controller::{cancel, check_again};
use leptos::prelude::*;

/// The stalled screen.
#[component]
pub fn Stalled(
    /// The mounted checkout.
    ck: Checkout,
) -> impl IntoView {
    let ctx = ck.get();
    let tx = ctx.texts.clone();
    let note = tx.tf("stalled.note", &[("method", ctx.method_name())]);
    let again = ctx.clone();
    view! {
        <section class="kasir-confirming kasir-stalled">
            <h2 class="kasir-heading" tabindex="-1">{tx.t("stalled.heading")}</h2>
            <p class="kasir-note" role="status">{note}</p>
            <div class="kasir-actions">
                <button type="button" class="kasir-button kasir-primary" on:click=move |_| check_again(&again)>{tx.t("action.check_again")}</button>
                <button type="button" class="kasir-button" on:click=move |_| cancel(&ctx)>{tx.t("action.cancel")}</button>
            </div>
        </section>
    }
}
