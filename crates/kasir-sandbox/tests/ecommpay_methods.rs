//! ecommpay's Southeast Asian codes (issue 11): every catalogue row opens a signed Payment Page
//! with `force_payment_method` and takes a Gate sale at `/v2/payment/wallet/{code}/sale`; an
//! amount outside the code's limits or a currency it does not take is refused, nothing stored.

mod common;
use axum::http::StatusCode;
use common::*;
use kasir_core::catalogue::{offers_of, Psp};
use kasir_core::signature::{ecommpay_sign, ecommpay_sign_in_place};
use serde_json::{json, Value};

fn page_query(pid: &str, amount: i64, currency: &str, code: &str) -> String {
    let mut p = json!({"project_id":"4242","payment_id":pid,"payment_amount":amount.to_string(),
        "payment_currency":currency,"customer_id":"c1","force_payment_method":code});
    let sig = ecommpay_sign(&p, "kasir_secret");
    p["signature"] = json!(sig);
    let enc = |s: &str| {
        percent_encoding::utf8_percent_encode(s, percent_encoding::NON_ALPHANUMERIC).to_string()
    };
    p.as_object()
        .unwrap()
        .iter()
        .map(|(k, v)| format!("{k}={}", enc(v.as_str().unwrap())))
        .collect::<Vec<_>>()
        .join("&")
}

fn sale(pid: &str, amount: i64, currency: &str) -> Value {
    let mut b = json!({
        "general": {"project_id": 4242, "payment_id": pid},
        "payment": {"amount": amount, "currency": currency, "description": "t"},
        "customer": {"id": "c1", "ip_address": "203.0.113.5"},
        "return_url": {"success": "http://shop.test/ok", "decline": "http://shop.test/fail"}
    });
    ecommpay_sign_in_place(&mut b, "kasir_secret");
    b
}

async fn page(st: &std::sync::Arc<kasir_sandbox::AppState>, q: &str) -> (StatusCode, String) {
    let (s, v, _) = send(st, "GET", &format!("/payment?{q}"), None, None, "", &[]).await;
    (s, v.as_str().unwrap_or_default().to_string())
}

#[tokio::test]
async fn every_ecommpay_code_opens_a_payment_page_and_takes_a_gate_sale() {
    let st = state();
    let codes: Vec<&str> = offers_of(Psp::Ecommpay).map(|o| o.wire_name).collect();
    for c in ["true-money", "promptpay", "online-banking", "touch-n-go"] {
        assert!(codes.contains(&c), "{c} in {codes:?}");
    }
    for (n, o) in offers_of(Psp::Ecommpay).enumerate() {
        let cur = o.currency.code();
        let (s, html) = page(
            &st,
            &page_query(&format!("pp-{n}"), o.min_minor, cur, o.wire_name),
        )
        .await;
        assert_eq!(s, StatusCode::OK, "{}: {html}", o.wire_name);
        assert!(html.contains("value=\"approve\""), "{html}");
        assert!(
            html.contains(&kasir_sandbox::http::esc(o.method.display_name())),
            "{html}"
        );
        for (amount, what) in [(o.min_minor - 1, "below"), (o.max_minor + 1, "above")] {
            let (s, html) = page(
                &st,
                &page_query(&format!("pp-{n}-{what}"), amount, cur, o.wire_name),
            )
            .await;
            assert_eq!(s, StatusCode::BAD_REQUEST, "{} {what}", o.wire_name);
            assert!(
                html.contains("Amount is out of the payment method limits"),
                "{html}"
            );
        }
        let other = if cur == "THB" { "MYR" } else { "THB" };
        let (s, html) = page(
            &st,
            &page_query(&format!("pp-{n}-cur"), o.min_minor, other, o.wire_name),
        )
        .await;
        assert_eq!(s, StatusCode::BAD_REQUEST);
        assert!(
            html.contains("Currency is not supported by the payment method"),
            "{html}"
        );

        let path = format!("/v2/payment/wallet/{}/sale", o.wire_name);
        let (s, v, _) = send(
            &st,
            "POST",
            &path,
            None,
            Some("application/json"),
            &sale(&format!("gate-{n}"), o.min_minor, cur).to_string(),
            &[],
        )
        .await;
        assert_eq!(s, StatusCode::OK, "{path}: {v}");
        assert_eq!(v["status"], "success");
        let (s, v, _) = send(
            &st,
            "POST",
            &path,
            None,
            Some("application/json"),
            &sale(&format!("gate-{n}-big"), o.max_minor + 1, cur).to_string(),
            &[],
        )
        .await;
        assert_eq!(s, StatusCode::BAD_REQUEST, "{path}: {v}");
        assert_eq!(v["status"], "error");
    }
}
