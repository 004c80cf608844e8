//! The sandbox survives any request: garbage bodies, wrong types, extreme numbers, every
//! content type and credential, on every route, answer 4xx (never 5xx, never a panic), and the
//! server keeps answering.

mod common;
use common::*;
use serde_json::json;

const ROUTES: &[(&str, &str)] = &[
    ("POST", "/sources"),
    ("GET", "/sources/{src}"),
    ("POST", "/charges"),
    ("GET", "/charges"),
    ("GET", "/charges/{chrg}"),
    ("PATCH", "/charges/{chrg}"),
    ("POST", "/charges/{chrg}/expire"),
    ("POST", "/charges/{chrg}/refunds"),
    ("GET", "/charges/{chrg}/refunds"),
    ("GET", "/charges/{chrg}/refunds/rfnd_x"),
    (
        "GET",
        "/charges/{chrg}/documents/docu_x/downloads/0000000000000000",
    ),
    (
        "GET",
        "/events?limit=-1&offset=99999999999999999999&from=x&to=y&order=z",
    ),
    ("GET", "/events/evnt_x"),
    ("GET", "/capability"),
    ("POST", "/_sandbox/omise/charges/{chrg}/funding"),
    ("POST", "/v1/payment_intents"),
    ("GET", "/v1/payment_intents?limit=abc"),
    ("GET", "/v1/payment_intents/{pi}?client_secret=x"),
    ("POST", "/v1/payment_intents/{pi}/confirm"),
    ("POST", "/v1/payment_intents/{pi}/cancel"),
    ("POST", "/v1/refunds"),
    ("GET", "/v1/refunds?payment_intent=x"),
    ("GET", "/v1/refunds/re_x"),
    ("POST", "/v1/checkout/sessions"),
    ("GET", "/v1/checkout/sessions"),
    ("GET", "/v1/checkout/sessions/{cs}"),
    ("POST", "/v1/checkout/sessions/{cs}/expire"),
    ("POST", "/v1/webhook_endpoints"),
    ("GET", "/v1/webhook_endpoints"),
    ("GET", "/payment?project_id=4242&payment_id=x&signature=%%"),
    ("POST", "/v2/payment/wallet/true-money/sale"),
    ("POST", "/v2/payment/wallet/%00/sale"),
    ("POST", "/v2/payment/status"),
    ("POST", "/ecommpay/redirect/x"),
    ("GET", "/ecommpay/redirect/x"),
    ("GET", "/pay/{chrg}"),
    ("POST", "/pay/{chrg}"),
    ("POST", "/_sandbox/charges/{chrg}/mark"),
    ("POST", "/_sandbox/charges/{pi}/mark"),
    ("GET", "/_sandbox/received/x"),
    ("GET", "/_sandbox/outbox"),
    ("POST", "/shop/api/omise/charges"),
    ("GET", "/shop/api/omise/charges?id=../x"),
    ("POST", "/shop/api/wooshpay/payment_intents"),
    ("GET", "/shop/api/wooshpay/payment_intents?id=cs_"),
    ("POST", "/shop/api/wooshpay/checkout_sessions"),
    ("POST", "/shop/api/ecommpay/payment_page"),
    ("POST", "/shop/api/ecommpay/gate"),
    ("GET", "/shop/api/ecommpay/gate?id=x"),
    ("POST", "/shop/api/ecommpay/callback"),
    ("POST", "/shop/api/webhooks/omise"),
    ("POST", "/shop/api/webhooks/wooshpay"),
    ("GET", "/shop/api/webhooks"),
    ("GET", "/shop/%ff"),
    ("GET", "/?theme=%3Cscript%3E"),
];

fn bodies() -> Vec<(Option<&'static str>, String)> {
    let big = i64::MAX;
    let small = i64::MIN;
    let j = Some("application/json");
    let f = Some("application/x-www-form-urlencoded");
    vec![
        (None, String::new()),
        (j, "{".into()),
        (j, "[]".into()),
        (j, "null".into()),
        (j, "\"x\"".into()),
        (j, json!({"amount":big,"currency":"THB","source":{"type":"truemoney_qr"}}).to_string()),
        (j, json!({"amount":small,"currency":"THB","type":"truemoney_qr","status":"successful"}).to_string()),
        (j, json!({"amount":1e300,"currency":["THB"],"source":[1],"metadata":"m","payment_method_types":[null],
            "payment_method_options":{"truemoney":"WEB"},"return_url":5,"confirm":"yes","funding":7}).to_string()),
        (j, json!({"mode":"payment","success_url":"http://x","expires_at":small,"line_items":[{"price_data":
            {"unit_amount":big,"currency":"THB","product_data":{"name":1}},"quantity":1000},{"price_data":{"unit_amount":big,"currency":"THB"}}]}).to_string()),
        (j, json!({"general":{"project_id":4242,"payment_id":"x".repeat(300),"signature":"%%"},"payment":{"amount":"1"}}).to_string()),
        (j, json!({"method":"truemoney","amount":big,"currency":"THB","device":"mobile","idempotencyKey":"../../x",
            "source":{"id":5},"returnUrl":"javascript:alert(1)"}).to_string()),
        (j, json!({"payment":{"id":"x"},"project_id":"p","signature":"x"}).to_string()),
        (f, "a[=1&b]]=2&c[0][x]=1&c[x]=2&amount=9999999999999999999999".into()),
        (f, "action=approve&action=decline".into()),
        (f, "%ff%fe=%00".into()),
        (Some("text/plain"), "\u{0}\u{1f600}".repeat(1000)),
    ]
}

#[tokio::test]
async fn every_route_survives_garbage() {
    let st = state();
    // Real objects, so routes reach past their lookups.
    let (_, src) = json(
        &st,
        "POST",
        "/sources",
        "pkey_test_kasir",
        json!({"type":"truemoney_qr","amount":40000,"currency":"THB"}),
    )
    .await;
    let (_, ch) = json(
        &st,
        "POST",
        "/charges",
        "skey_test_kasir",
        json!({"amount":40000,"currency":"THB","source":{"type":"truemoney_qr"}}),
    )
    .await;
    let (_, pi) = json(
        &st,
        "POST",
        "/v1/payment_intents",
        "sk_test_kasir",
        json!({"amount":1000,"currency":"THB"}),
    )
    .await;
    let (_, cs) = json(&st, "POST", "/v1/checkout/sessions", "sk_test_kasir", json!({"mode":"payment","success_url":"http://x",
        "line_items":[{"price_data":{"currency":"THB","unit_amount":2000,"product_data":{"name":"a"}},"quantity":1}]})).await;
    let ids = [
        ("{src}", &src["id"]),
        ("{chrg}", &ch["id"]),
        ("{pi}", &pi["id"]),
        ("{cs}", &cs["id"]),
    ];
    let auths = [
        None,
        Some(basic("skey_test_kasir")),
        Some(basic("sk_test_kasir")),
        Some("Basic %%%".to_string()),
    ];
    let mut seen = 0;
    for (method, route) in ROUTES {
        let mut path = route.to_string();
        for (k, v) in &ids {
            path = path.replace(k, v.as_str().unwrap());
        }
        for (ctype, body) in bodies() {
            for auth in &auths {
                let (s, v, _) = send(&st, method, &path, auth.as_deref(), ctype, &body, &[]).await;
                assert!(
                    !s.is_server_error(),
                    "{method} {path} {ctype:?} {body:.120} -> {s} {v}"
                );
                seen += 1;
            }
        }
    }
    assert!(seen > 3000);
    let (s, v, _) = send(&st, "GET", "/_sandbox/health", None, None, "", &[]).await;
    assert_eq!((s.as_u16(), v), (200, json!({"status":"ok"})));
}
