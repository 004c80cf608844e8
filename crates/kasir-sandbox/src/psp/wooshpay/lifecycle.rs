//! How a payment intent ends (the customer page, the test control, its checkout session, its
//! expiry timer: canceled with `cancellation_reason: "automatic"`), and what the customer page
//! shows about it.

use super::api::PI;
use super::webhooks::emit;
use crate::ids::snowflake;
use crate::outcome::{Finished, Outcome, PayInfo};
use crate::state::AppState;
use crate::store::{self, now_ms, StoreError};
use kasir_core::catalogue::Psp;
use kasir_core::wire::wooshpay::{PaymentError, PaymentIntent, PaymentMethodRef};

/// Stored kind of a payment intent's expiry timer (`--expiry-secs`, 24 h by default).
pub const EXPIRE_TIMER: &str = "wooshpay_intent_expire";

/// Whether an intent in `status` may end with `o` (the state machine of psp-apis.md §3.3): the
/// customer pays or declines only an intent waiting for them (`requires_action`, after a confirm);
/// any `requires_*` intent can be canceled (expired).
pub fn legal(status: &str, o: Outcome) -> bool {
    match o {
        Outcome::Successful | Outcome::Failed => {
            matches!(status, "requires_action" | "processing")
        }
        Outcome::Expired => status.starts_with("requires_"),
    }
}

/// Complete a payment intent (only a [`legal`] move; otherwise it is left as it is and
/// `changed` is false); `None` if there is no such intent.
pub fn finish(
    st: &AppState,
    c: &rusqlite::Connection,
    id: &str,
    o: Outcome,
) -> Result<Option<Finished>, StoreError> {
    let Some(mut pi) = store::get::<PaymentIntent>(c, PI, id)? else {
        return Ok(None);
    };
    let return_url = pi.return_url.clone();
    if !legal(&pi.status, o) {
        return Ok(Some(Finished {
            object: serde_json::to_value(&pi)?,
            changed: false,
            return_url,
        }));
    }
    let (redirect_status, event) = match o {
        Outcome::Successful => {
            pi.status = "succeeded".into();
            pi.amount_received = Some(pi.amount);
            pi.latest_charge = Some(snowflake("ch"));
            ("succeeded", "payment_intent.succeeded")
        }
        Outcome::Failed => {
            pi.status = "requires_payment_method".into();
            pi.last_payment_error = Some(PaymentError {
                kind: "card_error".into(),
                code: Some("payment_failed".into()),
                decline_code: Some("generic_decline".into()),
                message: Some("The customer declined the payment.".into()),
                payment_method: Some(PaymentMethodRef {
                    id: pi.payment_method.clone(),
                    kind: pi.payment_method_types.first().cloned(),
                }),
                extra: Default::default(),
            });
            ("failed", "payment_intent.payment_failed")
        }
        Outcome::Expired => {
            pi.status = "canceled".into();
            pi.canceled_at = Some(now_ms());
            // Stripe's reason for a cancellation the PSP made itself (WooshPay mirrors it)
            pi.cancellation_reason = Some("automatic".into());
            ("failed", "payment_intent.canceled")
        }
    };
    pi.next_action = None;
    store::put(c, PI, id, &pi)?;
    store::clear_timer(c, id)?;
    emit(st, c, event, &pi)?;
    let secret = pi.client_secret.clone().unwrap_or_default();
    let return_url = return_url.map(|u| {
        let sep = if u.contains('?') { '&' } else { '?' };
        format!("{u}{sep}payment_intent={id}&payment_intent_client_secret={secret}&redirect_status={redirect_status}")
    });
    Ok(Some(Finished {
        object: serde_json::to_value(&pi)?,
        changed: true,
        return_url,
    }))
}

/// The customer page's view of an intent.
pub fn describe(st: &AppState, id: &str) -> Option<PayInfo> {
    let p: PaymentIntent = st.store.get(PI, id)?;
    Some(PayInfo {
        psp: Psp::Wooshpay.display_name(),
        amount: p.amount,
        pending: p.status == "requires_action",
        method: p.payment_method_types.first().cloned().unwrap_or_default(),
        status: p.status,
        currency: p.currency,
    })
}
