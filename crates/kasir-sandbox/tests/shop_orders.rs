//! The demo shop (the reference merchant) keeps its orders on the server and prices every
//! payment from the order the widget names (`orderId`), never from what the browser posts.

mod common;
use axum::http::StatusCode;
use common::*;
use kasir_core::signature::ecommpay_sign_in_place;
use kasir_sandbox::AppState;
use serde_json::{json, Value};
use std::sync::Arc;

/// Each create endpoint with the order of one of its cards.
const CREATES: &[(&str, &str, i64, &str)] = &[
    ("/shop/api/omise/charges", "demo-opn-qr", 40_000, "THB"),
    (
        "/shop/api/wooshpay/payment_intents",
        "demo-wooshpay-akulaku",
        150_000_000,
        "IDR",
    ),
    (
        "/shop/api/wooshpay/checkout_sessions",
        "demo-wooshpay-session",
        18_000,
        "THB",
    ),
    (
        "/shop/api/ecommpay/payment_page",
        "demo-ecommpay-page",
        35_000,
        "THB",
    ),
    (
        "/shop/api/ecommpay/gate",
        "demo-ecommpay-gate",
        42_000,
        "THB",
    ),
];

async fn post(st: &Arc<AppState>, path: &str, body: Value) -> (StatusCode, Value) {
    let (s, v, _) = send(
        st,
        "POST",
        path,
        None,
        Some("application/json"),
        &body.to_string(),
        &[],
    )
    .await;
    (s, v)
}

/// How many PSP objects exist: Opn charges, WooshPay intents and sessions, and whether the
/// ecommpay payment `pid` exists.
async fn psp_objects(st: &Arc<AppState>, pid: &str) -> (i64, usize, usize, bool) {
    let (_, ch) = json(
        st,
        "GET",
        "/charges?limit=100",
        "skey_test_kasir",
        json!({}),
    )
    .await;
    let (_, pi) = json(
        st,
        "GET",
        "/v1/payment_intents?limit=100",
        "sk_test_kasir",
        json!({}),
    )
    .await;
    let (_, cs) = json(
        st,
        "GET",
        "/v1/checkout/sessions?limit=100",
        "sk_test_kasir",
        json!({}),
    )
    .await;
    let mut q = json!({"general":{"project_id":4242,"payment_id":pid}});
    ecommpay_sign_in_place(&mut q, "kasir_secret");
    let (s, _, _) = send(
        st,
        "POST",
        "/v2/payment/status",
        None,
        None,
        &q.to_string(),
        &[],
    )
    .await;
    (
        ch["total"].as_i64().unwrap(),
        pi["data"].as_array().unwrap().len(),
        cs["data"].as_array().unwrap().len(),
        s == StatusCode::OK,
    )
}

#[tokio::test]
async fn the_shop_lists_its_orders_one_per_card() {
    let st = state();
    let (s, orders, _) = send(&st, "GET", "/shop/api/orders", None, None, "", &[]).await;
    assert_eq!(s, StatusCode::OK);
    let orders = orders.as_array().unwrap();
    assert_eq!(orders.len(), kasir_sandbox::shop::flows::FLOWS.len());
    assert_eq!(
        orders[0],
        json!({"id":"demo-opn-qr","amount":40000,"currency":"THB","provider":"omise",
        "methods":["truemoney_qr","truemoney"]})
    );
    let (_, home, _) = send(&st, "GET", "/", None, None, "", &[]).await;
    let home = home.as_str().unwrap();
    for o in orders {
        assert_eq!(
            o.as_object().unwrap().len(),
            5,
            "exactly id, amount, currency, provider, methods: {o}"
        );
        let attr = format!(
            "data-order-id=\"{}\"\n     data-amount=\"{}\"\n     data-currency=\"{}\"",
            o["id"].as_str().unwrap(),
            o["amount"],
            o["currency"].as_str().unwrap()
        );
        assert!(home.contains(&attr), "the card of {o} names its order");
    }
}

/// What broke: the shop passed the request's amount and currency straight to the PSP, so the
/// browser decided the price. With an `orderId` the order decides; anything else is refused and
/// creates nothing at the PSP.
#[tokio::test]
async fn the_shop_charges_the_order_not_what_the_browser_posts() {
    let st = state();
    for (n, (path, order, amount, currency)) in CREATES.iter().enumerate() {
        let pid = format!("tamper-{n}");
        let base = json!({"method": if order.contains("akulaku") { "akulaku" } else { "truemoney" },
            "returnUrl":"http://shop.test/r","idempotencyKey":pid});
        let with = |extra: Value| {
            let mut b = base.clone();
            b.as_object_mut()
                .unwrap()
                .extend(extra.as_object().unwrap().clone());
            b
        };
        let foreign = if path.contains("omise") {
            ("demo-ecommpay-gate", 42_000)
        } else {
            ("demo-opn-qr", 40_000)
        };
        let before = psp_objects(&st, &pid).await;
        for (body, status, code) in [
            (
                with(json!({"orderId":order,"amount":1,"currency":currency})),
                409,
                "amount_mismatch",
            ),
            (
                with(json!({"orderId":order,"amount":amount,"currency":"SGD"})),
                409,
                "amount_mismatch",
            ),
            (
                with(json!({"orderId":"demo-nope","amount":amount,"currency":currency})),
                404,
                "unknown_order",
            ),
            (
                with(json!({"orderId":"","amount":amount,"currency":currency})),
                404,
                "unknown_order",
            ),
            // another PSP's order (at its own price)
            (
                with(json!({"orderId":foreign.0,"amount":foreign.1,"currency":"THB"})),
                404,
                "unknown_order",
            ),
            (
                with(json!({"orderId":order,"method":"shopeepay"})),
                409,
                "method_mismatch",
            ),
        ] {
            let (s, v) = post(&st, path, body.clone()).await;
            assert_eq!(
                (s.as_u16(), v["code"].as_str()),
                (status, Some(code)),
                "{path} {body}: {v}"
            );
            assert!(v["error"].is_string(), "{v}");
        }
        assert_eq!(
            psp_objects(&st, &pid).await,
            before,
            "{path}: a refused request created a PSP object"
        );
        // The order's own price, with or without the amount repeated.
        let (s, v) = post(
            &st,
            path,
            with(json!({"orderId":order,"amount":amount,"currency":currency})),
        )
        .await;
        assert_eq!(s, StatusCode::OK, "{path}: {v}");
        let (s, v2) = post(
            &st,
            path,
            with(json!({"orderId":order,"idempotencyKey":format!("{pid}-b")})),
        )
        .await;
        assert_eq!(s, StatusCode::OK, "{path}: {v2}");
        for v in [&v, &v2] {
            let charged = v["amount"].as_i64().or(v["amount_total"].as_i64());
            if let Some(charged) = charged {
                assert_eq!(charged, *amount, "{path}: {v}");
            }
            if let Some(url) = v["url"].as_str().filter(|u| u.contains("/payment?")) {
                assert!(url.contains(&format!("payment_amount={amount}&")), "{url}");
            }
        }
    }
    let (charges, intents, sessions, _) = psp_objects(&st, "").await;
    // two accepted requests per endpoint; each session has its own intent
    assert_eq!((charges, intents, sessions), (2, 2 + 2, 2));
}

/// Test mode (documented): a request without `orderId` is priced from the request, as the E2E
/// harness's merchant pages need.
#[tokio::test]
async fn without_an_order_id_the_request_is_priced_as_posted_in_test_mode() {
    let st = state();
    let (s, v) = post(
        &st,
        "/shop/api/omise/charges",
        json!({"method":"truemoney_qr","amount":400000,"currency":"THB"}),
    )
    .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert_eq!(v["amount"], 400000);
    let (s, v) = post(
        &st,
        "/shop/api/wooshpay/payment_intents",
        json!({"method":"truemoney","amount":25000,"currency":"THB"}),
    )
    .await;
    assert_eq!((s, &v["amount"]), (StatusCode::OK, &json!(25000)), "{v}");
}
