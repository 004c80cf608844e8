//! WooshPay and ecommpay emulators, webhook and callback delivery.

mod common;
use axum::http::StatusCode;
use common::*;
use kasir_core::signature::{ecommpay_sign_in_place, ecommpay_verify};
use serde_json::{json, Value};

const SK: &str = "sk_test_kasir";
const PK: &str = "pk_test_kasir";

#[tokio::test]
async fn wooshpay_intent_confirm_decline_then_succeed() {
    let st = state();
    let form = "amount=25000&currency=THB&payment_method_types[0]=truemoney&payment_method_options[truemoney][terminal_type]=WEB&return_url=http%3A%2F%2Fshop.test%2Fback";
    let (s, pi, _) = send(
        &st,
        "POST",
        "/v1/payment_intents",
        Some(&format!("Bearer {SK}")),
        Some("application/x-www-form-urlencoded"),
        form,
        &[],
    )
    .await;
    assert_eq!(s, StatusCode::OK, "{pi}");
    let id = pi["id"].as_str().unwrap();
    assert!(id.starts_with("pi_") && id[3..].chars().all(|c| c.is_ascii_digit()));
    let secret = pi["client_secret"].as_str().unwrap();
    assert!(secret.starts_with(&format!("{id}_secret_")) && secret.len() == id.len() + 8 + 24);
    assert_eq!(pi["status"], "requires_payment_method");
    assert_eq!(
        pi["payment_method_options"]["truemoney"]["terminal_type"],
        "WEB"
    );
    assert!(pi["created"].as_i64().unwrap() > 1_600_000_000_000);

    // Publishable key: retrieve needs the client secret; confirm from the browser.
    let (s, e, _) = send(
        &st,
        "GET",
        &format!("/v1/payment_intents/{id}"),
        Some(&basic(PK)),
        None,
        "",
        &[],
    )
    .await;
    assert_eq!(s, StatusCode::BAD_REQUEST, "{e}");
    let (s, _, _) = send(
        &st,
        "GET",
        &format!("/v1/payment_intents/{id}?client_secret={secret}"),
        Some(&basic(PK)),
        None,
        "",
        &[],
    )
    .await;
    assert_eq!(s, StatusCode::OK);
    let (s, e) = json(
        &st,
        "POST",
        "/v1/payment_intents",
        PK,
        json!({"amount":100,"currency":"THB"}),
    )
    .await;
    assert_eq!(
        (s, e["error"]["code"].as_str()),
        (StatusCode::UNAUTHORIZED, Some("api_key_invalid"))
    );
    let (s, c) = json(
        &st,
        "POST",
        &format!("/v1/payment_intents/{id}/confirm"),
        PK,
        json!({"client_secret": secret}),
    )
    .await;
    assert_eq!(s, StatusCode::OK, "{c}");
    assert_eq!(c["status"], "requires_action");
    assert_eq!(c["next_action"]["type"], "truemoney_handle_redirect");
    let url = c["next_action"]["truemoney_handle_redirect"]["url"]
        .as_str()
        .unwrap();
    assert_eq!(url, format!("http://sandbox.test/pay/{id}"));

    let (s, _, h) = send(
        &st,
        "POST",
        &format!("/pay/{id}"),
        None,
        Some("application/x-www-form-urlencoded"),
        "action=decline",
        &[],
    )
    .await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    assert!(h["location"]
        .to_str()
        .unwrap()
        .starts_with(&format!("http://shop.test/back?payment_intent={id}")));
    let (_, got) = json(
        &st,
        "GET",
        &format!("/v1/payment_intents/{id}"),
        SK,
        json!({}),
    )
    .await;
    assert_eq!(got["status"], "requires_payment_method");
    assert_eq!(got["last_payment_error"]["code"], "payment_failed");

    json(
        &st,
        "POST",
        &format!("/v1/payment_intents/{id}/confirm"),
        SK,
        json!({}),
    )
    .await;
    let (s, _, _) = send(
        &st,
        "POST",
        &format!("/_sandbox/charges/{id}/mark"),
        None,
        None,
        r#"{"status":"successful"}"#,
        &[],
    )
    .await;
    assert_eq!(s, StatusCode::OK);
    let (_, got) = json(
        &st,
        "GET",
        &format!("/v1/payment_intents/{id}"),
        SK,
        json!({}),
    )
    .await;
    assert_eq!(got["status"], "succeeded");
    let (s, e) = json(
        &st,
        "POST",
        &format!("/v1/payment_intents/{id}/cancel"),
        SK,
        json!({}),
    )
    .await;
    assert_eq!(
        (s, e["error"]["code"].as_str()),
        (
            StatusCode::BAD_REQUEST,
            Some("payment_intent_unexpected_state")
        )
    );
    let (s, r) = json(
        &st,
        "POST",
        "/v1/refunds",
        SK,
        json!({"payment_intent": id, "amount": 1000}),
    )
    .await;
    assert_eq!(
        (s, r["status"].as_str()),
        (StatusCode::OK, Some("succeeded"))
    );
    let (s, e) = json(
        &st,
        "POST",
        "/v1/refunds",
        SK,
        json!({"payment_intent": id, "amount": 1000}),
    )
    .await;
    assert_eq!(
        (s, e["error"]["code"].as_str()),
        (StatusCode::BAD_REQUEST, Some("refund_not_allowed"))
    );
}

#[tokio::test]
async fn wooshpay_errors_idempotency_and_cors() {
    let st = state();
    for (body, code) in [
        (
            json!({"amount":1000001,"currency":"THB","payment_method_types":["truemoney"]}),
            "amount_too_large",
        ),
        (
            json!({"amount":1000,"currency":"USD","payment_method_types":["truemoney"]}),
            "payment_method_currency_mismatch",
        ),
        (
            json!({"amount":1000,"currency":"THB","payment_method_types":["bitcoin"]}),
            "payment_method_type_invalid",
        ),
        (
            json!({"amount":"ten","currency":"THB"}),
            "parameter_invalid_integer",
        ),
        (json!({"currency":"THB"}), "parameter_missing"),
        (
            json!({"amount":1000,"currency":"THB","payment_method_options":{"truemoney":{"terminal_type":"TV"}}}),
            "parameter_invalid",
        ),
    ] {
        let (s, e) = json(&st, "POST", "/v1/payment_intents", SK, body.clone()).await;
        assert_eq!(s, StatusCode::BAD_REQUEST, "{body}");
        assert_eq!(e["error"]["type"], "invalid_request_error");
        assert_eq!(e["error"]["code"], code, "{body}");
    }
    let b = json!({"amount":1000,"currency":"THB"}).to_string();
    let k = [("idempotency-key", "w1")];
    let a = send(
        &st,
        "POST",
        "/v1/payment_intents",
        Some(&basic(SK)),
        Some("application/json"),
        &b,
        &k,
    )
    .await;
    let a2 = send(
        &st,
        "POST",
        "/v1/payment_intents",
        Some(&basic(SK)),
        Some("application/json"),
        &b,
        &k,
    )
    .await;
    assert_eq!(a.1["id"], a2.1["id"]);
    let c = send(
        &st,
        "POST",
        "/v1/payment_intents",
        Some(&basic(SK)),
        Some("application/json"),
        &b.replace("1000", "1001"),
        &k,
    )
    .await;
    assert_eq!(
        (c.0, c.1["error"]["type"].as_str()),
        (StatusCode::BAD_REQUEST, Some("idempotency_error"))
    );
    let (_, l) = json(&st, "GET", "/v1/payment_intents", SK, json!({})).await;
    assert_eq!(l["data"].as_array().unwrap().len(), 1);

    let pre = [
        ("origin", "http://w.test"),
        ("access-control-request-method", "POST"),
        (
            "access-control-request-headers",
            "authorization,content-type",
        ),
    ];
    let id = a.1["id"].as_str().unwrap();
    let (_, _, h) = send(
        &st,
        "OPTIONS",
        &format!("/v1/payment_intents/{id}/confirm"),
        None,
        None,
        "",
        &pre,
    )
    .await;
    assert_eq!(h["access-control-allow-origin"], "http://w.test");
    let (_, _, h) = send(&st, "OPTIONS", "/v1/payment_intents", None, None, "", &pre).await;
    assert!(h.get("access-control-allow-origin").is_none());
}

#[tokio::test]
async fn wooshpay_checkout_session() {
    let st = state();
    let (s, cs) = json(&st, "POST", "/v1/checkout/sessions", SK, json!({"mode":"payment","success_url":"http://shop.test/ok","cancel_url":"http://shop.test/no",
        "payment_method_types":["truemoney"],"line_items":[{"price_data":{"currency":"THB","unit_amount":2000,"product_data":{"name":"apple"}},"quantity":2}]})).await;
    assert_eq!(s, StatusCode::OK, "{cs}");
    assert_eq!(cs["amount_total"], 4000);
    assert_eq!(cs["status"], "open");
    assert_eq!(cs["payment_status"], "unpaid");
    assert!(cs["expires_at"].as_i64().unwrap() > cs["created"].as_i64().unwrap() + 86_000_000);
    let id = cs["id"].as_str().unwrap();
    assert_eq!(cs["url"], format!("http://sandbox.test/pay/{id}"));
    let (s, _, h) = send(
        &st,
        "POST",
        &format!("/pay/{id}"),
        None,
        Some("application/x-www-form-urlencoded"),
        "action=approve",
        &[],
    )
    .await;
    assert_eq!(
        (s, h["location"].to_str().unwrap()),
        (StatusCode::SEE_OTHER, "http://shop.test/ok")
    );
    let (_, got) = json(
        &st,
        "GET",
        &format!("/v1/checkout/sessions/{id}"),
        SK,
        json!({}),
    )
    .await;
    assert_eq!(
        (got["status"].as_str(), got["payment_status"].as_str()),
        (Some("complete"), Some("paid"))
    );
    let (_, pi) = json(
        &st,
        "GET",
        &format!(
            "/v1/payment_intents/{}",
            got["payment_intent"].as_str().unwrap()
        ),
        SK,
        json!({}),
    )
    .await;
    assert_eq!(pi["status"], "succeeded");
}

fn gate_body(pid: &str, amount: i64, cb: &str) -> Value {
    let mut v = json!({"general":{"project_id":4242,"payment_id":pid,"merchant_callback_url":cb},
        "payment":{"amount":amount,"currency":"THB","description":"test"},"customer":{"id":"c1","ip_address":"203.0.113.5"},
        "return_url":{"success":"http://shop.test/ok","decline":"http://shop.test/fail"}});
    ecommpay_sign_in_place(&mut v, "kasir_secret");
    v
}

#[tokio::test]
async fn ecommpay_gate_errors_and_replay() {
    let st = state();
    let (s, ok, _) = send(
        &st,
        "POST",
        "/v2/payment/wallet/true-money/sale",
        None,
        Some("application/json"),
        &gate_body("o-1", 10000, "http://127.0.0.1:9/cb").to_string(),
        &[],
    )
    .await;
    assert_eq!(s, StatusCode::OK, "{ok}");
    assert_eq!(ok["status"], "success");
    assert_eq!(ok["payment_id"], "o-1");
    assert!(ok["request_id"].as_str().is_some_and(|r| !r.is_empty()));
    let (s, e, _) = send(
        &st,
        "POST",
        "/v2/payment/wallet/true-money/sale",
        None,
        Some("application/json"),
        &gate_body("o-1", 10000, "http://x/cb").to_string(),
        &[],
    )
    .await;
    assert_eq!(
        (s, e["code"].as_str(), e["message"].as_str()),
        (
            StatusCode::BAD_REQUEST,
            Some("3041"),
            Some("Payment ID already exists")
        )
    );
    let mut bad = gate_body("o-2", 10000, "http://x/cb");
    bad["payment"]["amount"] = json!(10001);
    let (_, e, _) = send(
        &st,
        "POST",
        "/v2/payment/wallet/true-money/sale",
        None,
        None,
        &bad.to_string(),
        &[],
    )
    .await;
    assert_eq!(
        (e["status"].as_str(), e["code"].as_str()),
        (Some("error"), Some("1201"))
    );
    let (_, e, _) = send(
        &st,
        "POST",
        "/v2/payment/wallet/true-money/sale",
        None,
        None,
        &gate_body("o-3", 9999, "http://x/cb").to_string(),
        &[],
    )
    .await;
    assert_eq!(e["status"], "error");
    let (_, e, _) = send(
        &st,
        "POST",
        "/v2/payment/wallet/true-money/sale",
        None,
        None,
        "{nope",
        &[],
    )
    .await;
    assert_eq!(e["status"], "error");
    // Status is signed.
    let mut q = json!({"general":{"project_id":4242,"payment_id":"o-1"}});
    ecommpay_sign_in_place(&mut q, "kasir_secret");
    let (s, stv, _) = send(
        &st,
        "POST",
        "/v2/payment/status",
        None,
        None,
        &q.to_string(),
        &[],
    )
    .await;
    assert_eq!(s, StatusCode::OK);
    assert!(ecommpay_verify(&stv, "kasir_secret").is_ok());
    assert_eq!(stv["payment"]["status"], "awaiting redirect result");
}

#[tokio::test]
async fn ecommpay_payment_page_signature() {
    let st = state();
    let mut p = json!({"project_id":"4242","payment_id":"pp 1","payment_amount":"10000","payment_currency":"THB","customer_id":"c1",
        "force_payment_method":"true-money","merchant_success_url":"http://shop.test/ok","close_on_missclick":"1"});
    let sig = kasir_core::signature::ecommpay_sign(&p, "kasir_secret");
    p["signature"] = json!(sig);
    let enc = |s: &str| {
        percent_encoding::utf8_percent_encode(s, percent_encoding::NON_ALPHANUMERIC).to_string()
    };
    let qs: Vec<String> = p
        .as_object()
        .unwrap()
        .iter()
        .map(|(k, v)| {
            let v = if k == "close_on_missclick" {
                "True".to_string()
            } else {
                v.as_str().unwrap().to_string()
            };
            format!("{k}={}", enc(&v).replace("%20", "+"))
        })
        .collect();
    let (s, page, _) = send(
        &st,
        "GET",
        &format!("/payment?{}", qs.join("&")),
        None,
        None,
        "",
        &[],
    )
    .await;
    assert_eq!(s, StatusCode::OK, "{page}");
    assert!(page.as_str().unwrap().contains("value=\"approve\""));
    let tampered = qs
        .join("&")
        .replace("payment_amount=10000", "payment_amount=20000");
    let (s, page, _) = send(
        &st,
        "GET",
        &format!("/payment?{tampered}"),
        None,
        None,
        "",
        &[],
    )
    .await;
    assert_eq!(s, StatusCode::BAD_REQUEST);
    assert!(page.as_str().unwrap().contains("Invalid signature"));
}

/// A real listener: webhooks and callbacks are delivered, signed, to local receivers.
#[tokio::test]
async fn deliveries_reach_local_receivers_signed() {
    use std::sync::{Arc, Mutex};
    let got: Arc<Mutex<Vec<(axum::http::HeaderMap, String)>>> = Arc::default();
    let g = got.clone();
    let fails = Arc::new(std::sync::atomic::AtomicU32::new(1));
    let recv = axum::Router::new().route(
        "/hook",
        axum::routing::post(move |h: axum::http::HeaderMap, b: String| {
            let g = g.clone();
            let fails = fails.clone();
            async move {
                if fails.fetch_sub(1, std::sync::atomic::Ordering::SeqCst) == 1 {
                    return StatusCode::SERVICE_UNAVAILABLE; // first attempt fails: retried
                }
                g.lock().unwrap().push((h, b));
                StatusCode::OK
            }
        }),
    );
    let l = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let hook = format!("http://{}/hook", l.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(l, recv).await.unwrap() });

    let dir = tempfile::tempdir().unwrap();
    let mut cfg = kasir_sandbox::Config {
        addr: "127.0.0.1:0".into(),
        db: dir.path().join("s.db"),
        retry_base_ms: 100,
        ..Default::default()
    };
    cfg.omise.webhook = vec![hook.clone()];
    let (st, listener) = kasir_sandbox::bind(cfg).await.unwrap();
    let base = st.base();
    kasir_sandbox::spawn_workers(&st);
    tokio::spawn(kasir_sandbox::run(st.clone(), listener));
    let http = reqwest::Client::new();
    let ch: Value = http
        .post(format!("{base}/charges"))
        .basic_auth("skey_test_kasir", Some(""))
        .json(&json!({"amount":10000,"currency":"THB","source":{"type":"truemoney_qr"}}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let r: Value = http
        .post(format!("{base}/v2/payment/wallet/true-money/sale"))
        .json(&gate_body("gate-1", 10000, &hook))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(r["status"], "success");
    for _ in 0..50 {
        if got.lock().unwrap().len() >= 2 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let got = got.lock().unwrap().clone();
    let opn = got
        .iter()
        .find(|(h, _)| h.contains_key("omise-signature"))
        .expect("opn webhook");
    let ts = opn.0["omise-signature-timestamp"].to_str().unwrap();
    kasir_core::signature::opn_webhook_verify(
        "a2FzaXJfb21pc2Vfd2ViaG9va19zZWNyZXQ=",
        ts,
        opn.1.as_bytes(),
        opn.0["omise-signature"].to_str().unwrap(),
    )
    .unwrap();
    let ev: Value = serde_json::from_str(&opn.1).unwrap();
    assert_eq!(
        (ev["key"].as_str(), &ev["data"]["id"]),
        (Some("charge.create"), &ch["id"])
    );
    let cb: Value = got
        .iter()
        .find_map(|(_, b)| {
            serde_json::from_str::<Value>(b)
                .ok()
                .filter(|v| v.get("redirect_data").is_some())
        })
        .expect("ecommpay callback");
    assert!(ecommpay_verify(&cb, "kasir_secret").is_ok());
    assert_eq!(cb["payment"]["status"], "awaiting redirect result");
    let rd = &cb["redirect_data"];
    assert_eq!(rd["method"], "POST");
    // The redirect form arrives intact and is recorded.
    let url = rd["url"].as_str().unwrap();
    let form: Vec<(String, String)> = rd["body"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(k, v)| (k.clone(), v.as_str().unwrap().to_string()))
        .collect();
    let resp = http.post(url).form(&form).send().await.unwrap();
    assert_eq!(resp.status(), 200);
    let rec: Value = http
        .get(format!("{base}/_sandbox/received/gate-1"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(rec["fields"], rd["body"]);
    // Approve: a final signed success callback arrives, and the shop saw the Opn webhook too.
    let r = http
        .post(format!("{base}/_sandbox/charges/gate-1/mark"))
        .body(r#"{"status":"successful"}"#)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let hooks: Value = http
        .get(format!("{base}/shop/api/webhooks"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(hooks
        .as_array()
        .unwrap()
        .iter()
        .any(|h| h["psp"] == "omise" && h["body"]["key"] == "charge.create"));
}
