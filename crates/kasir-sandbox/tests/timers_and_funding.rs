//! Expiry timers of every emulator fire through it, the status of a Payment Page payment is
//! answered before any callback, and Opn TrueMoney refunds follow the charge's funding source.

mod common;
use axum::http::StatusCode;
use common::*;
use kasir_core::signature::{ecommpay_sign, ecommpay_sign_in_place, ecommpay_verify};
use serde_json::json;

const SK: &str = "skey_test_kasir";

fn signed(v: serde_json::Value) -> String {
    let mut v = v;
    ecommpay_sign_in_place(&mut v, "kasir_secret");
    v.to_string()
}

#[tokio::test]
async fn an_ecommpay_payment_expires_when_its_timer_fires() {
    let st = state();
    let body = signed(json!({"general":{"project_id":4242,"payment_id":"exp-1"},
        "payment":{"amount":10000,"currency":"THB"},"customer":{"id":"c","ip_address":"203.0.113.1"}}));
    let (s, _, _) = send(
        &st,
        "POST",
        "/v2/payment/wallet/true-money/sale",
        None,
        None,
        &body,
        &[],
    )
    .await;
    assert_eq!(s, StatusCode::OK);
    kasir_sandbox::timers::fire_timers(&st);
    let status = signed(json!({"general":{"project_id":4242,"payment_id":"exp-1"}}));
    let (_, v, _) = send(&st, "POST", "/v2/payment/status", None, None, &status, &[]).await;
    assert_eq!(
        v["payment"]["status"], "awaiting redirect result",
        "not due yet"
    );
    // Make the 24 h expiry due now.
    st.store
        .tx(|c| kasir_sandbox::store::set_timer(c, "ecp:exp-1", "ecommpay_expire", 0))
        .unwrap();
    kasir_sandbox::timers::fire_timers(&st);
    let (_, v, _) = send(&st, "POST", "/v2/payment/status", None, None, &status, &[]).await;
    assert_eq!(v["payment"]["status"], "expired", "{v}");
    assert_eq!(v["operation"]["code"], "20000");
    assert!(ecommpay_verify(&v, "kasir_secret").is_ok());
}

#[tokio::test]
async fn a_payment_page_payment_has_a_status_before_any_callback() {
    let st = state();
    let mut p = json!({"project_id":"4242","payment_id":"pp-s","payment_amount":"10000","payment_currency":"THB","customer_id":"c1"});
    let sig = ecommpay_sign(&p, "kasir_secret");
    p["signature"] = json!(sig);
    let qs = serde_urlencoded::to_string(
        p.as_object()
            .unwrap()
            .iter()
            .map(|(k, v)| (k.clone(), v.as_str().unwrap().to_string()))
            .collect::<Vec<_>>(),
    )
    .unwrap();
    let (s, page, _) = send(&st, "GET", &format!("/payment?{qs}"), None, None, "", &[]).await;
    assert_eq!(s, StatusCode::OK, "{page}");
    let status = signed(json!({"general":{"project_id":4242,"payment_id":"pp-s"}}));
    let (s, v, _) = send(&st, "POST", "/v2/payment/status", None, None, &status, &[]).await;
    assert_eq!(s, StatusCode::OK);
    let cb: kasir_core::wire::ecommpay::Callback =
        serde_json::from_value(v.clone()).expect("a callback, not null");
    assert_eq!(cb.payment.status, "processing");
    assert_eq!(
        cb.payment.method.as_deref(),
        Some("true-money"),
        "no force_payment_method: the currency's row"
    );
    assert!(ecommpay_verify(&v, "kasir_secret").is_ok());
}

async fn paid_charge(
    st: &std::sync::Arc<kasir_sandbox::AppState>,
    kind: &str,
    funding: Option<&str>,
) -> String {
    let (_, ch) = json(
        st,
        "POST",
        "/charges",
        SK,
        json!({"amount":100000,"currency":"THB","source":{"type":kind}}),
    )
    .await;
    let id = ch["id"].as_str().unwrap().to_string();
    if let Some(f) = funding {
        let (s, v, _) = send(
            st,
            "POST",
            &format!("/_sandbox/omise/charges/{id}/funding"),
            None,
            None,
            &json!({"funding":f}).to_string(),
            &[],
        )
        .await;
        assert_eq!(s, StatusCode::OK, "{v}");
        assert_eq!(v, json!({"charge": id, "funding": f}));
    }
    let (s, _, _) = send(
        st,
        "POST",
        &format!("/_sandbox/charges/{id}/mark"),
        None,
        None,
        r#"{"status":"successful"}"#,
        &[],
    )
    .await;
    assert_eq!(s, StatusCode::OK);
    id
}

#[tokio::test]
async fn opn_truemoney_voids_follow_the_funding_source() {
    let st = state();
    // Wallet balance (the default): a partial void on the day is allowed.
    let id = paid_charge(&st, "truemoney_qr", None).await;
    let (s, r) = json(
        &st,
        "POST",
        &format!("/charges/{id}/refunds"),
        SK,
        json!({"amount":40000}),
    )
    .await;
    assert_eq!(
        (s, r["voided"].as_bool()),
        (StatusCode::OK, Some(true)),
        "{r}"
    );
    // Pay Next (seed 004): only a full void.
    let id = paid_charge(&st, "truemoney_qr", Some("pay_next")).await;
    let (s, e) = json(
        &st,
        "POST",
        &format!("/charges/{id}/refunds"),
        SK,
        json!({"amount":40000}),
    )
    .await;
    assert_eq!(
        (s, e["code"].as_str()),
        (StatusCode::BAD_REQUEST, Some("failed_refund")),
        "{e}"
    );
    assert_eq!(e["message"], "this charge cannot be voided for this amount");
    let (s, r) = json(
        &st,
        "POST",
        &format!("/charges/{id}/refunds"),
        SK,
        json!({"amount":100000}),
    )
    .await;
    assert_eq!(
        (s, r["voided"].as_bool()),
        (StatusCode::OK, Some(true)),
        "{r}"
    );
    // Bank account behaves like the wallet balance.
    let id = paid_charge(&st, "truemoney_qr", Some("bank_account")).await;
    let (s, _) = json(
        &st,
        "POST",
        &format!("/charges/{id}/refunds"),
        SK,
        json!({"amount":40000}),
    )
    .await;
    assert_eq!(s, StatusCode::OK);
    // Only TrueMoney charges have a funding source; unknown sources are refused.
    let (_, ch) = json(
        &st,
        "POST",
        "/charges",
        SK,
        json!({"amount":100000,"currency":"THB","source":{"type":"promptpay"}}),
    )
    .await;
    let pp = ch["id"].as_str().unwrap();
    for (path, body) in [
        (
            format!("/_sandbox/omise/charges/{pp}/funding"),
            r#"{"funding":"pay_next"}"#,
        ),
        (
            format!("/_sandbox/omise/charges/{id}/funding"),
            r#"{"funding":"gold"}"#,
        ),
        (format!("/_sandbox/omise/charges/{id}/funding"), "nope"),
    ] {
        let (s, v, _) = send(&st, "POST", &path, None, None, body, &[]).await;
        assert_eq!(s, StatusCode::BAD_REQUEST, "{path} {body} {v}");
        assert!(v["error"].as_str().is_some());
    }
    let (s, _, _) = send(
        &st,
        "POST",
        "/_sandbox/omise/charges/chrg_test_none/funding",
        None,
        None,
        r#"{"funding":"pay_next"}"#,
        &[],
    )
    .await;
    assert_eq!(s, StatusCode::NOT_FOUND);
}
