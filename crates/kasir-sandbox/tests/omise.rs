//! Opn emulator: sources, charges, QR documents, errors, idempotency, CORS, refunds, events.

mod common;
use axum::http::StatusCode;
use common::*;
use serde_json::json;

const PK: &str = "pkey_test_kasir";
const SK: &str = "skey_test_kasir";

#[tokio::test]
async fn source_then_charge_then_qr_then_mark() {
    let st = state();
    let (s, src) = json(
        &st,
        "POST",
        "/sources",
        PK,
        json!({"type":"truemoney_qr","amount":400000,"currency":"THB"}),
    )
    .await;
    assert_eq!(s, StatusCode::OK, "{src}");
    assert_eq!(src["object"], "source");
    assert_eq!(src["flow"], "offline");
    assert_eq!(src["charge_status"], "unknown");
    assert!(src["id"].as_str().unwrap().starts_with("src_test_"));

    let (s, ch) = json(
        &st,
        "POST",
        "/charges",
        SK,
        json!({"amount":400000,"currency":"THB","source":src["id"]}),
    )
    .await;
    assert_eq!(s, StatusCode::OK, "{ch}");
    assert_eq!(ch["status"], "pending");
    assert_eq!(ch["source"]["charge_status"], "pending");
    let id = ch["id"].as_str().unwrap();
    let uri = ch["source"]["scannable_code"]["image"]["download_uri"]
        .as_str()
        .unwrap();
    assert!(
        uri.starts_with(&format!(
            "http://sandbox.test/charges/{id}/documents/docu_test_"
        )),
        "{uri}"
    );
    let created = kasir_core::time::parse_rfc3339_ms(ch["created_at"].as_str().unwrap()).unwrap();
    let expires = kasir_core::time::parse_rfc3339_ms(ch["expires_at"].as_str().unwrap()).unwrap();
    assert!((expires - created - 600_000).abs() <= 1000);

    // QR image: no credentials; a wrong token is 404.
    let path = uri.trim_start_matches("http://sandbox.test");
    let (s, svg, h) = send(&st, "GET", path, None, None, "", &[]).await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(h["content-type"], "image/svg+xml");
    assert!(svg.as_str().unwrap().contains("<svg"));
    let bad = format!("{}0000000000000000", &path[..path.len() - 16]);
    assert_eq!(
        send(&st, "GET", &bad, None, None, "", &[]).await.0,
        StatusCode::NOT_FOUND
    );

    // Source cannot be charged twice.
    let (s, e) = json(
        &st,
        "POST",
        "/charges",
        SK,
        json!({"amount":400000,"currency":"THB","source":src["id"]}),
    )
    .await;
    assert_eq!(s, StatusCode::BAD_REQUEST);
    assert_eq!(e["code"], "invalid_charge");

    let (s, m, _) = send(
        &st,
        "POST",
        &format!("/_sandbox/charges/{id}/mark"),
        None,
        None,
        r#"{"status":"successful"}"#,
        &[],
    )
    .await;
    assert_eq!(s, StatusCode::OK, "{m}");
    let (_, got) = json(&st, "GET", &format!("/charges/{id}"), SK, json!({})).await;
    assert_eq!(got["status"], "successful");
    assert_eq!(got["paid"], true);
    // Marking again is a conflict and changes nothing.
    let (s, _, _) = send(
        &st,
        "POST",
        &format!("/_sandbox/charges/{id}/mark"),
        None,
        None,
        r#"{"status":"failed"}"#,
        &[],
    )
    .await;
    assert_eq!(s, StatusCode::CONFLICT);

    let (_, evs) = json(&st, "GET", "/events", SK, json!({})).await;
    let keys: Vec<_> = evs["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["key"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(keys, ["charge.create", "charge.complete"]);
    let (_, list) = json(&st, "GET", "/charges?limit=5", SK, json!({})).await;
    assert_eq!(list["object"], "list");
    assert_eq!(list["total"], 1);
}

#[tokio::test]
async fn form_bodies_inline_source_and_limits() {
    let st = state();
    let form = Some("application/x-www-form-urlencoded");
    let (s, ch, _) = send(
        &st,
        "POST",
        "/charges",
        Some(&basic(SK)),
        form,
        "amount=10000&currency=THB&source%5Btype%5D=truemoney_qr&expires_at=2099-01-01T00:00:00Z",
        &[],
    )
    .await;
    assert_eq!(s, StatusCode::OK, "{ch}");
    assert_eq!(ch["expires_at"], "2099-01-01T00:00:00Z");
    assert_eq!(ch["source"]["type"], "truemoney_qr");
    for (body, code, msg) in [
        (
            "amount=9999&currency=THB&source[type]=truemoney_qr",
            "invalid_charge",
            "amount must be greater than or equal to 10000 (thb subunits)",
        ),
        (
            "amount=5000001&currency=THB&source[type]=truemoney_qr",
            "invalid_charge",
            "amount must be less than or equal to 5000000 (thb subunits)",
        ),
        (
            "amount=10000&currency=USD&source[type]=truemoney_qr",
            "invalid_charge",
            "currency is currently not supported",
        ),
        (
            "amount=abc&currency=THB&source[type]=truemoney_qr",
            "invalid_charge",
            "amount is not a number",
        ),
        (
            "amount=10000&currency=THB&source[type]=bitcoin",
            "bad_request",
            "type is currently not supported",
        ),
    ] {
        let (s, e, _) = send(&st, "POST", "/charges", Some(&basic(SK)), form, body, &[]).await;
        assert_eq!(s, StatusCode::BAD_REQUEST, "{body}");
        assert_eq!(e["object"], "error");
        assert_eq!(e["code"], code, "{body}");
        assert_eq!(e["message"], msg);
    }
    // Redirect flows need return_uri and get an authorize_uri to the sandbox page.
    let (s, e) = json(&st, "POST", "/charges", SK, json!({"amount":2000,"currency":"THB","source":{"type":"truemoney","phone_number":"0812345678"}})).await;
    assert_eq!(
        (s, e["code"].as_str()),
        (StatusCode::BAD_REQUEST, Some("invalid_charge"))
    );
    let (s, ch) = json(&st, "POST", "/charges", SK, json!({"amount":2000,"currency":"THB","return_uri":"http://shop.test/done","source":{"type":"truemoney","phone_number":"0812345678"}})).await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(ch["source"]["flow"], "redirect");
    assert!(ch["authorize_uri"]
        .as_str()
        .unwrap()
        .ends_with(&format!("/pay/{}", ch["id"].as_str().unwrap())));
    // Malformed JSON and huge bodies.
    let (s, e, _) = send(
        &st,
        "POST",
        "/charges",
        Some(&basic(SK)),
        Some("application/json"),
        "{\"amount\":",
        &[],
    )
    .await;
    assert_eq!(
        (s, e["code"].as_str()),
        (StatusCode::BAD_REQUEST, Some("bad_request"))
    );
    let huge = format!("{{\"description\":\"{}\"}}", "x".repeat(70_000));
    let (s, e, _) = send(
        &st,
        "POST",
        "/charges",
        Some(&basic(SK)),
        Some("application/json"),
        &huge,
        &[],
    )
    .await;
    assert_eq!(
        (s, e["object"].as_str()),
        (StatusCode::PAYLOAD_TOO_LARGE, Some("error"))
    );
    let (_, list) = json(&st, "GET", "/charges", SK, json!({})).await;
    assert_eq!(list["total"], 2, "failed requests must not create charges");
}

#[tokio::test]
async fn authentication_and_cors() {
    let st = state();
    for (uri, key) in [
        ("/charges", PK),
        ("/charges", "skey_test_wrong"),
        ("/sources", "nope"),
    ] {
        let (s, e) = json(
            &st,
            "POST",
            uri,
            key,
            json!({"amount":10000,"currency":"THB","type":"truemoney_qr"}),
        )
        .await;
        assert_eq!(s, StatusCode::UNAUTHORIZED);
        assert_eq!(e["code"], "authentication_failure");
        assert_eq!(e["message"], "authentication failed");
    }
    let pre = [
        ("origin", "http://widget.test"),
        ("access-control-request-method", "POST"),
        (
            "access-control-request-headers",
            "authorization,content-type,idempotency-key",
        ),
    ];
    let (s, _, h) = send(&st, "OPTIONS", "/sources", None, None, "", &pre).await;
    assert!(s.is_success());
    assert_eq!(h["access-control-allow-origin"], "http://widget.test");
    assert!(h["access-control-allow-headers"]
        .to_str()
        .unwrap()
        .contains("idempotency-key"));
    let (_, _, h) = send(&st, "OPTIONS", "/charges", None, None, "", &pre).await;
    assert!(
        h.get("access-control-allow-origin").is_none(),
        "secret-key endpoints must not send CORS headers"
    );
}

#[tokio::test]
async fn idempotency_key() {
    let st = state();
    let body =
        json!({"amount":10000,"currency":"THB","source":{"type":"truemoney_qr"}}).to_string();
    let h = [("idempotency-key", "k1")];
    let a = send(
        &st,
        "POST",
        "/charges",
        Some(&basic(SK)),
        Some("application/json"),
        &body,
        &h,
    )
    .await;
    let b = send(
        &st,
        "POST",
        "/charges",
        Some(&basic(SK)),
        Some("application/json"),
        &body,
        &h,
    )
    .await;
    assert_eq!(a.1["id"], b.1["id"]);
    let c = send(
        &st,
        "POST",
        "/charges",
        Some(&basic(SK)),
        Some("application/json"),
        &body.replace("10000", "10001"),
        &h,
    )
    .await;
    assert_eq!(
        (c.0, c.1["code"].as_str()),
        (StatusCode::BAD_REQUEST, Some("bad_request"))
    );
    // Concurrent duplicates create exactly one charge.
    let mut tasks = Vec::new();
    for _ in 0..8 {
        let st = st.clone();
        let body = body.clone();
        tasks.push(tokio::spawn(async move {
            send(
                &st,
                "POST",
                "/charges",
                Some(&basic(SK)),
                Some("application/json"),
                &body,
                &[("idempotency-key", "k2")],
            )
            .await
            .1["id"]
                .clone()
        }));
    }
    let mut ids = std::collections::HashSet::new();
    for t in tasks {
        ids.insert(t.await.unwrap().to_string());
    }
    assert_eq!(ids.len(), 1);
    let (_, list) = json(&st, "GET", "/charges", SK, json!({})).await;
    assert_eq!(list["total"], 2);
}

#[tokio::test]
async fn refunds_follow_the_void_rules() {
    let st = state();
    let (_, ch) = json(
        &st,
        "POST",
        "/charges",
        SK,
        json!({"amount":100000,"currency":"THB","source":{"type":"truemoney_qr"}}),
    )
    .await;
    let id = ch["id"].as_str().unwrap();
    let (s, e) = json(
        &st,
        "POST",
        &format!("/charges/{id}/refunds"),
        SK,
        json!({"amount":100000}),
    )
    .await;
    assert_eq!(
        (s, e["code"].as_str()),
        (StatusCode::BAD_REQUEST, Some("failed_refund")),
        "pending charge"
    );
    send(
        &st,
        "POST",
        &format!("/_sandbox/charges/{id}/mark"),
        None,
        None,
        r#"{"status":"successful"}"#,
        &[],
    )
    .await;
    let (s, e) = json(
        &st,
        "POST",
        &format!("/charges/{id}/refunds"),
        SK,
        json!({"amount":100001}),
    )
    .await;
    assert_eq!(
        (s, e["code"].as_str()),
        (StatusCode::BAD_REQUEST, Some("failed_refund"))
    );
    // Same day: a partial void is allowed for TrueMoney.
    let (s, r) = json(
        &st,
        "POST",
        &format!("/charges/{id}/refunds"),
        SK,
        json!({"amount":40000}),
    )
    .await;
    assert_eq!(s, StatusCode::OK, "{r}");
    assert_eq!(r["object"], "refund");
    assert_eq!(r["voided"], true);
    let (_, got) = json(&st, "GET", &format!("/charges/{id}"), SK, json!({})).await;
    assert_eq!(got["refunded_amount"], 40000);
    let (_, l) = json(&st, "GET", &format!("/charges/{id}/refunds"), SK, json!({})).await;
    assert_eq!(l["total"], 1);
}

#[tokio::test]
async fn customer_page_approves_and_redirects() {
    let st = state();
    let (_, ch) = json(&st, "POST", "/charges", SK, json!({"amount":2000,"currency":"THB","return_uri":"http://shop.test/done?o=1","source":{"type":"truemoney","phone_number":"0812345678"}})).await;
    let id = ch["id"].as_str().unwrap();
    let (s, page, _) = send(&st, "GET", &format!("/pay/{id}"), None, None, "", &[]).await;
    assert_eq!(s, StatusCode::OK);
    let page = page.as_str().unwrap().to_string();
    assert!(page.contains("value=\"approve\"") && page.contains("value=\"decline\""));
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
    assert_eq!(h["location"], "http://shop.test/done?o=1");
    let (_, got) = json(&st, "GET", &format!("/charges/{id}"), SK, json!({})).await;
    assert_eq!(got["status"], "failed");
    assert_eq!(got["failure_code"], "failed_processing");
}

#[tokio::test]
async fn shop_creates_and_retrieves_charges() {
    let st = state();
    let (_, src) = json(
        &st,
        "POST",
        "/sources",
        PK,
        json!({"type":"truemoney_qr","amount":40000,"currency":"THB"}),
    )
    .await;
    let req = with_order(&st, "omise", json!({"provider":"omise","method":"truemoney_qr","amount":40000,"currency":"THB","source":src,"returnUrl":"http://shop.test/r","idempotencyKey":"order-1","device":{"mobile":false}})).await;
    let (s, ch, h) = send(
        &st,
        "POST",
        "/shop/api/omise/charges",
        None,
        Some("application/json"),
        &req.to_string(),
        &[("origin", "http://e2e.test")],
    )
    .await;
    assert_eq!(s, StatusCode::OK, "{ch}");
    assert_eq!(h["access-control-allow-origin"], "http://e2e.test");
    assert_eq!(ch["source"]["id"], src["id"]);
    assert!(ch["source"]["scannable_code"]["image"]["download_uri"]
        .as_str()
        .unwrap()
        .starts_with("http://sandbox.test/"));
    let (s2, again, _) = send(
        &st,
        "POST",
        "/shop/api/omise/charges",
        None,
        Some("application/json"),
        &req.to_string(),
        &[],
    )
    .await;
    assert_eq!(
        (s2, &again["id"]),
        (StatusCode::OK, &ch["id"]),
        "same idempotency key replays"
    );
    let (s, got, _) = send(
        &st,
        "GET",
        &format!("/shop/api/omise/charges?id={}", ch["id"].as_str().unwrap()),
        None,
        None,
        "",
        &[],
    )
    .await;
    assert_eq!((s, &got["id"]), (StatusCode::OK, &ch["id"]));
}

#[tokio::test]
async fn expiry_timer_expires_pending_charges() {
    let st = state();
    let soon = kasir_core::time::format_rfc3339(kasir_sandbox::store::now_ms() + 1500);
    let (_, ch) = json(
        &st,
        "POST",
        "/charges",
        SK,
        json!({"amount":10000,"currency":"THB","expires_at":soon,"source":{"type":"truemoney_qr"}}),
    )
    .await;
    let id = ch["id"].as_str().unwrap();
    kasir_sandbox::timers::fire_timers(&st);
    assert_eq!(
        json(&st, "GET", &format!("/charges/{id}"), SK, json!({}))
            .await
            .1["status"],
        "pending"
    );
    tokio::time::sleep(std::time::Duration::from_millis(2100)).await;
    kasir_sandbox::timers::fire_timers(&st);
    let (_, got) = json(&st, "GET", &format!("/charges/{id}"), SK, json!({})).await;
    assert_eq!(got["status"], "expired");
    assert_eq!(got["expired"], true);
}
