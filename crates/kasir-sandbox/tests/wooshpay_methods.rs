//! WooshPay's Southeast Asian methods (issue 11): every catalogue row is confirmable with its wire
//! name (Stripe form encoding); QR rows (QRIS) answer `{wire}_display_qr_code` with images the
//! sandbox serves and an `expires_at` from `--expiry-secs`, the others `{wire}_handle_redirect`
//! to the customer page; a currency the method does not take and amounts outside its limits are
//! WooshPay errors, and nothing is stored.

mod common;
use axum::http::StatusCode;
use common::*;
use kasir_core::catalogue::{offers_of, Flow, Psp};
use kasir_sandbox::{store::Store, AppState, Config};
use serde_json::Value;

const SK: &str = "sk_test_kasir";

async fn form(st: &std::sync::Arc<AppState>, path: &str, body: &str) -> (StatusCode, Value) {
    let (s, v, _) = send(
        st,
        "POST",
        path,
        Some(&basic(SK)),
        Some("application/x-www-form-urlencoded"),
        body,
        &[],
    )
    .await;
    (s, v)
}

#[tokio::test]
async fn every_wooshpay_row_is_confirmable_with_its_wire_name() {
    let cfg = Config {
        no_shop_webhooks: true,
        expiry_secs: Some(120),
        ..Config::default()
    };
    let st = AppState::new(cfg, Store::memory().unwrap(), "http://127.0.0.1:9");
    let mut seen = 0;
    for o in offers_of(Psp::Wooshpay) {
        seen += 1;
        let amount = o.min_minor.max(10_000).min(o.max_minor);
        let cur = o.currency.code().to_lowercase();
        let (s, pi) = form(
            &st,
            "/v1/payment_intents",
            &format!(
                "amount={amount}&currency={cur}&payment_method_types[0]={}&return_url=http%3A%2F%2Fshop.test%2Fr",
                o.wire_name
            ),
        )
        .await;
        assert_eq!(s, StatusCode::OK, "{o:?}: {pi}");
        let id = pi["id"].as_str().unwrap();
        let before = kasir_sandbox::store::now_ms() / 1000;
        let (s, c) = form(
            &st,
            &format!("/v1/payment_intents/{id}/confirm"),
            &format!("payment_method_data[type]={}", o.wire_name),
        )
        .await;
        assert_eq!(s, StatusCode::OK, "{o:?}: {c}");
        assert_eq!(c["status"], "requires_action");
        let na = &c["next_action"];
        if o.flow == Flow::OfflineQr {
            let t = format!("{}_display_qr_code", o.wire_name);
            assert_eq!(na["type"], t.as_str());
            let q = &na[t.as_str()];
            assert_eq!(q["data"], format!("http://sandbox.test/pay/{id}"));
            let exp = q["expires_at"].as_i64().unwrap();
            assert!(
                (before + 119..=before + 121).contains(&exp),
                "{exp} vs {before}"
            );
            for (key, ctype) in [
                ("image_url_png", "image/png"),
                ("image_url_svg", "image/svg+xml"),
            ] {
                let path = q[key]
                    .as_str()
                    .unwrap()
                    .trim_start_matches("http://sandbox.test");
                let (s, _, h) = send(&st, "GET", path, None, None, "", &[]).await;
                assert_eq!(s, StatusCode::OK, "{path}");
                assert_eq!(h["content-type"], ctype);
                let (s, _, _) = send(&st, "GET", &format!("{path}x"), None, None, "", &[]).await;
                assert_eq!(s, StatusCode::NOT_FOUND, "a wrong token is no image");
            }
        } else {
            let t = format!("{}_handle_redirect", o.wire_name);
            assert_eq!(na["type"], t.as_str(), "{o:?}");
            assert_eq!(
                na[t.as_str()]["url"],
                format!("http://sandbox.test/pay/{id}")
            );
            assert_eq!(na[t.as_str()]["return_url"], "http://shop.test/r");
        }
    }
    assert_eq!(seen, 13, "every WooshPay row");
}

#[tokio::test]
async fn a_method_outside_its_currency_or_limits_is_a_wooshpay_error() {
    let st = state();
    for (body, code, param) in [
        (
            "amount=10000&currency=thb&payment_method_types[0]=qris",
            "payment_method_currency_mismatch",
            "currency",
        ),
        (
            "amount=10000&currency=myr&payment_method_types[0]=paynow",
            "payment_method_currency_mismatch",
            "currency",
        ),
        (
            "amount=99&currency=idr&payment_method_types[0]=qris",
            "amount_too_small",
            "amount",
        ),
        (
            "amount=1000000001&currency=idr&payment_method_types[0]=qris",
            "amount_too_large",
            "amount",
        ),
        (
            "amount=500001&currency=thb&payment_method_types[0]=promptpay",
            "amount_too_large",
            "amount",
        ),
        (
            "amount=3000001&currency=myr&payment_method_types[0]=fpx",
            "amount_too_large",
            "amount",
        ),
        (
            "amount=1000&currency=myr&payment_method_types[0]=touch_n_go",
            "payment_method_type_invalid",
            "payment_method_types",
        ),
    ] {
        let (s, e) = form(&st, "/v1/payment_intents", body).await;
        assert_eq!(s, StatusCode::BAD_REQUEST, "{body}: {e}");
        assert_eq!(e["error"]["type"], "invalid_request_error", "{body}");
        assert_eq!(e["error"]["code"], code, "{body}: {e}");
        assert_eq!(e["error"]["param"], param, "{body}");
    }
    assert!(
        st.store.list::<Value>("wooshpay_pi").unwrap().is_empty(),
        "nothing stored"
    );
}
