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
/// browser decided the price. The order decides; anything else is refused and creates nothing at
/// the PSP.
#[tokio::test]
async fn the_shop_charges_the_order_not_what_the_browser_posts() {
    let st = state();
    for (n, (path, order, amount, currency)) in CREATES.iter().enumerate() {
        let pid = format!("tamper-{n}");
        let base = json!({"method": if order.contains("akulaku") { "akulaku" } else { "truemoney" },
            "returnUrl":"http://shop.test/r","idempotencyKey":pid,"shopper":{"phone":"0812345678"}});
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

/// What broke: a request without `orderId` was priced from the request ("test mode"), so the
/// browser still decided the price. Now every request without a known order — no `orderId`, a
/// null or empty one — is `404 unknown_order` at every create endpoint, and no PSP object exists.
#[tokio::test]
async fn a_shop_request_without_a_known_order_is_a_404_and_creates_nothing() {
    let st = state();
    for (n, (path, order, amount, currency)) in CREATES.iter().enumerate() {
        let pid = format!("no-order-{n}");
        let method = if order.contains("akulaku") {
            "akulaku"
        } else {
            "truemoney"
        };
        let before = psp_objects(&st, &pid).await;
        for body in [
            json!({"method":method,"amount":amount,"currency":currency,"idempotencyKey":pid}),
            json!({"method":method,"amount":amount * 10,"currency":currency,"idempotencyKey":pid}),
            json!({"method":method,"amount":amount,"currency":currency,"orderId":null,"idempotencyKey":pid}),
            json!({"method":method,"amount":amount,"currency":currency,"orderId":"","idempotencyKey":pid}),
            json!({"idempotencyKey":pid}),
        ] {
            let (s, v) = post(&st, path, body.clone()).await;
            assert_eq!(
                (s, v["code"].as_str()),
                (StatusCode::NOT_FOUND, Some("unknown_order")),
                "{path} {body}: {v}"
            );
            assert!(v["error"].is_string(), "{v}");
        }
        assert_eq!(
            psp_objects(&st, &pid).await,
            before,
            "{path}: a request without an order created a PSP object"
        );
    }
    assert_eq!(psp_objects(&st, "").await, (0, 0, 0, false));
}

async fn create_order(st: &Arc<AppState>, body: &str) -> (StatusCode, Value) {
    let (s, v, _) = send(
        st,
        "POST",
        "/_sandbox/orders",
        None,
        Some("application/json"),
        body,
        &[],
    )
    .await;
    (s, v)
}

async fn listed(st: &Arc<AppState>) -> Vec<Value> {
    let (s, v, _) = send(st, "GET", "/shop/api/orders", None, None, "", &[]).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    v.as_array().unwrap().clone()
}

/// The test control `POST /_sandbox/orders` (a stand-in for the merchant's own checkout)
/// creates an order with every method the provider offers in the currency (or those asked
/// for); it is listed after the seed orders and the shop prices payments from it.
#[tokio::test]
async fn created_orders_are_listed_after_the_seed_and_price_the_payment() {
    let st = state();
    let (s, o) = create_order(
        &st,
        r#"{"amount":400000,"currency":"thb","provider":"omise"}"#,
    )
    .await;
    assert_eq!(s, StatusCode::CREATED, "{o}");
    let offered: Vec<&str> = kasir_core::catalogue::offers_of(kasir_core::catalogue::Psp::Omise)
        .filter(|r| r.currency == kasir_core::money::Currency::THB)
        .map(|r| r.method.as_str())
        .collect();
    assert!(offered.contains(&"truemoney_qr"), "{offered:?}");
    let id = o["id"].as_str().unwrap().to_string();
    assert!(!id.is_empty() && !id.starts_with("demo-"), "{id}");
    assert_eq!(
        o,
        json!({"id":id,"amount":400000,"currency":"THB","provider":"omise","methods":offered})
    );
    let (s, ak) = create_order(
        &st,
        r#"{"amount":150000000,"currency":"IDR","provider":"wooshpay","methods":["akulaku"]}"#,
    )
    .await;
    assert_eq!(s, StatusCode::CREATED, "{ak}");
    assert_eq!(ak["methods"], json!(["akulaku"]));
    let all = listed(&st).await;
    let seeds = kasir_sandbox::shop::flows::FLOWS.len();
    assert_eq!(all.len(), seeds + 2);
    assert_eq!(all[0]["id"], "demo-opn-qr");
    assert_eq!(
        (&all[seeds], &all[seeds + 1]),
        (&o, &ak),
        "after the seed, in order"
    );

    let pay = |body: Value| post(&st, "/shop/api/omise/charges", body);
    let (s, ch) =
        pay(json!({"orderId":id,"method":"truemoney_qr","amount":400000,"currency":"THB"})).await;
    assert_eq!((s, &ch["amount"]), (StatusCode::OK, &json!(400000)), "{ch}");
    let (s, ch) = pay(
        json!({"orderId":id,"method":"truemoney","returnUrl":"http://shop.test/r",
            "shopper":{"phone":"0812345678"}}),
    )
    .await;
    assert_eq!((s, &ch["amount"]), (StatusCode::OK, &json!(400000)), "{ch}");
    let (s, v) =
        pay(json!({"orderId":id,"method":"truemoney_qr","amount":1,"currency":"THB"})).await;
    assert_eq!(
        (s, v["code"].as_str()),
        (StatusCode::CONFLICT, Some("amount_mismatch")),
        "{v}"
    );
    // another PSP's order is unknown to this backend
    let (s, v) = pay(json!({"orderId":ak["id"],"amount":150000000,"currency":"IDR"})).await;
    assert_eq!(
        (s, v["code"].as_str()),
        (StatusCode::NOT_FOUND, Some("unknown_order")),
        "{v}"
    );
    let (s, v) = post(
        &st,
        "/shop/api/wooshpay/payment_intents",
        json!({"orderId":ak["id"],"method":"akulaku"}),
    )
    .await;
    assert_eq!(
        (s, &v["amount"]),
        (StatusCode::OK, &json!(150000000)),
        "{v}"
    );

    // merchant pages on another origin create their order: CORS
    let (s, _, h) = send(
        &st,
        "OPTIONS",
        "/_sandbox/orders",
        None,
        None,
        "",
        &[
            ("origin", "http://e2e.test"),
            ("access-control-request-method", "POST"),
            ("access-control-request-headers", "content-type"),
        ],
    )
    .await;
    assert!(s.is_success(), "{s}");
    assert_eq!(h["access-control-allow-origin"], "http://e2e.test");
}

/// Bad input to `POST /_sandbox/orders` is a 400 with a named code, and nothing is stored.
#[tokio::test]
async fn a_bad_order_is_a_400_with_a_named_code_and_nothing_is_stored() {
    let st = state();
    for (body, code) in [
        ("", "bad_request"),
        ("not json", "bad_request"),
        ("[1]", "bad_request"),
        (r#"{"currency":"THB","provider":"omise"}"#, "invalid_amount"),
        (
            r#"{"amount":0,"currency":"THB","provider":"omise"}"#,
            "invalid_amount",
        ),
        (
            r#"{"amount":-5,"currency":"THB","provider":"omise"}"#,
            "invalid_amount",
        ),
        (
            r#"{"amount":"100","currency":"THB","provider":"omise"}"#,
            "invalid_amount",
        ),
        (
            r#"{"amount":1.5,"currency":"THB","provider":"omise"}"#,
            "invalid_amount",
        ),
        (r#"{"amount":100,"provider":"omise"}"#, "invalid_currency"),
        (
            r#"{"amount":100,"currency":"XXX","provider":"omise"}"#,
            "invalid_currency",
        ),
        // ecommpay offers nothing in IDR
        (
            r#"{"amount":100,"currency":"IDR","provider":"ecommpay"}"#,
            "invalid_currency",
        ),
        (r#"{"amount":100,"currency":"THB"}"#, "invalid_provider"),
        (
            r#"{"amount":100,"currency":"THB","provider":"stripe"}"#,
            "invalid_provider",
        ),
        (
            r#"{"amount":100,"currency":"THB","provider":"omise","methods":[]}"#,
            "invalid_methods",
        ),
        (
            r#"{"amount":100,"currency":"THB","provider":"omise","methods":"truemoney"}"#,
            "invalid_methods",
        ),
        (
            r#"{"amount":100,"currency":"THB","provider":"omise","methods":[1]}"#,
            "invalid_methods",
        ),
        (
            r#"{"amount":100,"currency":"THB","provider":"omise","methods":["bitcoin"]}"#,
            "invalid_methods",
        ),
        (
            r#"{"amount":100,"currency":"THB","provider":"omise","methods":["paynow"]}"#,
            "invalid_methods",
        ),
        (
            r#"{"amount":100,"currency":"THB","provider":"omise","methods":["truemoney","truemoney"]}"#,
            "invalid_methods",
        ),
        (
            r#"{"amount":100,"currency":"THB","provider":"omise","id":"demo-x"}"#,
            "unknown_field",
        ),
    ] {
        let (s, v) = create_order(&st, body).await;
        assert_eq!(
            (s, v["code"].as_str()),
            (StatusCode::BAD_REQUEST, Some(code)),
            "{body}: {v}"
        );
        assert!(v["error"].is_string(), "{v}");
    }
    assert_eq!(
        listed(&st).await.len(),
        kasir_sandbox::shop::flows::FLOWS.len()
    );
}

/// Created orders are kept in the store: they outlive a restart, and a database from before
/// the `orders` table gains it on open.
#[tokio::test]
async fn orders_outlive_a_restart_and_an_older_database_gains_the_table() {
    use kasir_sandbox::{store::Store, Config};
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("old.db");
    {
        let c = rusqlite::Connection::open(&db).unwrap();
        c.execute_batch(
            "CREATE TABLE objects (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE,
             kind TEXT NOT NULL, json TEXT NOT NULL, created INTEGER NOT NULL);",
        )
        .unwrap();
    }
    let open = || {
        AppState::new(
            Config {
                no_shop_webhooks: true,
                ..Config::default()
            },
            Store::open(&db, false).unwrap(),
            "http://127.0.0.1:9",
        )
    };
    let st = open();
    let (s, o) = create_order(
        &st,
        r#"{"amount":4200,"currency":"THB","provider":"wooshpay"}"#,
    )
    .await;
    assert_eq!(s, StatusCode::CREATED, "{o}");
    drop(st);
    let st = open();
    let all = listed(&st).await;
    assert_eq!(all.last(), Some(&o), "{all:?}");
    let (s, v) = post(
        &st,
        "/shop/api/wooshpay/payment_intents",
        json!({"orderId":o["id"],"method":"truemoney","returnUrl":"http://shop.test/r"}),
    )
    .await;
    assert_eq!((s, &v["amount"]), (StatusCode::OK, &json!(4200)), "{v}");
}
