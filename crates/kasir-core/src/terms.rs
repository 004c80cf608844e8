//! What a PSP object states about its terms, whatever the PSP: the amount it is for and the
//! lifetime the PSP gives it (on the PSP's own clock). The widget checks a resumed payment
//! against its amount and counts the lifetime down on the page's monotonic clock.

use crate::catalogue::Psp;
use crate::money::{Currency, Money};
use crate::time::parse_rfc3339_ms;
use crate::view::JsonView;

/// The amount a PSP object says it is for (Opn charge `amount`/`currency`; WooshPay intent
/// `amount`/`currency` or session `amount_total`/`currency`; ecommpay `payment.sum`), in minor
/// units; `None` when the object does not say (an ecommpay Gate answer, a Payment Page URL).
pub fn amount_of<V: JsonView>(psp: Psp, obj: &V) -> Option<Money> {
    let (amount, currency) = match psp {
        Psp::Omise => (obj.i64_at(&["amount"]), obj.str_at(&["currency"])),
        Psp::Wooshpay => (
            obj.i64_at(&["amount"])
                .or_else(|| obj.i64_at(&["amount_total"])),
            obj.str_at(&["currency"]),
        ),
        Psp::Ecommpay => (
            obj.i64_at(&["payment", "sum", "amount"]),
            obj.str_at(&["payment", "sum", "currency"]),
        ),
    };
    let currency: Currency = currency?.parse().ok()?;
    Some(Money::new(amount?, currency))
}

/// How long the PSP gives the shopper, measured on the PSP's own clock: Opn `expires_at −
/// created_at` of a charge; WooshPay `expires_at − created` of a checkout session. The widget
/// counts it down on the page's monotonic clock, so a device clock that is wrong changes
/// nothing. `None` when the object does not carry both times.
pub fn lifetime_ms<V: JsonView>(psp: Psp, obj: &V) -> Option<i64> {
    let (expires, created) = match psp {
        Psp::Omise => (
            parse_rfc3339_ms(&obj.str_at(&["expires_at"])?).ok()?,
            parse_rfc3339_ms(&obj.str_at(&["created_at"])?).ok()?,
        ),
        Psp::Wooshpay => (
            // a checkout session's own expiry, or a QR action's (`{type}.expires_at`)
            obj.i64_at(&["expires_at"])
                .or_else(|| {
                    let t = obj.str_at(&["next_action", "type"])?;
                    obj.i64_at(&["next_action", t.as_str(), "expires_at"])
                })?
                .checked_mul(1000)?,
            obj.i64_at(&["created"])?.checked_mul(1000)?,
        ),
        Psp::Ecommpay => return None,
    };
    expires.checked_sub(created).filter(|l| *l >= 0)
}

#[cfg(all(test, feature = "json"))]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_amount_each_psp_object_is_for() {
        let thb = |m| Some(Money::new(m, Currency::THB));
        let ch = json!({"object":"charge","id":"chrg_1","amount":400000,"currency":"THB"});
        assert_eq!(amount_of(Psp::Omise, &ch), thb(400_000));
        let pi = json!({"object":"payment_intent","id":"pi_1","amount":25000,"currency":"thb"});
        assert_eq!(amount_of(Psp::Wooshpay, &pi), thb(25_000));
        let cs =
            json!({"object":"checkout.session","id":"cs_1","amount_total":18000,"currency":"thb"});
        assert_eq!(amount_of(Psp::Wooshpay, &cs), thb(18_000));
        let cb = json!({"payment":{"id":"o1","sum":{"amount":42000,"currency":"THB"}}});
        assert_eq!(amount_of(Psp::Ecommpay, &cb), thb(42_000));
        let gate = json!({"status":"success","payment_id":"o1"});
        assert_eq!(amount_of(Psp::Ecommpay, &gate), None);
    }

    #[test]
    fn the_psps_own_lifetime_of_a_payment() {
        let c = json!({"object":"charge","created_at":"2024-09-24T03:08:40Z","expires_at":"2024-09-24T03:18:40Z"});
        assert_eq!(lifetime_ms(Psp::Omise, &c), Some(600_000));
        let cs =
            json!({"object":"checkout.session","created":1_700_000_000,"expires_at":1_700_003_600});
        assert_eq!(lifetime_ms(Psp::Wooshpay, &cs), Some(3_600_000));
        let huge = json!({"object":"checkout.session","created":0,"expires_at":i64::MAX});
        assert_eq!(lifetime_ms(Psp::Wooshpay, &huge), None, "no overflow");
        let back = json!({"object":"charge","created_at":"2024-09-24T03:18:40Z","expires_at":"2024-09-24T03:08:40Z"});
        assert_eq!(lifetime_ms(Psp::Omise, &back), None);
        assert_eq!(lifetime_ms(Psp::Omise, &json!({"object":"charge"})), None);
    }
}
