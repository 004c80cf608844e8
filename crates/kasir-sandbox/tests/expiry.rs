//! One `--expiry-secs` for every PSP's pending payments (`--qr-expiry-secs` is its old name):
//! unpaid, an Opn charge expires, a WooshPay intent is canceled (`automatic`) and a session
//! expires, an ecommpay payment ends with its `expired` callback — as the PSPs do.

mod common;
use axum::http::StatusCode;
use clap::Parser;
use common::*;
use kasir_core::signature::{ecommpay_sign, ecommpay_sign_in_place, ecommpay_verify};
use kasir_sandbox::{store::Store, AppState, Config};
use serde_json::{json, Value};
use std::sync::Arc;
use std::time::Duration;

const OPN_SK: &str = "skey_test_kasir";
const WP_SK: &str = "sk_test_kasir";

fn state_expiring(args: &[&str]) -> Arc<AppState> {
    let mut argv = vec!["kasir-sandbox", "--no-shop-webhooks"];
    argv.extend_from_slice(args);
    let cfg = Config::try_parse_from(argv).unwrap();
    AppState::new(cfg, Store::memory().unwrap(), "http://127.0.0.1:9")
}

fn signed(mut v: Value) -> String {
    ecommpay_sign_in_place(&mut v, "kasir_secret");
    v.to_string()
}

async fn ecp_status(st: &Arc<AppState>, pid: &str) -> Value {
    let q = signed(json!({"general":{"project_id":4242,"payment_id":pid}}));
    send(st, "POST", "/v2/payment/status", None, None, &q, &[])
        .await
        .1
}

/// Every callback the sandbox queued, oldest first.
fn queued_callbacks(st: &AppState) -> Vec<Value> {
    st.store
        .tx(|c| {
            let mut q =
                c.prepare("SELECT body FROM outbox WHERE kind = 'ecommpay.callback' ORDER BY seq")?;
            let rows = q.query_map([], |r| r.get::<_, String>(0))?;
            let mut out = Vec::new();
            for r in rows {
                out.push(serde_json::from_str(&r?).unwrap());
            }
            Ok::<_, kasir_sandbox::store::StoreError>(out)
        })
        .unwrap()
}

/// Create one pending payment of every kind; returns their ids.
async fn pending_everywhere(st: &Arc<AppState>) -> [String; 6] {
    let (_, qr) = json(
        st,
        "POST",
        "/charges",
        OPN_SK,
        json!({"amount":40000,"currency":"THB","source":{"type":"truemoney_qr"}}),
    )
    .await;
    let (_, redirect) = json(st, "POST", "/charges", OPN_SK, json!({"amount":40000,"currency":"THB",
        "source":{"type":"truemoney","phone_number":"0812345678"},"return_uri":"http://shop.test/back"})).await;
    let (_, pi) = json(
        st,
        "POST",
        "/v1/payment_intents",
        WP_SK,
        json!({"amount":25000,"currency":"THB",
        "confirm":true,"return_url":"http://shop.test/back"}),
    )
    .await;
    assert_eq!(pi["status"], "requires_action", "{pi}");
    let (_, cs) = json(st, "POST", "/v1/checkout/sessions", WP_SK, json!({"mode":"payment","success_url":"http://shop.test/ok",
        "line_items":[{"price_data":{"currency":"THB","unit_amount":18000,"product_data":{"name":"a"}},"quantity":1}]})).await;
    let sale = signed(
        json!({"general":{"project_id":4242,"payment_id":"exp-gate","merchant_callback_url":"http://127.0.0.1:9/cb"},
        "payment":{"amount":42000,"currency":"THB"},"customer":{"id":"c","ip_address":"203.0.113.1"}}),
    );
    let (s, v, _) = send(
        st,
        "POST",
        "/v2/payment/wallet/true-money/sale",
        None,
        None,
        &sale,
        &[],
    )
    .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    let mut pp = json!({"project_id":"4242","payment_id":"exp-pp","payment_amount":"35000","payment_currency":"THB",
        "merchant_callback_url":"http://127.0.0.1:9/cb"});
    pp["signature"] = json!(ecommpay_sign(&pp, "kasir_secret"));
    let qs = serde_urlencoded::to_string(
        pp.as_object()
            .unwrap()
            .iter()
            .map(|(k, v)| (k.clone(), v.as_str().unwrap().to_string()))
            .collect::<Vec<_>>(),
    )
    .unwrap();
    assert_eq!(
        send(st, "GET", &format!("/payment?{qs}"), None, None, "", &[])
            .await
            .0,
        StatusCode::OK
    );
    let id = |v: &Value| v["id"].as_str().unwrap().to_string();
    [
        id(&qr),
        id(&redirect),
        id(&pi),
        id(&cs),
        "exp-gate".into(),
        "exp-pp".into(),
    ]
}

/// What broke: ecommpay payments never expired in the sandbox (and WooshPay intents had no
/// expiry at all). With `--expiry-secs 1` every unpaid payment ends within a second or two.
#[tokio::test]
async fn every_psps_unpaid_payment_ends_after_expiry_secs() {
    let st = state_expiring(&["--expiry-secs", "1"]);
    let [qr, redirect, pi, cs, gate, pp] = pending_everywhere(&st).await;
    kasir_sandbox::timers::fire_timers(&st);
    assert_eq!(
        ecp_status(&st, &gate).await["payment"]["status"],
        "awaiting redirect result"
    );
    tokio::time::sleep(Duration::from_millis(1100)).await;
    kasir_sandbox::timers::fire_timers(&st);
    for ch in [&qr, &redirect] {
        let (_, v) = json(&st, "GET", &format!("/charges/{ch}"), OPN_SK, json!({})).await;
        assert_eq!(
            (v["status"].as_str(), v["expired"].as_bool()),
            (Some("expired"), Some(true)),
            "{v}"
        );
    }
    let (_, v) = json(
        &st,
        "GET",
        &format!("/v1/payment_intents/{pi}"),
        WP_SK,
        json!({}),
    )
    .await;
    assert_eq!(
        (v["status"].as_str(), v["cancellation_reason"].as_str()),
        (Some("canceled"), Some("automatic")),
        "{v}"
    );
    let (_, v) = json(
        &st,
        "GET",
        &format!("/v1/checkout/sessions/{cs}"),
        WP_SK,
        json!({}),
    )
    .await;
    assert_eq!(v["status"], "expired", "{v}");
    let (_, v) = json(
        &st,
        "GET",
        &format!(
            "/v1/payment_intents/{}",
            v["payment_intent"].as_str().unwrap()
        ),
        WP_SK,
        json!({}),
    )
    .await;
    assert_eq!(v["status"], "canceled", "{v}");
    for pid in [&gate, &pp] {
        assert_eq!(
            ecp_status(&st, pid).await["payment"]["status"],
            "expired",
            "{pid}"
        );
    }
    // Each ecommpay payment's final callback, signed, went to the merchant.
    let finals: Vec<Value> = queued_callbacks(&st)
        .into_iter()
        .filter(|cb| cb["payment"]["status"] == "expired")
        .collect();
    assert_eq!(finals.len(), 2, "{finals:?}");
    for cb in &finals {
        assert_eq!(cb["operation"]["status"], "expired");
        assert!(ecommpay_verify(cb, "kasir_secret").is_ok());
    }
    // An expired payment cannot be paid afterwards.
    let (s, _) = json(
        &st,
        "POST",
        &format!("/_sandbox/charges/{gate}/mark"),
        OPN_SK,
        json!({"status":"successful"}),
    )
    .await;
    assert_eq!(s, StatusCode::CONFLICT);
}

#[tokio::test]
async fn qr_expiry_secs_is_the_old_name_of_expiry_secs() {
    let st = state_expiring(&["--qr-expiry-secs", "1"]);
    let [qr, redirect, pi, ..] = pending_everywhere(&st).await;
    tokio::time::sleep(Duration::from_millis(1100)).await;
    kasir_sandbox::timers::fire_timers(&st);
    for ch in [&qr, &redirect] {
        let (_, v) = json(&st, "GET", &format!("/charges/{ch}"), OPN_SK, json!({})).await;
        assert_eq!(v["status"], "expired", "{v}");
    }
    let (_, v) = json(
        &st,
        "GET",
        &format!("/v1/payment_intents/{pi}"),
        WP_SK,
        json!({}),
    )
    .await;
    assert_eq!(v["status"], "canceled", "{v}");
}

#[tokio::test]
async fn without_expiry_secs_each_psp_keeps_its_default() {
    let st = state();
    let before = kasir_sandbox::store::now_ms();
    let [qr, redirect, _, cs, ..] = pending_everywhere(&st).await;
    let ms = |v: &Value| {
        kasir_core::time::parse_rfc3339_ms(v["expires_at"].as_str().unwrap()).unwrap() - before
    };
    let (_, v) = json(&st, "GET", &format!("/charges/{qr}"), OPN_SK, json!({})).await;
    assert!((599_000..605_000).contains(&ms(&v)), "QR: {v}");
    let (_, v) = json(
        &st,
        "GET",
        &format!("/charges/{redirect}"),
        OPN_SK,
        json!({}),
    )
    .await;
    assert!((86_399_000..86_405_000).contains(&ms(&v)), "redirect: {v}");
    let (_, v) = json(
        &st,
        "GET",
        &format!("/v1/checkout/sessions/{cs}"),
        WP_SK,
        json!({}),
    )
    .await;
    let left = v["expires_at"].as_i64().unwrap() - before;
    assert!((86_400_000..86_405_000).contains(&left), "session: {v}");
    for bad in [
        ["--expiry-secs", "0"],
        ["--expiry-secs", "-5"],
        ["--qr-expiry-secs", "99999999999999"],
    ] {
        assert!(
            Config::try_parse_from(["kasir-sandbox", bad[0], bad[1]]).is_err(),
            "{bad:?}"
        );
    }
}
