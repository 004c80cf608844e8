//! The QR screen: the code (the PSP's image, or our own inline SVG when the PSP answered only
//! the payload: the QR module, loaded on demand),
//! a text alternative with the amount, a countdown to the PSP's own `expires_at` (announced
//! politely and sparingly to screen readers), a save button for phones, and a way back.

use crate::checkout::Checkout;
use crate::controller::cancel;
use crate::flow::QrState;
use crate::page::{find, mono_now};
#[cfg(feature = "qr-encoder")]
use crate::qr_encoder::qr_svg;
use crate::schedule::format_remaining;
use crate::url::is_allowed_redirect;
use leptos::either::EitherOf3;
use leptos::prelude::*;
use std::time::Duration;

/// What the screen reader hears about the time left: only when the whole minute changes, and
/// at 30 and 10 seconds.
fn announcement_bucket(remaining_ms: i64) -> i64 {
    let s = remaining_ms.max(0) / 1000;
    if s > 60 {
        (s + 59) / 60 * 60
    } else if s > 30 {
        60
    } else if s > 10 {
        30
    } else if s > 0 {
        10
    } else {
        0
    }
}

/// `payload` as our own inline SVG, labelled `label`: drawn when the QR module has encoded it
/// (an empty image until then, or for good if the module could not load).
#[cfg(feature = "qr-encoder")]
pub fn encoded_qr(payload: String, label: String) -> impl IntoView {
    let svg = RwSignal::new(String::new());
    leptos::task::spawn_local(async move {
        if let Some(s) = qr_svg(&payload).await {
            let _ = svg.try_set(s);
        }
    });
    view! { <div class="kasir-qr-image" role="img" aria-label=label inner_html=move || svg.get()></div> }
}

/// The QR screen.
#[component]
pub fn QrScreen(
    /// The mounted checkout.
    ck: Checkout,
    /// The code and its expiry.
    qr: QrState,
) -> impl IntoView {
    let ctx = ck.get();
    let locale = ctx.settings.locale;
    let tx = ctx.texts.clone();
    let method = match ctx.method_name() {
        "" => "QR",
        name => name,
    };
    let amount = ctx.settings.money.format(locale);
    let alt = tx.tf("qr.alt", &[("amount", &amount), ("method", method)]);
    // the PSP's own image when it sent one (nothing to encode, nothing more to download)
    let image = match (&qr.image_url, &qr.payload) {
        (Some(url), _) => EitherOf3::A(
            view! { <img class="kasir-qr-image" src=url.clone() alt=alt.clone() width="240" height="240"/> },
        ),
        #[cfg(feature = "qr-encoder")]
        (None, Some(p)) => EitherOf3::B(encoded_qr(p.clone(), alt.clone())),
        // a build without the encoder: its PSP always answers an image
        #[cfg(not(feature = "qr-encoder"))]
        (None, Some(_)) => EitherOf3::B(()),
        _ => EitherOf3::C(()),
    };
    // the PSP's URL is followed by the shopper's browser: the redirect rule applies
    let download = qr.image_url.clone().filter(|u| is_allowed_redirect(u)).map(|url| {
        view! { <a class="kasir-button" href=url download="qr-code" target="_blank" rel="noopener">{tx.t("qr.download")}</a> }
    });
    // the PSP's time left, on the page's monotonic clock (the device's wall clock may be off):
    // the countdown's text, and what the screen reader hears (only when its bucket changes)
    let deadline = qr.deadline_ms;
    let texts = {
        let tx = tx.clone();
        move || {
            let Some(ms) = deadline.map(|d| d - mono_now()) else {
                return (String::new(), String::new());
            };
            // the PSP decides whether it expired: until it says so, it is being checked
            let countdown = match ms {
                1.. => tx.tf("qr.expires_in", &[("time", &format_remaining(ms))]),
                _ => tx.t("qr.time_up"),
            };
            let announce = match announcement_bucket(ms) {
                0 => tx.t("qr.time_up"),
                b => tx.tf("qr.time_left", &[("time", &format_remaining(b * 1000))]),
            };
            (countdown, announce)
        }
    };
    let (countdown, announce) = texts();
    // each second the interval writes them into the DOM, and a text only when it differs (so
    // the live region speaks only on a change): no reactive text, no trigger (each is more
    // generic code in the bundle)
    let scope = ctx.target.clone();
    let every_second = move || {
        let (countdown, announce) = texts();
        for (selector, text) in [
            (".kasir-countdown", countdown),
            (".kasir-qr .kasir-sr-only", announce),
        ] {
            if let Some(el) =
                find(&scope, selector).filter(|el| el.text_content().as_deref() != Some(&text))
            {
                el.set_text_content(Some(&text));
            }
        }
    };
    if let Ok(handle) = set_interval_with_handle(every_second, Duration::from_millis(1000)) {
        on_cleanup(move || handle.clear());
    }
    let back = ctx.clone();
    view! {
        <section class="kasir-qr">
            <h2 class="kasir-heading" tabindex="-1">{tx.tf("qr.heading", &[("method", method)])}</h2>
            {image}
            <p class="kasir-amount">{tx.tf("qr.amount", &[("amount", &amount)])}</p>
            <p class="kasir-countdown" role="timer" aria-live="off">{countdown}</p>
            <p class="kasir-sr-only" aria-live="polite">{announce}</p>
            <div class="kasir-actions">
                {download}
                <button type="button" class="kasir-button" on:click=move |_| cancel(&back)>{tx.t("action.cancel")}</button>
            </div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn announcements_are_sparse() {
        assert_eq!(announcement_bucket(600_000), 600);
        assert_eq!(announcement_bucket(599_000), 600);
        assert_eq!(announcement_bucket(540_500), 540);
        assert_eq!(announcement_bucket(45_000), 60);
        assert_eq!(announcement_bucket(25_000), 30);
        assert_eq!(announcement_bucket(5_000), 10);
        assert_eq!(announcement_bucket(-1), 0);
    }
}
