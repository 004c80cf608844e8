//! The in-between screens: leaving for the provider's page, and waiting for its answer.

use crate::checkout::Checkout;
use crate::controller::cancel;
use leptos::prelude::*;

/// "Taking you to {method}…" while the browser leaves.
#[component]
pub fn Redirecting(
    /// The mounted checkout.
    ck: Checkout,
) -> impl IntoView {
    let ctx = ck.get();
    let text = ctx
        .texts
        .tf("redirect.notice", &[("method", ctx.method_name())]);
    view! { <p class="kasir-status" role="status"><span class="kasir-spinner" aria-hidden="true"></span>{text}</p> }
}

/// "Confirming your payment…" (back from the provider, polling), with a way back.
#[component]
pub fn Confirming(
    /// The mounted checkout.
    ck: Checkout,
) -> impl IntoView {
    let ctx = ck.get();
    let tx = &ctx.texts;
    let (text, back) = (tx.t("confirming"), tx.t("action.cancel"));
    view! {
        <section class="kasir-confirming">
            <p class="kasir-status" role="status"><span class="kasir-spinner" aria-hidden="true"></span>{text}</p>
            <button type="button" class="kasir-button" on:click=move |_| cancel(&ctx)>{back}</button>
        </section>
    }
}
