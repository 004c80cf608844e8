//! Every Opn source type of the catalogue with the fields it needs, an amount it takes, and its
//! source `flow`.

use serde_json::{json, Value};

/// Every Opn source type with the fields it needs, an amount it takes, and its flow.
pub fn every_type() -> Vec<(Value, &'static str)> {
    let thb = |t: &str, extra: Value| {
        let mut v = json!({"type": t, "amount": 300_000, "currency": "THB"});
        v.as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        v
    };
    let mut out = vec![
        (thb("promptpay", json!({})), "offline"),
        (
            thb("truemoney", json!({"phone_number":"0812345678"})),
            "redirect",
        ),
        (thb("truemoney_jumpapp", json!({})), "app_redirect"),
        (thb("truemoney_qr", json!({})), "offline"),
        (thb("rabbit_linepay", json!({})), "redirect"),
        (thb("shopeepay", json!({})), "redirect"),
        (thb("shopeepay_jumpapp", json!({})), "app_redirect"),
        (
            json!({"type":"shopeepay","amount":10_000,"currency":"SGD"}),
            "redirect",
        ),
        (
            json!({"type":"grabpay","amount":10_000,"currency":"SGD","platform_type":"IOS"}),
            "redirect",
        ),
        (
            json!({"type":"grabpay","amount":10_000,"currency":"MYR"}),
            "redirect",
        ),
        (
            json!({"type":"paynow","amount":10_000,"currency":"SGD"}),
            "offline",
        ),
        (
            json!({"type":"duitnow_qr","amount":10_000,"currency":"MYR"}),
            "offline",
        ),
        (
            json!({"type":"fpx","amount":10_000,"currency":"MYR","bank":"cimb","email":"a@b.my"}),
            "redirect",
        ),
        (
            json!({"type":"touch_n_go","amount":10_000,"currency":"MYR","platform_type":"ANDROID"}),
            "app_redirect",
        ),
    ];
    for b in ["kbank", "scb", "bay", "bbl", "ktb"] {
        out.push((
            thb(
                &format!("mobile_banking_{b}"),
                json!({"platform_type":"ANDROID"}),
            ),
            "app_redirect",
        ));
    }
    for (b, term) in [
        ("bay", 3),
        ("bbl", 4),
        ("first_choice", 6),
        ("kbank", 3),
        ("ktc", 5),
        ("scb", 6),
        ("ttb", 4),
        ("uob", 3),
    ] {
        out.push((
            thb(
                &format!("installment_{b}"),
                json!({ "installment_term": term }),
            ),
            "redirect",
        ));
    }
    out
}
