//! Regression tests named after what broke (issue "Hardening", sandbox half).

mod common;
use axum::http::StatusCode;
use common::*;
use serde_json::json;

const WP_SK: &str = "sk_test_kasir";

fn session(expires_at: serde_json::Value) -> serde_json::Value {
    json!({"mode":"payment","success_url":"http://shop.test/ok","expires_at":expires_at,
        "line_items":[{"price_data":{"currency":"THB","unit_amount":2000,"product_data":{"name":"a"}},"quantity":1}]})
}

/// What broke: a checkout session's `expires_at` in seconds is multiplied by 1000, which
/// overflowed for huge negative values. The arithmetic is checked: a named 400, nothing stored.
#[tokio::test]
async fn wooshpay_checkout_expires_at_times_1000_cannot_overflow() {
    let st = state();
    for e in [i64::MIN, i64::MIN / 1000 - 1, -1] {
        let (s, v) = json(
            &st,
            "POST",
            "/v1/checkout/sessions",
            WP_SK,
            session(json!(e)),
        )
        .await;
        assert_eq!(s, StatusCode::BAD_REQUEST, "{e}: {v}");
        assert_eq!(v["error"]["param"], "expires_at", "{e}: {v}");
        assert_eq!(v["error"]["type"], "invalid_request_error");
    }
    let (_, v) = json(
        &st,
        "POST",
        "/v1/checkout/sessions",
        WP_SK,
        session(json!(i64::MIN)),
    )
    .await;
    assert_eq!(v["error"]["message"], "expires_at is out of range.");
    let (_, list) = json(&st, "GET", "/v1/checkout/sessions", WP_SK, json!({})).await;
    assert_eq!(list["data"], json!([]), "nothing was created");
    // Seconds an hour ahead are accepted and answered in milliseconds.
    let secs = kasir_sandbox::store::now_ms() / 1000 + 3600;
    let (s, v) = json(
        &st,
        "POST",
        "/v1/checkout/sessions",
        WP_SK,
        session(json!(secs)),
    )
    .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert_eq!(v["expires_at"], json!(secs * 1000));
}
