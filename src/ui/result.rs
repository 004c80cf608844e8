//! The result screen: success, failure (with the PSP's message) or expiry, focused on its
//! heading, with the way on (a new QR after expiry, another method after a failure).

use crate::checkout;
use crate::controller::{cancel, pay};
use crate::flow::Outcome;
use crate::ui::focus::focus_on_mount;
use leptos::html;
use leptos::prelude::*;

/// The result of a payment.
#[component]
pub fn ResultScreen(
    /// How the payment ended.
    outcome: Outcome,
) -> impl IntoView {
    let ctx = checkout::current();
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
        // the PSP said expired (never the countdown alone)
        Outcome::Expired => (
            "kasir-result kasir-result-expired",
            tx.t("result.expired"),
            tx.t("qr.expired"),
        ),
        Outcome::Canceled => (
            "kasir-result kasir-result-expired",
            tx.t("result.expired"),
            String::new(),
        ),
    };
    let action = match outcome {
        Outcome::Succeeded => None,
        Outcome::Expired => Some(view! { <button type="button" class="kasir-button kasir-primary" on:click=move |_| pay(&ctx)>{tx.t("action.regenerate")}</button> }.into_any()),
        _ => Some(view! { <button type="button" class="kasir-button" on:click=move |_| cancel(&ctx)>{tx.t("action.retry")}</button> }.into_any()),
    };
    view! {
        <section class=class>
            <h2 class="kasir-heading" tabindex="-1" node_ref=heading>{title}</h2>
            <p class="kasir-detail">{detail}</p>
            {action}
        </section>
    }
}
