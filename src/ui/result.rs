//! The result screen, focused on its heading: success with the amount, the method and the
//! PSP's payment reference (selectable, to quote to support); failure with the PSP's reason in
//! the shopper's language and another method to try; expiry with a new QR.

use crate::checkout::Checkout;
use crate::controller::{cancel, pay};
use crate::flow::Outcome;
use leptos::prelude::*;

/// The i18n key of a PSP's failure code: a processing failure ("Something went wrong. Please
/// try again.") or a decline ("TrueMoney QR declined the payment.").
fn reason_key(code: &str) -> &'static str {
    match code {
        // Opn's failed_processing, WooshPay / Stripe's processing_error: not the shopper's doing
        "failed_processing" | "processing_error" => "error.generic",
        _ => "reason.declined",
    }
}

/// The result of a payment.
#[component]
pub fn ResultScreen(
    /// The mounted checkout.
    ck: Checkout,
    /// How the payment ended.
    outcome: Outcome,
) -> impl IntoView {
    let ctx = ck.get();
    let tx = ctx.texts.clone();
    let method = ctx.method_name();
    let (class, title, detail) = match &outcome {
        Outcome::Succeeded => (
            "kasir-result kasir-result-success",
            "result.success",
            tx.tf(
                "result.paid",
                &[
                    ("amount", &ctx.settings.money.format(ctx.settings.locale)),
                    ("method", method),
                ],
            ),
        ),
        Outcome::Failed { code, .. } => (
            "kasir-result kasir-result-failure",
            "result.failure",
            tx.tf(reason_key(code), &[("method", method)]),
        ),
        // the PSP said expired (never the countdown alone)
        Outcome::Expired => (
            "kasir-result kasir-result-expired",
            "result.expired",
            tx.t("qr.expired"),
        ),
        Outcome::Canceled => (
            "kasir-result kasir-result-expired",
            "result.expired",
            String::new(),
        ),
    };
    // the PSP's id of the payment, to quote to support (hidden when empty)
    // (the state machine's id of it: the PSP's answers are read in the flows' chunk)
    let reference = match outcome {
        Outcome::Succeeded => ctx
            .machine
            .with_untracked(|m| m.payment_id.clone())
            .unwrap_or_default(),
        _ => String::new(),
    };
    // after an expiry, a new QR (the same method again); after a failure, another method. One
    // button whose class, text and action differ, not two views of their own
    let action = match outcome {
        Outcome::Succeeded => None,
        Outcome::Expired => Some(("kasir-button kasir-primary", "action.regenerate", true)),
        _ => Some(("kasir-button", "action.retry", false)),
    };
    let action = action.map(|(class, label, again)| {
        view! {
            <button type="button" class=class on:click=move |_| if again { pay(&ctx) } else { cancel(&ctx) }>
                {tx.t(label)}
            </button>
        }
    });
    view! {
        <section class=class>
            <h2 class="kasir-heading" tabindex="-1">{tx.t(title)}</h2>
            <p class="kasir-detail">{detail}</p>
            <p class="kasir-detail kasir-reference">{reference}</p>
            {action}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn processing_failures_and_declines_have_their_own_reason() {
        assert_eq!(reason_key("failed_processing"), "error.generic");
        assert_eq!(reason_key("payment_failed"), "reason.declined");
        assert_eq!(reason_key("20000"), "reason.declined");
    }
}
