//! One error type, rendered in the style of the API it happens in: a store failure (a stored
//! object that no longer reads) inside an Opn, WooshPay or ecommpay handler comes back in that
//! PSP's own error shape; the sandbox's own endpoints answer `{"error": …}` or HTML.

mod common;
use axum::http::StatusCode;
use common::*;
use kasir_core::signature::ecommpay_sign_in_place;
use kasir_core::wire::{ecommpay, omise, wooshpay};
use serde_json::json;

/// Store a record that does not read back as its kind (the stored kinds are the emulators').
fn corrupt(st: &std::sync::Arc<kasir_sandbox::AppState>, kind: &str, id: &str) {
    st.store
        .tx(|c| kasir_sandbox::store::put(c, kind, id, &json!({"corrupt": true})))
        .unwrap();
}

#[tokio::test]
async fn store_failures_come_back_in_each_psps_error_shape() {
    let st = state();
    corrupt(&st, "omise_charge", "chrg_test_broken");
    corrupt(&st, "wooshpay_pi", "pi_1");
    corrupt(&st, "ecommpay_payment", "ecp:broken-1");

    let (s, v) = json(
        &st,
        "GET",
        "/charges/chrg_test_broken",
        "skey_test_kasir",
        json!({}),
    )
    .await;
    assert_eq!(s, StatusCode::INTERNAL_SERVER_ERROR, "{v}");
    let e: omise::Error = serde_json::from_value(v.clone()).expect("Opn-shaped");
    assert_eq!(
        (e.object.as_str(), e.code.as_str()),
        ("error", "internal_error")
    );

    let (s, v) = json(
        &st,
        "GET",
        "/v1/payment_intents/pi_1",
        "sk_test_kasir",
        json!({}),
    )
    .await;
    assert_eq!(s, StatusCode::INTERNAL_SERVER_ERROR, "{v}");
    let e: wooshpay::ErrorEnvelope = serde_json::from_value(v.clone()).expect("WooshPay-shaped");
    assert_eq!(e.error.kind, "api_error");

    let mut sale = json!({"general":{"project_id":4242,"payment_id":"broken-1"},
        "payment":{"amount":10000,"currency":"THB"},"customer":{"id":"c","ip_address":"203.0.113.1"}});
    ecommpay_sign_in_place(&mut sale, "kasir_secret");
    let (s, v, _) = send(
        &st,
        "POST",
        "/v2/payment/wallet/true-money/sale",
        None,
        None,
        &sale.to_string(),
        &[],
    )
    .await;
    assert_eq!(s, StatusCode::INTERNAL_SERVER_ERROR, "{v}");
    let e: ecommpay::SyncResponse = serde_json::from_value(v.clone()).expect("Gate-shaped");
    assert_eq!(e.status, "error");
    assert_eq!(
        e.payment_id.as_deref(),
        Some("broken-1"),
        "the Gate echoes the ids"
    );
    assert!(
        v.get("object").is_none() && v.get("error").is_none(),
        "not Opn- or WooshPay-shaped: {v}"
    );

    // The sandbox's own endpoints: JSON `{"error"}` for the control, HTML for the customer page.
    let (s, v, _) = send(
        &st,
        "POST",
        "/_sandbox/charges/chrg_test_broken/mark",
        None,
        None,
        r#"{"status":"failed"}"#,
        &[],
    )
    .await;
    assert_eq!(
        (s, v["error"].as_str()),
        (StatusCode::INTERNAL_SERVER_ERROR, Some("internal error"))
    );
    let (s, page, h) = send(
        &st,
        "POST",
        "/pay/chrg_test_broken",
        None,
        Some("application/x-www-form-urlencoded"),
        "action=approve",
        &[],
    )
    .await;
    assert_eq!(s, StatusCode::INTERNAL_SERVER_ERROR);
    assert!(h["content-type"].to_str().unwrap().starts_with("text/html"));
    assert!(page.as_str().unwrap().contains("internal error"));
}

#[tokio::test]
async fn every_api_keeps_its_own_not_found_shape() {
    let st = state();
    let (s, v) = json(
        &st,
        "GET",
        "/sources/src_test_nope",
        "skey_test_kasir",
        json!({}),
    )
    .await;
    assert_eq!(s, StatusCode::NOT_FOUND);
    assert_eq!(v["location"], "https://www.omise.co/api-errors#not-found");
    assert_eq!(v["message"], "source src_test_nope was not found");
    let (s, v) = json(&st, "GET", "/v1/refunds/re_1", "sk_test_kasir", json!({})).await;
    assert_eq!(s, StatusCode::NOT_FOUND);
    assert_eq!(
        v,
        json!({"error":{"type":"invalid_request_error","code":"resource_missing","message":"No such refund: 're_1'","param":"id"}})
    );
    let (s, v, _) = send(
        &st,
        "POST",
        "/_sandbox/charges/nope/mark",
        None,
        None,
        r#"{"status":"successful"}"#,
        &[],
    )
    .await;
    assert_eq!(
        (s, v),
        (StatusCode::NOT_FOUND, json!({"error":"no payment nope"}))
    );
    let (s, page, _) = send(&st, "GET", "/pay/nope", None, None, "", &[]).await;
    assert_eq!(s, StatusCode::NOT_FOUND);
    assert!(page.as_str().unwrap().contains("No payment nope"));
    let (s, page, _) = send(&st, "GET", "/shop/opn", None, None, "", &[]).await;
    assert_eq!(s, StatusCode::NOT_FOUND, "only the PSP ids are shop pages");
    assert!(page.as_str().unwrap().contains("No such shop"));
}
