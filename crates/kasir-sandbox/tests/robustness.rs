//! The sandbox survives any request: garbage bodies, wrong types, extreme numbers, every
//! content type and credential, on every route, answer 4xx (never 5xx, never a panic), and the
//! server keeps answering.

mod common;
use common::routes::{fill, real_ids, ROUTES};
use common::*;
use serde_json::json;

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
    let ids = real_ids(&st).await;
    let auths = [
        None,
        Some(basic("skey_test_kasir")),
        Some(basic("sk_test_kasir")),
        Some("Basic %%%".to_string()),
    ];
    let mut seen = 0;
    for (method, route) in ROUTES {
        let path = fill(route, &ids);
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
