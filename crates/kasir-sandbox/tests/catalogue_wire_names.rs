//! The demo shop sends the catalogue's wire names (never Kasir's method ids), and the emulators
//! accept and route by them: Opn source types (the mobile name on a phone), WooshPay method
//! types, ecommpay's Gate path and Payment Page `force_payment_method`.

mod common;
use axum::http::StatusCode;
use common::*;
use kasir_core::catalogue::{offer, offers_of, MethodId, Psp};
use kasir_core::money::Currency;
use kasir_core::signature::ecommpay_sign_in_place;
use serde_json::{json, Value};

fn row(method: &str, psp: Psp, currency: Currency) -> &'static kasir_core::catalogue::Offer {
    let id: MethodId = method.parse().unwrap();
    offer(id, psp, currency).unwrap()
}

async fn shop(
    st: &std::sync::Arc<kasir_sandbox::AppState>,
    path: &str,
    body: Value,
) -> (StatusCode, Value) {
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

#[tokio::test]
async fn the_shop_sends_catalogue_wire_names() {
    let st = state();
    let tm = row("truemoney", Psp::Omise, Currency::THB);
    for (mobile, want) in [(false, tm.wire_name), (true, tm.wire_name_mobile.unwrap())] {
        let (s, ch) = shop(
            &st,
            "/shop/api/omise/charges",
            with_order(
                &st,
                "omise",
                json!({"method":"truemoney","amount":2000,"currency":"THB",
            "returnUrl":"http://shop.test/r","device":{"mobile":mobile},
            "shopper":{"phone":"0812345678"}}),
            )
            .await,
        )
        .await;
        assert_eq!(s, StatusCode::OK, "{ch}");
        assert_eq!(ch["source"]["type"], want, "mobile={mobile}");
    }
    let (_, ch) = shop(
        &st,
        "/shop/api/omise/charges",
        with_order(
            &st,
            "omise",
            json!({"method":"truemoney","amount":2000,"currency":"THB",
        "returnUrl":"http://shop.test/r","device":{"mobile":true}}),
        )
        .await,
    )
    .await;
    assert_eq!(
        ch["source"]["flow"], "app_redirect",
        "a mobile wire name is an app redirect"
    );

    let ak = row("akulaku", Psp::Wooshpay, Currency::IDR);
    let (s, pi) = shop(
        &st,
        "/shop/api/wooshpay/payment_intents",
        with_order(
            &st,
            "wooshpay",
            json!({"method":"akulaku","amount":150000000,"currency":"IDR",
        "device":{"mobile":true,"os":"android"}}),
        )
        .await,
    )
    .await;
    assert_eq!(s, StatusCode::OK, "{pi}");
    assert_eq!(pi["payment_method_types"], json!([ak.wire_name]));
    assert_eq!(
        pi["payment_method_options"][ak.wire_name],
        json!({"terminal_type":"WAP","os_type":"ANDROID"})
    );
    let (_, cs) = shop(
        &st,
        "/shop/api/wooshpay/checkout_sessions",
        with_order(
            &st,
            "wooshpay",
            json!({"method":"truemoney","amount":18000,"currency":"THB"}),
        )
        .await,
    )
    .await;
    assert_eq!(
        cs["payment_method_types"],
        json!([row("truemoney", Psp::Wooshpay, Currency::THB).wire_name])
    );

    // ecommpay: the wire name differs from the method id; the shop's Gate sale and Payment Page use it.
    let ecp = row("truemoney", Psp::Ecommpay, Currency::THB);
    assert_ne!(ecp.wire_name, ecp.method.as_str());
    let (s, page) = shop(
        &st,
        "/shop/api/ecommpay/payment_page",
        with_order(
            &st,
            "ecommpay",
            json!({"method":"truemoney","amount":35000,"currency":"THB",
        "idempotencyKey":"wn-1"}),
        )
        .await,
    )
    .await;
    assert_eq!(s, StatusCode::OK, "{page}");
    let url = page["url"].as_str().unwrap();
    let q: Vec<(String, String)> =
        serde_urlencoded::from_str(url.split_once('?').unwrap().1).unwrap();
    assert!(
        q.contains(&("force_payment_method".into(), ecp.wire_name.into())),
        "{url}"
    );
    let (s, sync) = shop(
        &st,
        "/shop/api/ecommpay/gate",
        with_order(
            &st,
            "ecommpay",
            json!({"method":"truemoney","amount":42000,"currency":"THB",
        "idempotencyKey":"wn-2"}),
        )
        .await,
    )
    .await;
    assert_eq!(
        (s, sync["status"].as_str()),
        (StatusCode::OK, Some("success")),
        "{sync}"
    );
    let (_, done, _) = send(
        &st,
        "POST",
        "/_sandbox/charges/wn-2/mark",
        None,
        None,
        r#"{"status":"successful"}"#,
        &[],
    )
    .await;
    assert_eq!(
        done["payment"]["method"], ecp.wire_name,
        "the callback names the wire method"
    );

    // An unknown method is the shop's own 400. One the PSP does not offer in the currency cannot
    // be in an order (the catalogue decides what an order offers: the test control refuses it with
    // the shop's own 400), so naming it against an order of that PSP and currency is the shop's own
    // 409 method_mismatch. Neither reaches the PSP.
    let (s, e) = shop(
        &st,
        "/shop/api/omise/charges",
        with_order(
            &st,
            "omise",
            json!({"method":"bitcoin","amount":2000,"currency":"THB"}),
        )
        .await,
    )
    .await;
    assert_eq!(s, StatusCode::BAD_REQUEST, "{e}");
    assert!(e["error"].as_str().is_some(), "{e}");
    for (provider, path, body) in [
        (
            "wooshpay",
            "/shop/api/wooshpay/payment_intents",
            json!({"method":"akulaku","amount":2000,"currency":"THB"}),
        ),
        (
            "ecommpay",
            "/shop/api/ecommpay/gate",
            json!({"method":"truemoney_qr","amount":20000,"currency":"THB","idempotencyKey":"wn-3"}),
        ),
    ] {
        let unoffered = json!({"provider":provider,"amount":body["amount"],"currency":"THB",
            "methods":[body["method"]]});
        let (s, e, _) = send(
            &st,
            "POST",
            "/_sandbox/orders",
            None,
            Some("application/json"),
            &unoffered.to_string(),
            &[],
        )
        .await;
        assert_eq!(
            (s, e["code"].as_str()),
            (StatusCode::BAD_REQUEST, Some("invalid_methods")),
            "{unoffered}: {e}"
        );
        assert!(e["error"].as_str().is_some(), "{e}");
        let (s, e) = shop(&st, path, with_order(&st, provider, body.clone()).await).await;
        assert_eq!(
            (s, e["code"].as_str()),
            (StatusCode::CONFLICT, Some("method_mismatch")),
            "{body}: {e}"
        );
        assert!(e["error"].as_str().is_some(), "{e}");
    }
    let mut q = json!({"general":{"project_id":4242,"payment_id":"wn-3"}});
    ecommpay_sign_in_place(&mut q, "kasir_secret");
    let (s, _, _) = send(
        &st,
        "POST",
        "/v2/payment/status",
        None,
        None,
        &q.to_string(),
        &[],
    )
    .await;
    assert_ne!(s, StatusCode::OK, "wn-3 reached ecommpay");
}

fn sale(pid: &str, o: &kasir_core::catalogue::Offer) -> String {
    let mut v = json!({"general":{"project_id":4242,"payment_id":pid},
        "payment":{"amount":o.min_minor,"currency":o.currency.code()},"customer":{"id":"c","ip_address":"203.0.113.1"}});
    ecommpay_sign_in_place(&mut v, "kasir_secret");
    v.to_string()
}

#[tokio::test]
async fn the_gate_routes_by_the_catalogues_wire_names() {
    let st = state();
    for (i, o) in offers_of(Psp::Ecommpay).enumerate() {
        let (s, v, _) = send(
            &st,
            "POST",
            &format!("/v2/payment/wallet/{}/sale", o.wire_name),
            None,
            None,
            &sale(&format!("w-{i}"), o),
            &[],
        )
        .await;
        assert_eq!(
            (s, v["status"].as_str()),
            (StatusCode::OK, Some("success")),
            "{} {v}",
            o.wire_name
        );
    }
    // Kasir's method id is not an ecommpay wire name.
    let (s, v, _) = send(
        &st,
        "POST",
        "/v2/payment/wallet/truemoney/sale",
        None,
        None,
        &sale("w-x", offers_of(Psp::Ecommpay).next().unwrap()),
        &[],
    )
    .await;
    assert_eq!(
        (s, v["code"].as_str()),
        (StatusCode::NOT_FOUND, Some("3002")),
        "{v}"
    );
    let (s, page, _) = send(&st, "GET", "/pay/w-0", None, None, "", &[]).await;
    assert_eq!(s, StatusCode::OK);
    let first = offers_of(Psp::Ecommpay).next().unwrap();
    assert!(page
        .as_str()
        .unwrap()
        .contains(&format!("<strong>{}</strong>", first.wire_name)));
}
