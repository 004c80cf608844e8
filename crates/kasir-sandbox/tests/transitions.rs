//! Only legal transitions (the state machines of psp-apis.md): a payment that is not waiting
//! for the customer cannot be approved or declined — 409 on the control routes and the customer
//! page, the PSP's own error on its API routes — and nothing changes.

mod common;
use axum::http::StatusCode;
use common::*;
use kasir_core::signature::ecommpay_sign_in_place;
use kasir_sandbox::AppState;
use serde_json::{json, Value};
use std::sync::Arc;

const WP_SK: &str = "sk_test_kasir";
const OPN_SK: &str = "skey_test_kasir";

async fn pay(st: &Arc<AppState>, id: &str, action: &str) -> StatusCode {
    let form = Some("application/x-www-form-urlencoded");
    let body = format!("action={action}");
    send(st, "POST", &format!("/pay/{id}"), None, form, &body, &[])
        .await
        .0
}

async fn mark(st: &Arc<AppState>, id: &str, status: &str) -> (StatusCode, Value) {
    let body = json!({ "status": status }).to_string();
    let (s, v, _) = send(
        st,
        "POST",
        &format!("/_sandbox/charges/{id}/mark"),
        None,
        None,
        &body,
        &[],
    )
    .await;
    (s, v)
}

async fn intent(st: &Arc<AppState>, id: &str) -> Value {
    json(
        st,
        "GET",
        &format!("/v1/payment_intents/{id}"),
        WP_SK,
        json!({}),
    )
    .await
    .1
}

/// Every finishing route refuses `id` with 409 and leaves `read()` as it was.
async fn refused_everywhere<F, Fut>(st: &Arc<AppState>, id: &str, read: F)
where
    F: Fn() -> Fut,
    Fut: std::future::Future<Output = Value>,
{
    let before = read().await;
    for action in ["approve", "decline"] {
        assert_eq!(
            pay(st, id, action).await,
            StatusCode::CONFLICT,
            "{id} /pay {action}"
        );
    }
    for status in ["successful", "failed", "expired"] {
        let (s, v) = mark(st, id, status).await;
        assert_eq!(s, StatusCode::CONFLICT, "{id} mark {status}: {v}");
        assert_eq!(v["error"], "payment is not pending");
    }
    assert_eq!(read().await, before, "{id} changed");
}

/// What broke: Approve succeeded on a never-confirmed or an already declined WooshPay intent.
#[tokio::test]
async fn approving_a_never_confirmed_or_declined_wooshpay_intent_is_a_409() {
    let st = state();
    let (_, pi) = json(
        &st,
        "POST",
        "/v1/payment_intents",
        WP_SK,
        json!({"amount":25000,"currency":"THB","return_url":"http://shop.test/back"}),
    )
    .await;
    let id = pi["id"].as_str().unwrap().to_string();
    assert_eq!(pi["status"], "requires_payment_method");
    // Never confirmed: neither the customer nor the test control can pay or decline it.
    for action in ["approve", "decline"] {
        assert_eq!(pay(&st, &id, action).await, StatusCode::CONFLICT);
    }
    for status in ["successful", "failed"] {
        assert_eq!(
            mark(&st, &id, status).await.0,
            StatusCode::CONFLICT,
            "{status}"
        );
    }
    assert_eq!(intent(&st, &id).await["status"], "requires_payment_method");
    // Confirmed, then declined: approving the declined intent is refused too.
    let confirm = format!("/v1/payment_intents/{id}/confirm");
    assert_eq!(
        json(&st, "POST", &confirm, WP_SK, json!({})).await.0,
        StatusCode::OK
    );
    assert_eq!(pay(&st, &id, "decline").await, StatusCode::SEE_OTHER);
    assert_eq!(pay(&st, &id, "approve").await, StatusCode::CONFLICT);
    assert_eq!(mark(&st, &id, "successful").await.0, StatusCode::CONFLICT);
    let got = intent(&st, &id).await;
    assert_eq!(got["status"], "requires_payment_method");
    assert_eq!(got["last_payment_error"]["code"], "payment_failed");
    // Confirmed again (the legal way back), it can be paid — once.
    json(&st, "POST", &confirm, WP_SK, json!({})).await;
    assert_eq!(pay(&st, &id, "approve").await, StatusCode::SEE_OTHER);
    assert_eq!(intent(&st, &id).await["status"], "succeeded");
    let sid = id.clone();
    refused_everywhere(&st, &id, || intent(&st, &sid)).await;
    // The API: a succeeded intent cannot be canceled or confirmed (WooshPay's own error).
    for path in [format!("/v1/payment_intents/{id}/cancel"), confirm] {
        let (s, e) = json(&st, "POST", &path, WP_SK, json!({})).await;
        assert_eq!(s, StatusCode::BAD_REQUEST, "{path}");
        assert_eq!(
            e["error"]["code"], "payment_intent_unexpected_state",
            "{path}"
        );
    }
    // A canceled intent (cancel is legal from requires_payment_method) is final as well.
    let (_, pi2) = json(
        &st,
        "POST",
        "/v1/payment_intents",
        WP_SK,
        json!({"amount":1000,"currency":"THB"}),
    )
    .await;
    let id2 = pi2["id"].as_str().unwrap().to_string();
    let (s, _) = json(
        &st,
        "POST",
        &format!("/v1/payment_intents/{id2}/cancel"),
        WP_SK,
        json!({}),
    )
    .await;
    assert_eq!(s, StatusCode::OK);
    refused_everywhere(&st, &id2, || intent(&st, &id2)).await;
}

#[tokio::test]
async fn finished_opn_charges_and_wooshpay_sessions_refuse_another_outcome() {
    let st = state();
    for first in ["successful", "failed", "expired"] {
        let (_, ch) = json(
            &st,
            "POST",
            "/charges",
            OPN_SK,
            json!({"amount":40000,"currency":"THB","source":{"type":"truemoney_qr"}}),
        )
        .await;
        let id = ch["id"].as_str().unwrap().to_string();
        assert_eq!(mark(&st, &id, first).await.0, StatusCode::OK);
        let read = || async {
            json(&st, "GET", &format!("/charges/{id}"), OPN_SK, json!({}))
                .await
                .1
        };
        refused_everywhere(&st, &id, read).await;
        // The API's own error.
        let (s, e) = json(
            &st,
            "POST",
            &format!("/charges/{id}/expire"),
            OPN_SK,
            json!({}),
        )
        .await;
        assert_eq!(
            (s, e["code"].as_str()),
            (StatusCode::BAD_REQUEST, Some("failed_expire"))
        );
    }
    let items = json!([{"price_data":{"currency":"THB","unit_amount":2000,"product_data":{"name":"a"}},"quantity":1}]);
    for first in ["successful", "expired"] {
        let (_, cs) = json(
            &st,
            "POST",
            "/v1/checkout/sessions",
            WP_SK,
            json!({"mode":"payment","success_url":"http://shop.test/ok","line_items":items}),
        )
        .await;
        let id = cs["id"].as_str().unwrap().to_string();
        assert_eq!(mark(&st, &id, first).await.0, StatusCode::OK);
        let read = || async {
            json(
                &st,
                "GET",
                &format!("/v1/checkout/sessions/{id}"),
                WP_SK,
                json!({}),
            )
            .await
            .1
        };
        refused_everywhere(&st, &id, read).await;
    }
    // A declined session stays open: its hosted page lets the shopper try again.
    let (_, cs) = json(
        &st,
        "POST",
        "/v1/checkout/sessions",
        WP_SK,
        json!({"mode":"payment","success_url":"http://shop.test/ok","line_items":items}),
    )
    .await;
    let id = cs["id"].as_str().unwrap();
    assert_eq!(pay(&st, id, "decline").await, StatusCode::SEE_OTHER);
    assert_eq!(pay(&st, id, "approve").await, StatusCode::SEE_OTHER);
    let pi = intent(&st, cs["payment_intent"].as_str().unwrap()).await;
    assert_eq!(pi["status"], "succeeded", "{pi}");
    // A session whose intent was canceled through the API cannot be paid.
    let (_, cs) = json(
        &st,
        "POST",
        "/v1/checkout/sessions",
        WP_SK,
        json!({"mode":"payment","success_url":"http://shop.test/ok","line_items":items}),
    )
    .await;
    let pid = cs["payment_intent"].as_str().unwrap();
    json(
        &st,
        "POST",
        &format!("/v1/payment_intents/{pid}/cancel"),
        WP_SK,
        json!({}),
    )
    .await;
    assert_eq!(
        pay(&st, cs["id"].as_str().unwrap(), "approve").await,
        StatusCode::CONFLICT
    );
    assert_eq!(intent(&st, pid).await["status"], "canceled");
}

#[tokio::test]
async fn finished_ecommpay_payments_refuse_another_outcome() {
    let st = state();
    for (n, first) in ["successful", "failed", "expired"].iter().enumerate() {
        let pid = format!("tr-{n}");
        let mut sale = json!({"general":{"project_id":4242,"payment_id":pid},
            "payment":{"amount":10000,"currency":"THB"},"customer":{"id":"c","ip_address":"203.0.113.1"}});
        ecommpay_sign_in_place(&mut sale, "kasir_secret");
        let (s, _, _) = send(
            &st,
            "POST",
            "/v2/payment/wallet/true-money/sale",
            None,
            None,
            &sale.to_string(),
            &[],
        )
        .await;
        assert_eq!(s, StatusCode::OK);
        assert_eq!(mark(&st, &pid, first).await.0, StatusCode::OK);
        let read = || async {
            let mut q = json!({"general":{"project_id":4242,"payment_id":pid}});
            ecommpay_sign_in_place(&mut q, "kasir_secret");
            let (_, mut v, _) = send(
                &st,
                "POST",
                "/v2/payment/status",
                None,
                None,
                &q.to_string(),
                &[],
            )
            .await;
            v["signature"] = Value::Null;
            v
        };
        refused_everywhere(&st, &pid, read).await;
    }
}
