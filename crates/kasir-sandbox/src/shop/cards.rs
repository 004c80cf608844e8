//! The demo flows' cards: one template (`shop/card.html`) filled from each row of
//! [`FLOWS`](super::flows::FLOWS), with the credential of the flow's PSP backend.

use super::backends;
use super::flows::{DemoFlow, FLOWS};
use crate::http::esc;
use crate::state::AppState;
use kasir_core::catalogue::Psp;
use kasir_core::money::Money;

/// The card of one flow (`theme` and `base` filled in; the card of a PSP in `accounts` also
/// gets its account's capability, as its backend read it).
pub fn card(
    st: &AppState,
    f: &DemoFlow,
    theme: &str,
    base: &str,
    accounts: &[(Psp, String)],
) -> String {
    let account = accounts
        .iter()
        .find(|(p, _)| *p == f.psp)
        .map(|(_, a)| format!("data-capability=\"{}\"", esc(a)))
        .unwrap_or_default();
    let credential = backends::of(f.psp)
        .map(|b| {
            let c = b.credential(st);
            format!("{}=\"{}\"", c.attr, esc(&c.value))
        })
        .unwrap_or_default();
    include_str!("../../shop/card.html")
        .replace("{{TITLE}}", &esc(f.title))
        .replace("{{WHY}}", &esc(f.why))
        .replace(
            "{{PRICE}}",
            &esc(&Money::new(f.amount, f.currency).format(f.locale)),
        )
        .replace("{{ID}}", f.id)
        .replace("{{ORDER_ID}}", &f.order_id())
        .replace("{{PROVIDER}}", f.psp.as_str())
        .replace("{{CREDENTIAL}}", &credential)
        .replace("{{ACCOUNT}}", &account)
        .replace("{{AMOUNT}}", &f.amount.to_string())
        .replace("{{CURRENCY}}", f.currency.code())
        .replace("{{METHODS}}", &f.methods.join(","))
        .replace("{{CREATE}}", f.create)
        .replace("{{RETRIEVE}}", f.retrieve)
        .replace("{{THEME}}", theme)
        .replace("{{BASE}}", &esc(base))
}

/// The cards of every flow, or of one PSP's.
pub fn cards(
    st: &AppState,
    psp: Option<Psp>,
    theme: &str,
    base: &str,
    accounts: &[(Psp, String)],
) -> String {
    FLOWS
        .iter()
        .filter(|f| psp.is_none_or(|p| f.psp == p))
        .map(|f| card(st, f, theme, base, accounts))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_flow_has_a_backend() {
        for f in FLOWS {
            assert!(backends::of(f.psp).is_some(), "{}: no backend", f.id);
        }
    }
}
