//! Opn's Southeast Asian source types (issue 11): every catalogue row creates a source with its
//! `flow` and a charge (QR document for offline rows, authorize page otherwise); each
//! method-specific field is refused as Opn refuses it, with nothing stored; the demo shop passes
//! the shopper's inputs to an inline source.

mod common;
use axum::http::StatusCode;
use common::opn_types::every_type;
use common::*;
use kasir_sandbox::AppState;
use serde_json::{json, Value};
use std::sync::Arc;

const PK: &str = "pkey_test_kasir";
const SK: &str = "skey_test_kasir";

async fn source(st: &Arc<AppState>, body: Value) -> (StatusCode, Value) {
    json(st, "POST", "/sources", PK, body).await
}

async fn count(st: &Arc<AppState>, kind: &str) -> usize {
    st.store.list::<Value>(kind).unwrap().len()
}

#[tokio::test]
async fn every_opn_row_creates_a_source_with_its_flow_and_a_charge() {
    let st = state();
    for (body, flow) in every_type() {
        let (s, src) = source(&st, body.clone()).await;
        assert_eq!(s, StatusCode::OK, "{body} → {src}");
        assert_eq!(src["flow"], flow, "{body}");
        assert_eq!(src["type"], body["type"]);
        let (s, ch) = json(
            &st,
            "POST",
            "/charges",
            SK,
            json!({"amount":body["amount"],"currency":body["currency"],"source":src["id"],
                "return_uri":"http://shop.test/done"}),
        )
        .await;
        assert_eq!(s, StatusCode::OK, "{body} → {ch}");
        assert_eq!(ch["status"], "pending");
        assert!(ch["expires_at"].is_string());
        let qr = &ch["source"]["scannable_code"];
        if flow == "offline" {
            let want = if body["type"] == "paynow" {
                "qrcode.png"
            } else {
                "qrcode.svg"
            };
            assert_eq!(qr["image"]["filename"], want, "{body}");
            let uri = qr["image"]["download_uri"].as_str().unwrap();
            let path = uri.trim_start_matches("http://sandbox.test");
            let (s, img, h) = send(&st, "GET", path, None, None, "", &[]).await;
            assert_eq!(s, StatusCode::OK);
            let ctype = h["content-type"].to_str().unwrap();
            if want.ends_with("png") {
                assert_eq!(ctype, "image/png");
            } else {
                assert_eq!(ctype, "image/svg+xml");
                assert!(img.as_str().unwrap().contains("<svg"));
            }
        } else {
            assert!(qr.is_null(), "{body}");
            let page = ch["authorize_uri"].as_str().unwrap();
            assert!(page.ends_with(&format!("/pay/{}", ch["id"].as_str().unwrap())));
        }
    }
}

#[tokio::test]
async fn regression_the_sandbox_accepted_opn_truemoney_without_phone_number() {
    let st = state();
    let before = count(&st, "omise_source").await;
    let (s, e) = source(
        &st,
        json!({"type":"truemoney","amount":2000,"currency":"THB"}),
    )
    .await;
    assert_eq!(s, StatusCode::BAD_REQUEST, "{e}");
    assert_eq!(e["object"], "error");
    assert_eq!(e["code"], "bad_request");
    assert_eq!(e["message"], "phone_number is required");
    let (s, e) = json(
        &st,
        "POST",
        "/charges",
        SK,
        json!({"amount":2000,"currency":"THB",
        "return_uri":"http://shop.test/r","source":{"type":"truemoney"}}),
    )
    .await;
    assert_eq!(s, StatusCode::BAD_REQUEST);
    assert_eq!(
        (e["code"].as_str(), e["message"].as_str()),
        (Some("invalid_charge"), Some("phone_number is required"))
    );
    assert_eq!(count(&st, "omise_source").await, before, "nothing stored");
    assert_eq!(count(&st, "omise_charge").await, 0);
    // the app flow needs no phone
    let (s, _) = source(
        &st,
        json!({"type":"truemoney_jumpapp","amount":2000,"currency":"THB"}),
    )
    .await;
    assert_eq!(s, StatusCode::OK);
}

#[tokio::test]
async fn each_bad_method_field_is_its_opn_error_and_stores_nothing() {
    let st = state();
    let cases: &[(Value, &str)] = &[
        (
            json!({"type":"truemoney","amount":2000,"currency":"THB","phone_number":"0212345678"}),
            "phone_number is invalid",
        ),
        (
            json!({"type":"fpx","amount":10000,"currency":"MYR","email":"a@b.my"}),
            "bank is required",
        ),
        (
            json!({"type":"fpx","amount":10000,"currency":"MYR","bank":"kbank","email":"a@b.my"}),
            "bank is not supported",
        ),
        (
            json!({"type":"fpx","amount":10000,"currency":"MYR","bank":"cimb"}),
            "email is required",
        ),
        (
            json!({"type":"fpx","amount":10000,"currency":"MYR","bank":"cimb","email":"a@b"}),
            "email is in invalid format",
        ),
        (
            json!({"type":"fpx","amount":10000,"currency":"THB","bank":"cimb","email":"a@b.my"}),
            "currency is currently not supported",
        ),
        (
            json!({"type":"paynow","amount":10000,"currency":"MYR"}),
            "currency is currently not supported",
        ),
        (
            json!({"type":"mobile_banking_kbank","amount":10000,"currency":"THB"}),
            "platform_type is required",
        ),
        (
            json!({"type":"mobile_banking_kbank","amount":10000,"currency":"THB","platform_type":"WINDOWS"}),
            "platform_type must be IOS or ANDROID",
        ),
        (
            json!({"type":"touch_n_go","amount":10000,"currency":"MYR","platform_type":"ios"}),
            "platform_type must be IOS or ANDROID",
        ),
        (
            json!({"type":"mobile_banking_xyz","amount":10000,"currency":"THB","platform_type":"IOS"}),
            "type is currently not supported",
        ),
        (
            json!({"type":"installment_kbank","amount":300000,"currency":"THB"}),
            "installment_term is required",
        ),
        (
            json!({"type":"installment_kbank","amount":300000,"currency":"THB","installment_term":4}),
            "installment_term is not supported for this type",
        ),
        (
            json!({"type":"installment_kbank","amount":300000,"currency":"THB","installment_term":"x"}),
            "installment_term is invalid",
        ),
        (
            json!({"type":"installment_scb","amount":300000,"currency":"THB","installment_term":10}),
            "amount per month must be at least 50000 (thb subunits) for installment_scb",
        ),
        (
            json!({"type":"installment_kbank","amount":199999,"currency":"THB","installment_term":3}),
            "amount must be greater than or equal to 200000 (thb subunits)",
        ),
        (
            json!({"type":"installment_kbank","amount":300000,"currency":"THB","installment_term":3,"zero_interest_installments":true}),
            "zero_interest_installments does not match the account's setting",
        ),
    ];
    for (body, message) in cases {
        let (s, e) = source(&st, body.clone()).await;
        assert_eq!(s, StatusCode::BAD_REQUEST, "{body} → {e}");
        assert_eq!(e["object"], "error", "{body}");
        assert_eq!(e["code"], "bad_request", "{body}");
        assert_eq!(e["message"], *message, "{body}");
        assert!(e["location"]
            .as_str()
            .unwrap()
            .starts_with("https://www.omise.co/api-errors#"));
    }
    assert_eq!(count(&st, "omise_source").await, 0, "nothing stored");
    // KBank's ฿300 minimum: ฿3,000 over 10 months is allowed
    let (s, e) = source(
        &st,
        json!({"type":"installment_kbank","amount":300000,"currency":"THB","installment_term":10}),
    )
    .await;
    assert_eq!(s, StatusCode::OK, "{e}");
    assert_eq!(e["installment_term"], 10);
    assert_eq!(e["zero_interest_installments"], false);
}

#[tokio::test]
async fn the_shop_passes_the_shoppers_inputs_to_an_inline_source() {
    let st = state();
    let shop = |body: Value| {
        let st = st.clone();
        async move {
            let body = with_order(&st, "omise", body).await;
            let (s, v, _) = send(
                &st,
                "POST",
                "/shop/api/omise/charges",
                None,
                Some("application/json"),
                &body.to_string(),
                &[],
            )
            .await;
            (s, v)
        }
    };
    let (s, ch) = shop(
        json!({"method":"fpx","amount":10000,"currency":"MYR","returnUrl":"http://shop.test/r",
        "shopper":{"bank":"maybank2u","email":"a@b.my","phone":"0812345678"}}),
    )
    .await;
    assert_eq!(s, StatusCode::OK, "{ch}");
    assert_eq!(
        (
            ch["source"]["bank"].as_str(),
            ch["source"]["email"].as_str()
        ),
        (Some("maybank2u"), Some("a@b.my"))
    );
    assert!(ch["source"]["phone_number"].is_null(), "FPX asks no phone");
    let (s, ch) = shop(json!({"method":"mobile_banking","amount":10000,"currency":"THB","returnUrl":"http://shop.test/r",
        "device":{"mobile":true,"os":"ios"},"shopper":{"bank":"scb"}})).await;
    assert_eq!(s, StatusCode::OK, "{ch}");
    assert_eq!(ch["source"]["type"], "mobile_banking_scb");
    assert_eq!(ch["source"]["platform_type"], "IOS");
    let (s, ch) = shop(json!({"method":"installment","amount":300000,"currency":"THB","returnUrl":"http://shop.test/r",
        "shopper":{"bank":"ktc","installmentTerm":10}})).await;
    assert_eq!(s, StatusCode::OK, "{ch}");
    assert_eq!(
        (
            ch["source"]["type"].as_str(),
            ch["source"]["installment_term"].as_i64()
        ),
        (Some("installment_ktc"), Some(10))
    );
    // the PSP's refusal comes back as it is
    let (s, e) = shop(
        json!({"method":"truemoney","amount":2000,"currency":"THB","returnUrl":"http://shop.test/r",
        "shopper":{"phone":"12"}}),
    )
    .await;
    assert_eq!(
        (s, e["message"].as_str()),
        (StatusCode::BAD_REQUEST, Some("phone_number is invalid"))
    );
}
