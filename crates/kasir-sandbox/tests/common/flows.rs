//! Drive every sandbox flow over real HTTP (a bound listener, the workers running, the demo shop
//! receiving the webhooks and callbacks) and collect every JSON answer with the kasir-core wire
//! type it must be: the input of `wire_types.rs` and `shapes.rs`.

use kasir_core::signature::{ecommpay_sign, ecommpay_sign_in_place};
use serde_json::{json, Value};
use std::time::Duration;

const OPN_PK: &str = "pkey_test_kasir";
const OPN_SK: &str = "skey_test_kasir";
const WP_PK: &str = "pk_test_kasir";
const WP_SK: &str = "sk_test_kasir";
const ECP_SECRET: &str = "kasir_secret";

/// One JSON answer of the sandbox (or one delivery it sent).
#[derive(Debug, Clone)]
pub struct Answer {
    /// What was asked (unique per call site).
    pub label: String,
    /// The kasir-core wire type it must deserialize into, e.g. `omise::Charge`.
    pub kind: &'static str,
    /// HTTP status (0 for deliveries).
    pub status: u16,
    /// The body.
    pub body: Value,
}

enum Auth<'a> {
    None,
    Basic(&'a str),
    Bearer(&'a str),
}

enum Body<'a> {
    Empty,
    Json(Value),
    Form(&'a str),
}

struct Driver {
    http: reqwest::Client,
    base: String,
    answers: Vec<Answer>,
}

impl Driver {
    async fn raw(&self, method: &str, path: &str, auth: Auth<'_>, body: Body<'_>) -> (u16, String) {
        let url = if path.starts_with("http") {
            path.to_string()
        } else {
            format!("{}{path}", self.base)
        };
        let mut req = self
            .http
            .request(method.parse().expect("method"), url.as_str());
        req = match auth {
            Auth::None => req,
            Auth::Basic(k) => req.basic_auth(k, Some("")),
            Auth::Bearer(k) => req.bearer_auth(k),
        };
        req = match body {
            Body::Empty => req,
            Body::Json(v) => req.json(&v),
            Body::Form(f) => req
                .header("content-type", "application/x-www-form-urlencoded")
                .body(f.to_string()),
        };
        let resp = req.send().await.unwrap_or_else(|e| panic!("{url}: {e}"));
        let status = resp.status().as_u16();
        (status, resp.text().await.unwrap_or_default())
    }

    async fn call(
        &mut self,
        label: &str,
        kind: &'static str,
        method: &str,
        path: &str,
        auth: Auth<'_>,
        body: Body<'_>,
    ) -> Value {
        let (status, text) = self.raw(method, path, auth, body).await;
        let body: Value = serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("{label}: answer is not JSON ({e}): {text}"));
        self.answers.push(Answer {
            label: label.to_string(),
            kind,
            status,
            body: body.clone(),
        });
        body
    }

    async fn customer(&self, id: &str, action: &str) -> (u16, String) {
        let form = format!("action={action}");
        self.raw("POST", &format!("/pay/{id}"), Auth::None, Body::Form(&form))
            .await
    }
}

fn s(v: &Value, k: &str) -> String {
    v[k].as_str()
        .unwrap_or_else(|| panic!("no {k} in {v}"))
        .to_string()
}

async fn opn(d: &mut Driver) {
    let src = d
        .call(
            "opn source create",
            "omise::Source",
            "POST",
            "/sources",
            Auth::Basic(OPN_PK),
            Body::Json(json!({"type":"truemoney_qr","amount":40000,"currency":"THB"})),
        )
        .await;
    let sid = s(&src, "id");
    d.call(
        "opn source get",
        "omise::Source",
        "GET",
        &format!("/sources/{sid}"),
        Auth::Basic(OPN_SK),
        Body::Empty,
    )
    .await;
    let ch = d
        .call(
            "opn charge create qr",
            "omise::Charge",
            "POST",
            "/charges",
            Auth::Basic(OPN_SK),
            Body::Json(json!({"amount":40000,"currency":"THB","source":sid})),
        )
        .await;
    let cid = s(&ch, "id");
    d.call(
        "opn charge get",
        "omise::Charge",
        "GET",
        &format!("/charges/{cid}"),
        Auth::Basic(OPN_SK),
        Body::Empty,
    )
    .await;
    d.call(
        "opn charge update",
        "omise::Charge",
        "PATCH",
        &format!("/charges/{cid}"),
        Auth::Basic(OPN_SK),
        Body::Json(json!({"description":"order 7","metadata":{"order":"7"}})),
    )
    .await;
    d.call(
        "opn mark successful",
        "omise::Charge",
        "POST",
        &format!("/_sandbox/charges/{cid}/mark"),
        Auth::None,
        Body::Json(json!({"status":"successful"})),
    )
    .await;
    let rf = d
        .call(
            "opn refund create",
            "omise::Refund",
            "POST",
            &format!("/charges/{cid}/refunds"),
            Auth::Basic(OPN_SK),
            Body::Json(json!({"amount":10000,"metadata":{"why":"test"}})),
        )
        .await;
    let rid = s(&rf, "id");
    d.call(
        "opn refund list",
        "omise::List<omise::Refund>",
        "GET",
        &format!("/charges/{cid}/refunds"),
        Auth::Basic(OPN_SK),
        Body::Empty,
    )
    .await;
    d.call(
        "opn refund get",
        "omise::Refund",
        "GET",
        &format!("/charges/{cid}/refunds/{rid}"),
        Auth::Basic(OPN_SK),
        Body::Empty,
    )
    .await;
    d.call(
        "opn charge after refund",
        "omise::Charge",
        "GET",
        &format!("/charges/{cid}"),
        Auth::Basic(OPN_SK),
        Body::Empty,
    )
    .await;
    // Same day: a second partial void is allowed; more than the rest is not.
    d.call(
        "opn refund twice",
        "omise::Refund",
        "POST",
        &format!("/charges/{cid}/refunds"),
        Auth::Basic(OPN_SK),
        Body::Json(json!({"amount":10000})),
    )
    .await;
    d.call(
        "opn refund too much",
        "omise::Error",
        "POST",
        &format!("/charges/{cid}/refunds"),
        Auth::Basic(OPN_SK),
        Body::Json(json!({"amount":1_000_000})),
    )
    .await;

    // Redirect flow, form body, the customer page approves.
    let ch2 = d
        .call("opn charge create redirect", "omise::Charge", "POST", "/charges", Auth::Basic(OPN_SK),
            Body::Form("amount=2000&currency=THB&return_uri=http%3A%2F%2Fshop.test%2Fdone&source%5Btype%5D=truemoney&source%5Bphone_number%5D=0812345678"))
        .await;
    let c2 = s(&ch2, "id");
    assert_eq!(d.customer(&c2, "approve").await.0, 303);
    d.call(
        "opn charge approved",
        "omise::Charge",
        "GET",
        &format!("/charges/{c2}"),
        Auth::Basic(OPN_SK),
        Body::Empty,
    )
    .await;
    // App redirect (jumpapp), declined.
    let ch3 = d
        .call(
            "opn charge create jumpapp",
            "omise::Charge",
            "POST",
            "/charges",
            Auth::Basic(OPN_SK),
            Body::Json(
                json!({"amount":2000,"currency":"THB","return_uri":"http://shop.test/done",
                "source":{"type":"truemoney_jumpapp","platform_type":"IOS"}}),
            ),
        )
        .await;
    let c3 = s(&ch3, "id");
    d.call(
        "opn mark failed",
        "omise::Charge",
        "POST",
        &format!("/_sandbox/charges/{c3}/mark"),
        Auth::None,
        Body::Json(json!({"status":"failed"})),
    )
    .await;
    // PromptPay QR, expired through the API.
    let ch4 = d
        .call(
            "opn charge create promptpay",
            "omise::Charge",
            "POST",
            "/charges",
            Auth::Basic(OPN_SK),
            Body::Json(json!({"amount":2000,"currency":"THB","source":{"type":"promptpay"}})),
        )
        .await;
    let c4 = s(&ch4, "id");
    d.call(
        "opn charge expire",
        "omise::Charge",
        "POST",
        &format!("/charges/{c4}/expire"),
        Auth::Basic(OPN_SK),
        Body::Empty,
    )
    .await;
    d.call(
        "opn charge expire again",
        "omise::Error",
        "POST",
        &format!("/charges/{c4}/expire"),
        Auth::Basic(OPN_SK),
        Body::Empty,
    )
    .await;
    d.call(
        "opn charge list",
        "omise::List<omise::Charge>",
        "GET",
        "/charges?limit=3&order=reverse_chronological",
        Auth::Basic(OPN_SK),
        Body::Empty,
    )
    .await;
    let evs = d
        .call(
            "opn event list",
            "omise::List<omise::Event>",
            "GET",
            "/events?limit=100",
            Auth::Basic(OPN_SK),
            Body::Empty,
        )
        .await;
    let eid = s(&evs["data"][0], "id");
    d.call(
        "opn event get",
        "omise::Event",
        "GET",
        &format!("/events/{eid}"),
        Auth::Basic(OPN_SK),
        Body::Empty,
    )
    .await;
    d.call(
        "opn capability",
        "omise::Capability",
        "GET",
        "/capability",
        Auth::Basic(OPN_PK),
        Body::Empty,
    )
    .await;
    // Errors.
    d.call(
        "opn error unauthorized",
        "omise::Error",
        "POST",
        "/charges",
        Auth::Basic(OPN_PK),
        Body::Json(json!({"amount":40000,"currency":"THB","source":{"type":"truemoney_qr"}})),
    )
    .await;
    d.call(
        "opn error not found",
        "omise::Error",
        "GET",
        "/charges/chrg_test_nope",
        Auth::Basic(OPN_SK),
        Body::Empty,
    )
    .await;
    d.call(
        "opn error limit",
        "omise::Error",
        "POST",
        "/charges",
        Auth::Basic(OPN_SK),
        Body::Json(json!({"amount":100,"currency":"THB","source":{"type":"truemoney_qr"}})),
    )
    .await;
    d.call(
        "opn error malformed",
        "omise::Error",
        "POST",
        "/charges",
        Auth::Basic(OPN_SK),
        Body::Form("%%%"),
    )
    .await;
    // The demo shop as the merchant server.
    let src2 = d
        .call(
            "opn source for shop",
            "omise::Source",
            "POST",
            "/sources",
            Auth::Basic(OPN_PK),
            Body::Json(json!({"type":"truemoney_qr","amount":40000,"currency":"THB"})),
        )
        .await;
    let shop = d
        .call("shop opn charge", "omise::Charge", "POST", "/shop/api/omise/charges", Auth::None,
            Body::Json(json!({"provider":"omise","method":"truemoney_qr","amount":40000,"currency":"THB","orderId":"demo-opn-qr",
                "source":src2,"returnUrl":"http://shop.test/r","idempotencyKey":"shop-opn-1","device":{"mobile":false}})))
        .await;
    d.call(
        "shop opn charge get",
        "omise::Charge",
        "GET",
        &format!("/shop/api/omise/charges?id={}", s(&shop, "id")),
        Auth::None,
        Body::Empty,
    )
    .await;
    // An order of its own, from the test control (not recorded: a sandbox control, not a PSP answer).
    let (status, order) = d
        .raw(
            "POST",
            "/_sandbox/orders",
            Auth::None,
            Body::Json(json!({"amount":2000,"currency":"THB","provider":"omise"})),
        )
        .await;
    assert_eq!(status, 201, "{order}");
    let order: Value = serde_json::from_str(&order).expect("order");
    d.call("shop opn charge inline", "omise::Charge", "POST", "/shop/api/omise/charges", Auth::None,
        Body::Json(json!({"provider":"omise","method":"truemoney","amount":2000,"currency":"THB","orderId":order["id"],"source":null,
            "returnUrl":"http://shop.test/r","idempotencyKey":"shop-opn-2","device":{"mobile":true,"os":"ios"}})))
        .await;
}

async fn wooshpay(d: &mut Driver) {
    let pi = d
        .call("wp intent create form", "wooshpay::PaymentIntent", "POST", "/v1/payment_intents", Auth::Bearer(WP_SK),
            Body::Form("amount=25000&currency=THB&payment_method_types[0]=truemoney&payment_method_options[truemoney][terminal_type]=WEB&return_url=http%3A%2F%2Fshop.test%2Fback&metadata[order]=9"))
        .await;
    let id = s(&pi, "id");
    let secret = s(&pi, "client_secret");
    d.call(
        "wp intent get pk",
        "wooshpay::PaymentIntent",
        "GET",
        &format!("/v1/payment_intents/{id}?client_secret={secret}"),
        Auth::Basic(WP_PK),
        Body::Empty,
    )
    .await;
    d.call(
        "wp intent confirm pk",
        "wooshpay::PaymentIntent",
        "POST",
        &format!("/v1/payment_intents/{id}/confirm"),
        Auth::Basic(WP_PK),
        Body::Json(json!({"client_secret":secret})),
    )
    .await;
    assert_eq!(d.customer(&id, "decline").await.0, 303);
    d.call(
        "wp intent declined",
        "wooshpay::PaymentIntent",
        "GET",
        &format!("/v1/payment_intents/{id}"),
        Auth::Basic(WP_SK),
        Body::Empty,
    )
    .await;
    d.call(
        "wp intent confirm again",
        "wooshpay::PaymentIntent",
        "POST",
        &format!("/v1/payment_intents/{id}/confirm"),
        Auth::Basic(WP_SK),
        Body::Json(json!({})),
    )
    .await;
    d.call(
        "wp mark successful",
        "wooshpay::PaymentIntent",
        "POST",
        &format!("/_sandbox/charges/{id}/mark"),
        Auth::None,
        Body::Json(json!({"status":"successful"})),
    )
    .await;
    let rf = d
        .call(
            "wp refund create",
            "wooshpay::Refund",
            "POST",
            "/v1/refunds",
            Auth::Basic(WP_SK),
            Body::Json(json!({"payment_intent":id,"amount":1000,"reason":"requested_by_customer"})),
        )
        .await;
    d.call(
        "wp intent refunded",
        "wooshpay::PaymentIntent",
        "GET",
        &format!("/v1/payment_intents/{id}"),
        Auth::Basic(WP_SK),
        Body::Empty,
    )
    .await;
    d.call(
        "wp refund list",
        "wooshpay::List<wooshpay::Refund>",
        "GET",
        &format!("/v1/refunds?payment_intent={id}"),
        Auth::Basic(WP_SK),
        Body::Empty,
    )
    .await;
    d.call(
        "wp refund get",
        "wooshpay::Refund",
        "GET",
        &format!("/v1/refunds/{}", s(&rf, "id")),
        Auth::Basic(WP_SK),
        Body::Empty,
    )
    .await;
    d.call(
        "wp refund twice",
        "wooshpay::ErrorEnvelope",
        "POST",
        "/v1/refunds",
        Auth::Basic(WP_SK),
        Body::Json(json!({"payment_intent":id,"amount":1000})),
    )
    .await;
    let pi2 = d
        .call("wp intent create confirm", "wooshpay::PaymentIntent", "POST", "/v1/payment_intents",
            Auth::Basic(WP_SK), Body::Json(json!({"amount":1000,"currency":"THB","confirm":true,
                "return_url":"http://shop.test/back","payment_method_options":{"truemoney":{"terminal_type":"WAP","os_type":"IOS"}}})))
        .await;
    d.call(
        "wp intent cancel",
        "wooshpay::PaymentIntent",
        "POST",
        &format!("/v1/payment_intents/{}/cancel", s(&pi2, "id")),
        Auth::Basic(WP_SK),
        Body::Json(json!({"cancellation_reason":"abandoned"})),
    )
    .await;
    let ak = d
        .call("wp intent akulaku", "wooshpay::PaymentIntent", "POST", "/v1/payment_intents", Auth::Basic(WP_SK),
            Body::Json(json!({"amount":150000000,"currency":"IDR","payment_method_types":["akulaku"],"confirm":true,
                "return_url":"http://shop.test/back"})))
        .await;
    d.call(
        "wp mark expired",
        "wooshpay::PaymentIntent",
        "POST",
        &format!("/_sandbox/charges/{}/mark", s(&ak, "id")),
        Auth::None,
        Body::Json(json!({"status":"expired"})),
    )
    .await;
    d.call(
        "wp intent list",
        "wooshpay::List<wooshpay::PaymentIntent>",
        "GET",
        "/v1/payment_intents?limit=2",
        Auth::Basic(WP_SK),
        Body::Empty,
    )
    .await;
    // Checkout sessions.
    let items = json!([{"price_data":{"currency":"THB","unit_amount":2000,"product_data":{"name":"apple","description":"red"}},"quantity":2}]);
    let cs = d
        .call("wp session create", "wooshpay::CheckoutSession", "POST", "/v1/checkout/sessions", Auth::Basic(WP_SK),
            Body::Json(json!({"mode":"payment","success_url":"http://shop.test/ok?cs={CHECKOUT_SESSION_ID}",
                "cancel_url":"http://shop.test/no","payment_method_types":["truemoney"],"line_items":items,"metadata":{"o":"1"}})))
        .await;
    let csid = s(&cs, "id");
    d.call(
        "wp session get",
        "wooshpay::CheckoutSession",
        "GET",
        &format!("/v1/checkout/sessions/{csid}"),
        Auth::Basic(WP_SK),
        Body::Empty,
    )
    .await;
    assert_eq!(d.customer(&csid, "approve").await.0, 303);
    d.call(
        "wp session complete",
        "wooshpay::CheckoutSession",
        "GET",
        &format!("/v1/checkout/sessions/{csid}"),
        Auth::Basic(WP_SK),
        Body::Empty,
    )
    .await;
    d.call(
        "wp session intent",
        "wooshpay::PaymentIntent",
        "GET",
        &format!("/v1/payment_intents/{}", s(&cs, "payment_intent")),
        Auth::Basic(WP_SK),
        Body::Empty,
    )
    .await;
    let cs2 = d
        .call(
            "wp session create 2",
            "wooshpay::CheckoutSession",
            "POST",
            "/v1/checkout/sessions",
            Auth::Basic(WP_SK),
            Body::Json(
                json!({"mode":"payment","success_url":"http://shop.test/ok","line_items":items}),
            ),
        )
        .await;
    d.call(
        "wp session expire",
        "wooshpay::CheckoutSession",
        "POST",
        &format!("/v1/checkout/sessions/{}/expire", s(&cs2, "id")),
        Auth::Basic(WP_SK),
        Body::Empty,
    )
    .await;
    let cs3 = d
        .call("wp session create 3", "wooshpay::CheckoutSession", "POST", "/v1/checkout/sessions", Auth::Basic(WP_SK),
            Body::Json(json!({"mode":"payment","success_url":"http://shop.test/ok","cancel_url":"http://shop.test/no","line_items":items})))
        .await;
    d.call(
        "wp session mark failed",
        "wooshpay::CheckoutSession",
        "POST",
        &format!("/_sandbox/charges/{}/mark", s(&cs3, "id")),
        Auth::None,
        Body::Json(json!({"status":"failed"})),
    )
    .await;
    d.call(
        "wp session list",
        "wooshpay::List<wooshpay::CheckoutSession>",
        "GET",
        "/v1/checkout/sessions",
        Auth::Basic(WP_SK),
        Body::Empty,
    )
    .await;
    d.call("wp endpoint create", "wooshpay::WebhookEndpoint", "POST", "/v1/webhook_endpoints", Auth::Basic(WP_SK),
        Body::Json(json!({"url":"http://127.0.0.1:9/hook","enabled_events":["customer.created"],"description":"x"})))
        .await;
    d.call(
        "wp endpoint list",
        "wooshpay::List<wooshpay::WebhookEndpoint>",
        "GET",
        "/v1/webhook_endpoints",
        Auth::Basic(WP_SK),
        Body::Empty,
    )
    .await;
    // Errors.
    d.call(
        "wp error unauthorized",
        "wooshpay::ErrorEnvelope",
        "POST",
        "/v1/payment_intents",
        Auth::Basic(WP_PK),
        Body::Json(json!({"amount":100,"currency":"THB"})),
    )
    .await;
    d.call(
        "wp error limit",
        "wooshpay::ErrorEnvelope",
        "POST",
        "/v1/payment_intents",
        Auth::Basic(WP_SK),
        Body::Json(json!({"amount":1000001,"currency":"THB"})),
    )
    .await;
    d.call(
        "wp error not found",
        "wooshpay::ErrorEnvelope",
        "GET",
        "/v1/payment_intents/pi_1",
        Auth::Basic(WP_SK),
        Body::Empty,
    )
    .await;
    d.call(
        "wp error session not found",
        "wooshpay::ErrorEnvelope",
        "GET",
        "/v1/checkout/sessions/cs_1",
        Auth::Basic(WP_SK),
        Body::Empty,
    )
    .await;
    // The demo shop.
    let shop = d
        .call("shop wp intent", "wooshpay::PaymentIntent", "POST", "/shop/api/wooshpay/payment_intents", Auth::None,
            Body::Json(json!({"provider":"wooshpay","method":"truemoney","amount":25000,"currency":"THB","orderId":"demo-wooshpay-truemoney",
                "returnUrl":"http://shop.test/r","idempotencyKey":"shop-wp-1","device":{"mobile":false,"os":"other"}})))
        .await;
    d.call(
        "shop wp intent get",
        "wooshpay::PaymentIntent",
        "GET",
        &format!("/shop/api/wooshpay/payment_intents?id={}", s(&shop, "id")),
        Auth::None,
        Body::Empty,
    )
    .await;
    d.call("shop wp akulaku", "wooshpay::PaymentIntent", "POST", "/shop/api/wooshpay/payment_intents", Auth::None,
        Body::Json(json!({"provider":"wooshpay","method":"akulaku","amount":150000000,"currency":"IDR","orderId":"demo-wooshpay-akulaku",
            "returnUrl":"http://shop.test/r","idempotencyKey":"shop-wp-2","device":{"mobile":true,"os":"android"}})))
        .await;
    let scs = d
        .call(
            "shop wp session",
            "wooshpay::CheckoutSession",
            "POST",
            "/shop/api/wooshpay/checkout_sessions",
            Auth::None,
            Body::Json(
                json!({"provider":"wooshpay","method":"truemoney","amount":18000,"currency":"THB","orderId":"demo-wooshpay-session",
                "returnUrl":"http://shop.test/r","idempotencyKey":"shop-wp-3"}),
            ),
        )
        .await;
    d.call(
        "shop wp session get",
        "wooshpay::CheckoutSession",
        "GET",
        &format!("/shop/api/wooshpay/payment_intents?id={}", s(&scs, "id")),
        Auth::None,
        Body::Empty,
    )
    .await;
}

fn gate(pid: &str, amount: i64) -> Value {
    let mut v = json!({"general":{"project_id":4242,"payment_id":pid,"merchant_callback_url":"http://127.0.0.1:9/cb"},
        "payment":{"amount":amount,"currency":"THB","description":"test"},"customer":{"id":"c1","ip_address":"203.0.113.5"},
        "return_url":{"success":"http://shop.test/ok","decline":"http://shop.test/fail"}});
    ecommpay_sign_in_place(&mut v, ECP_SECRET);
    v
}

fn status_query(pid: &str) -> Value {
    let mut q = json!({"general":{"project_id":4242,"payment_id":pid}});
    ecommpay_sign_in_place(&mut q, ECP_SECRET);
    q
}

async fn ecommpay(d: &mut Driver) {
    let sale = "/v2/payment/wallet/true-money/sale";
    d.call(
        "ecp gate sale",
        "ecommpay::SyncResponse",
        "POST",
        sale,
        Auth::None,
        Body::Json(gate("g-1", 10000)),
    )
    .await;
    d.call(
        "ecp gate duplicate",
        "ecommpay::SyncResponse",
        "POST",
        sale,
        Auth::None,
        Body::Json(gate("g-1", 10000)),
    )
    .await;
    let mut bad = gate("g-2", 10000);
    bad["payment"]["amount"] = json!(10001);
    d.call(
        "ecp gate bad signature",
        "ecommpay::SyncResponse",
        "POST",
        sale,
        Auth::None,
        Body::Json(bad),
    )
    .await;
    d.call(
        "ecp gate below minimum",
        "ecommpay::SyncResponse",
        "POST",
        sale,
        Auth::None,
        Body::Json(gate("g-3", 9999)),
    )
    .await;
    d.call(
        "ecp gate unknown method",
        "ecommpay::SyncResponse",
        "POST",
        "/v2/payment/wallet/bitcoin/sale",
        Auth::None,
        Body::Json(gate("g-4", 10000)),
    )
    .await;
    d.call(
        "ecp status awaiting",
        "ecommpay::Callback",
        "POST",
        "/v2/payment/status",
        Auth::None,
        Body::Json(status_query("g-1")),
    )
    .await;
    d.call(
        "ecp mark successful",
        "ecommpay::Callback",
        "POST",
        "/_sandbox/charges/g-1/mark",
        Auth::None,
        Body::Json(json!({"status":"successful"})),
    )
    .await;
    d.call(
        "ecp status success",
        "ecommpay::Callback",
        "POST",
        "/v2/payment/status",
        Auth::None,
        Body::Json(status_query("g-1")),
    )
    .await;
    d.call(
        "ecp status unknown",
        "ecommpay::SyncResponse",
        "POST",
        "/v2/payment/status",
        Auth::None,
        Body::Json(status_query("g-404")),
    )
    .await;
    d.call(
        "ecp gate sale 2",
        "ecommpay::SyncResponse",
        "POST",
        sale,
        Auth::None,
        Body::Json(gate("g-5", 10000)),
    )
    .await;
    d.call(
        "ecp mark expired",
        "ecommpay::Callback",
        "POST",
        "/_sandbox/charges/g-5/mark",
        Auth::None,
        Body::Json(json!({"status":"expired"})),
    )
    .await;
    // The Payment Page (HTML), then decline it on the customer page.
    let mut p = json!({"project_id":"4242","payment_id":"pp-1","payment_amount":"10000","payment_currency":"THB",
        "customer_id":"c1","force_payment_method":"true-money","merchant_success_url":"http://shop.test/ok",
        "merchant_fail_url":"http://shop.test/fail","payment_description":"pp"});
    let sig = ecommpay_sign(&p, ECP_SECRET);
    p["signature"] = json!(sig);
    let pairs: Vec<(String, String)> = p
        .as_object()
        .unwrap()
        .iter()
        .map(|(k, v)| (k.clone(), v.as_str().unwrap().to_string()))
        .collect();
    let qs = serde_urlencoded::to_string(&pairs).unwrap();
    let (st, page) = d
        .raw("GET", &format!("/payment?{qs}"), Auth::None, Body::Empty)
        .await;
    assert_eq!(st, 200, "{page}");
    assert_eq!(d.customer("pp-1", "decline").await.0, 303);
    d.call(
        "ecp status pp declined",
        "ecommpay::Callback",
        "POST",
        "/v2/payment/status",
        Auth::None,
        Body::Json(status_query("pp-1")),
    )
    .await;
    // The demo shop.
    let pp = d
        .call(
            "shop ecp payment page",
            "shop::PaymentPage",
            "POST",
            "/shop/api/ecommpay/payment_page",
            Auth::None,
            Body::Json(
                json!({"provider":"ecommpay","method":"truemoney","amount":35000,"currency":"THB","orderId":"demo-ecommpay-page",
                "returnUrl":"http://shop.test/r","idempotencyKey":"shop-ecp-1"}),
            ),
        )
        .await;
    let pp_url = s(&pp, "url");
    let (st, page) = d.raw("GET", &pp_url, Auth::None, Body::Empty).await;
    assert_eq!(st, 200, "{page}");
    d.call(
        "shop ecp payment page pending",
        "ecommpay::SyncResponse",
        "GET",
        "/shop/api/ecommpay/gate?id=shop-ecp-1",
        Auth::None,
        Body::Empty,
    )
    .await;
    d.call(
        "shop ecp gate",
        "ecommpay::SyncResponse",
        "POST",
        "/shop/api/ecommpay/gate",
        Auth::None,
        Body::Json(
            json!({"provider":"ecommpay","method":"truemoney","amount":42000,"currency":"THB","orderId":"demo-ecommpay-gate",
            "returnUrl":"http://shop.test/r","idempotencyKey":"shop-ecp-2"}),
        ),
    )
    .await;
    d.call(
        "shop ecp gate replay",
        "ecommpay::SyncResponse",
        "POST",
        "/shop/api/ecommpay/gate",
        Auth::None,
        Body::Json(
            json!({"provider":"ecommpay","method":"truemoney","amount":42000,"currency":"THB","orderId":"demo-ecommpay-gate",
            "returnUrl":"http://shop.test/r","idempotencyKey":"shop-ecp-2"}),
        ),
    )
    .await;
    // Wait for the intermediate callback to reach the shop.
    for _ in 0..100 {
        let (_, t) = d
            .raw(
                "GET",
                "/shop/api/ecommpay/gate?id=shop-ecp-2",
                Auth::None,
                Body::Empty,
            )
            .await;
        if t.contains("redirect_data") {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    d.call(
        "shop ecp gate callback",
        "ecommpay::Callback",
        "GET",
        "/shop/api/ecommpay/gate?id=shop-ecp-2",
        Auth::None,
        Body::Empty,
    )
    .await;
}

async fn deliveries(d: &mut Driver) {
    // Everything queued for the demo shop's own receivers is delivered.
    for _ in 0..200 {
        let (_, t) = d
            .raw("GET", "/_sandbox/outbox", Auth::None, Body::Empty)
            .await;
        let v: Value = serde_json::from_str(&t).unwrap_or_default();
        let pending = v.as_array().is_none_or(|a| {
            a.iter().any(|o| {
                o["url"].as_str().unwrap_or("").contains("/shop/api/") && o["delivered"] != true
            })
        });
        if !pending {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let (_, t) = d
        .raw("GET", "/shop/api/webhooks", Auth::None, Body::Empty)
        .await;
    let hooks: Value = serde_json::from_str(&t).expect("hooks");
    for h in hooks.as_array().expect("hooks array") {
        assert_eq!(h["verified"], true, "{h}");
        let (kind, what) = match h["psp"].as_str() {
            Some("omise") => ("omise::Event", h["body"]["key"].as_str()),
            Some("wooshpay") => ("wooshpay::Event", h["body"]["type"].as_str()),
            Some("ecommpay") => (
                "ecommpay::Callback",
                h["body"]["payment"]["status"].as_str(),
            ),
            other => panic!("delivery from {other:?}"),
        };
        d.answers.push(Answer {
            label: format!(
                "delivery {} {}",
                h["psp"].as_str().unwrap_or(""),
                what.unwrap_or("")
            ),
            kind,
            status: 0,
            body: h["body"].clone(),
        });
    }
}

/// Start a sandbox on a random port (fresh database, shop webhooks on), drive every flow and
/// return every answer and delivery.
/// Issue 11's shapes: an FPX source (bank, email), an instalment source (term), a PayNow charge
/// (PNG QR) and a QRIS intent (`qris_display_qr_code`).
async fn southeast_asia(d: &mut Driver) {
    d.call(
        "opn source fpx",
        "omise::Source",
        "POST",
        "/sources",
        Auth::Basic(OPN_PK),
        Body::Json(
            json!({"type":"fpx","amount":10000,"currency":"MYR","bank":"cimb","email":"a@b.my"}),
        ),
    )
    .await;
    d.call("opn source installment", "omise::Source", "POST", "/sources", Auth::Basic(OPN_PK),
        Body::Json(json!({"type":"installment_kbank","amount":300000,"currency":"THB","installment_term":3})))
        .await;
    d.call(
        "opn charge paynow",
        "omise::Charge",
        "POST",
        "/charges",
        Auth::Basic(OPN_SK),
        Body::Json(json!({"amount":10000,"currency":"SGD","source":{"type":"paynow"}})),
    )
    .await;
    d.call(
        "opn source error phone",
        "omise::Error",
        "POST",
        "/sources",
        Auth::Basic(OPN_PK),
        Body::Json(json!({"type":"truemoney","amount":2000,"currency":"THB"})),
    )
    .await;
    let pi = d
        .call(
            "wp intent qris",
            "wooshpay::PaymentIntent",
            "POST",
            "/v1/payment_intents",
            Auth::Bearer(WP_SK),
            Body::Form("amount=15000000&currency=IDR&payment_method_types[0]=qris"),
        )
        .await;
    let id = s(&pi, "id");
    d.call(
        "wp intent qris confirm",
        "wooshpay::PaymentIntent",
        "POST",
        &format!("/v1/payment_intents/{id}/confirm"),
        Auth::Bearer(WP_SK),
        Body::Form("payment_method_data[type]=qris"),
    )
    .await;
}

pub async fn drive_every_flow() -> Vec<Answer> {
    let dir = tempfile::tempdir().unwrap();
    let cfg = kasir_sandbox::Config {
        addr: "127.0.0.1:0".into(),
        db: dir.path().join("flows.db"),
        retry_base_ms: 50,
        ..Default::default()
    };
    let (st, listener) = kasir_sandbox::bind(cfg).await.unwrap();
    let base = st.base();
    kasir_sandbox::spawn_workers(&st);
    tokio::spawn(kasir_sandbox::run(st.clone(), listener));
    let mut d = Driver {
        http: reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap(),
        base,
        answers: Vec::new(),
    };
    opn(&mut d).await;
    wooshpay(&mut d).await;
    ecommpay(&mut d).await;
    southeast_asia(&mut d).await;
    deliveries(&mut d).await;
    drop(dir);
    d.answers
}
