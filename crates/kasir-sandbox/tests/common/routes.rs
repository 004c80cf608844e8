//! Every route of the sandbox (with placeholders for real ids) and the objects that fill them,
//! shared by the robustness and fuzz tests.

use super::*;
use serde_json::json;
use std::sync::Arc;

/// Every route: method and path; `{src}`, `{chrg}`, `{pi}`, `{cs}` are replaced by real ids.
pub const ROUTES: &[(&str, &str)] = &[
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
    ("GET", "/_sandbox/deliveries?state=%ff"),
    ("GET", "/_sandbox/deliveries?state=given_up"),
    ("GET", "/_sandbox"),
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
    ("GET", "/shop/api/orders"),
    ("GET", "/shop/%ff"),
    ("GET", "/?theme=%3Cscript%3E"),
];

/// Real objects, so routes reach past their lookups: `(placeholder, id)`.
pub async fn real_ids(st: &Arc<kasir_sandbox::AppState>) -> Vec<(&'static str, String)> {
    let (_, src) = json(
        st,
        "POST",
        "/sources",
        "pkey_test_kasir",
        json!({"type":"truemoney_qr","amount":40000,"currency":"THB"}),
    )
    .await;
    let (_, ch) = json(
        st,
        "POST",
        "/charges",
        "skey_test_kasir",
        json!({"amount":40000,"currency":"THB","source":{"type":"truemoney_qr"}}),
    )
    .await;
    let (_, pi) = json(
        st,
        "POST",
        "/v1/payment_intents",
        "sk_test_kasir",
        json!({"amount":1000,"currency":"THB"}),
    )
    .await;
    let (_, cs) = json(st, "POST", "/v1/checkout/sessions", "sk_test_kasir", json!({"mode":"payment","success_url":"http://x",
        "line_items":[{"price_data":{"currency":"THB","unit_amount":2000,"product_data":{"name":"a"}},"quantity":1}]})).await;
    let ids = vec![
        ("{src}", &src["id"]),
        ("{chrg}", &ch["id"]),
        ("{pi}", &pi["id"]),
        ("{cs}", &cs["id"]),
    ];
    ids.into_iter()
        .map(|(k, v)| (k, v.as_str().unwrap_or("none").to_string()))
        .collect()
}

/// A route with its placeholders replaced.
pub fn fill(route: &str, ids: &[(&'static str, String)]) -> String {
    ids.iter()
        .fold(route.to_string(), |p, (k, v)| p.replace(k, v))
}
