//! Desktop handoff for an app redirect: continue in this browser, or scan the provider's URL
//! with a phone (the widget keeps polling either way).

use crate::checkout::Checkout;
use crate::controller::{cancel, continue_to};
use crate::ui::qr::encoded_qr;
use leptos::prelude::*;

/// The handoff screen for the provider's page at `url`.
#[component]
pub fn Handoff(
    /// The mounted checkout.
    ck: Checkout,
    /// The provider's page.
    url: String,
) -> impl IntoView {
    let ctx = ck.get();
    let tx = ctx.texts.clone();
    let method = ctx.method_name();
    let code = encoded_qr(url.clone(), tx.t("handoff.phone_hint"));
    let alt = tx.t("handoff.phone_hint");
    let go = ctx.clone();
    view! {
        <section class="kasir-qr kasir-handoff">
            <h2 class="kasir-heading" tabindex="-1">{tx.tf("handoff.heading", &[("method", method)])}</h2>
            <button type="button" class="kasir-button kasir-primary" on:click=move |_| continue_to(&go, &url)>
                {tx.tf("handoff.continue", &[("method", method)])}
            </button>
            <h3 class="kasir-subheading">{tx.t("handoff.phone")}</h3>
            {code}
            <p class="kasir-note">{alt}</p>
            <button type="button" class="kasir-button" on:click=move |_| cancel(&ctx)>{tx.t("action.cancel")}</button>
        </section>
    }
}
