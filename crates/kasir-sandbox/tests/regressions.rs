//! Regression tests named after what broke (issue "Hardening", sandbox half).

mod common;
use axum::http::StatusCode;
use common::*;
use kasir_core::signature::ecommpay_sign;
use serde_json::{json, Value};

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

fn ecp_callback(pid: &str, status: &str) -> String {
    let mut cb = json!({"project_id":4242,"payment":{"id":pid,"type":"purchase","status":status,
        "sum":{"amount":42000,"currency":"THB"}},"operation":{"id":7,"type":"sale","status":status}});
    let sig = ecommpay_sign(&cb, "kasir_secret");
    cb["signature"] = Value::String(sig);
    cb.to_string()
}

/// What broke: a retried intermediate ecommpay callback arriving after the final one put the
/// shop's order back to pending. The shop's receiver never moves an order backwards.
#[tokio::test]
async fn a_retried_intermediate_ecommpay_callback_never_moves_the_shop_order_back() {
    let st = state();
    let post = |body: String| {
        let st = st.clone();
        async move {
            let r = send(
                &st,
                "POST",
                "/shop/api/ecommpay/callback",
                None,
                None,
                &body,
                &[],
            )
            .await;
            assert_eq!(r.0, StatusCode::OK, "{}", r.1);
        }
    };
    let status = |pid: &'static str| {
        let st = st.clone();
        async move {
            let uri = format!("/shop/api/ecommpay/gate?id={pid}");
            let (_, v, _) = send(&st, "GET", &uri, None, None, "", &[]).await;
            v["payment"]["status"]
                .as_str()
                .unwrap_or_default()
                .to_string()
        }
    };
    for last in ["success", "decline"] {
        let pid = if last == "success" {
            "ord-ok"
        } else {
            "ord-no"
        };
        post(ecp_callback(pid, "awaiting redirect result")).await;
        assert_eq!(status(pid).await, "awaiting redirect result");
        post(ecp_callback(pid, last)).await;
        assert_eq!(status(pid).await, last);
        // The retried intermediate callback (and a contradicting final one) change nothing.
        post(ecp_callback(pid, "awaiting redirect result")).await;
        post(ecp_callback(pid, "processing")).await;
        post(ecp_callback(
            pid,
            if last == "success" {
                "decline"
            } else {
                "success"
            },
        ))
        .await;
        assert_eq!(status(pid).await, last, "{pid} moved backwards");
    }
}
