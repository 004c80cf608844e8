//! Opn's Southeast Asian source types (issue 11): every catalogue row creates a source with its
//! `flow` and a charge (QR document for offline rows, authorize page otherwise); each
//! method-specific field is refused as Opn refuses it, with nothing stored; `GET /capability`
//! follows the account settings (flags and the `/_sandbox/omise/capability` control), and a
//! disabled type or inactive bank is refused by `POST /sources`.

mod common;
use axum::http::StatusCode;
use common::*;
use kasir_sandbox::{store::Store, AppState, Config};
use serde_json::{json, Value};
use std::sync::Arc;

const PK: &str = "pkey_test_kasir";
const SK: &str = "skey_test_kasir";

/// Every Opn source type with the fields it needs, an amount it takes, and its flow.
fn every_type() -> Vec<(Value, &'static str)> {
    let thb = |t: &str, extra: Value| {
        let mut v = json!({"type": t, "amount": 300_000, "currency": "THB"});
        v.as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        v
    };
    let mut out = vec![
        (thb("promptpay", json!({})), "offline"),
        (
            thb("truemoney", json!({"phone_number":"0812345678"})),
            "redirect",
        ),
        (thb("truemoney_jumpapp", json!({})), "app_redirect"),
        (thb("truemoney_qr", json!({})), "offline"),
        (thb("rabbit_linepay", json!({})), "redirect"),
        (thb("shopeepay", json!({})), "redirect"),
        (thb("shopeepay_jumpapp", json!({})), "app_redirect"),
        (
            json!({"type":"shopeepay","amount":10_000,"currency":"SGD"}),
            "redirect",
        ),
        (
            json!({"type":"grabpay","amount":10_000,"currency":"SGD","platform_type":"IOS"}),
            "redirect",
        ),
        (
            json!({"type":"grabpay","amount":10_000,"currency":"MYR"}),
            "redirect",
        ),
        (
            json!({"type":"paynow","amount":10_000,"currency":"SGD"}),
            "offline",
        ),
        (
            json!({"type":"duitnow_qr","amount":10_000,"currency":"MYR"}),
            "offline",
        ),
        (
            json!({"type":"fpx","amount":10_000,"currency":"MYR","bank":"cimb","email":"a@b.my"}),
            "redirect",
        ),
        (
            json!({"type":"touch_n_go","amount":10_000,"currency":"MYR","platform_type":"ANDROID"}),
            "app_redirect",
        ),
    ];
    for b in ["kbank", "scb", "bay", "bbl", "ktb"] {
        out.push((
            thb(
                &format!("mobile_banking_{b}"),
                json!({"platform_type":"ANDROID"}),
            ),
            "app_redirect",
        ));
    }
    for (b, term) in [
        ("bay", 3),
        ("bbl", 4),
        ("first_choice", 6),
        ("kbank", 3),
        ("ktc", 5),
        ("scb", 6),
        ("ttb", 4),
        ("uob", 3),
    ] {
        out.push((
            thb(
                &format!("installment_{b}"),
                json!({ "installment_term": term }),
            ),
            "redirect",
        ));
    }
    out
}

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

fn names(cap: &Value) -> Vec<String> {
    cap["payment_methods"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["name"].as_str().unwrap().to_string())
        .collect()
}

fn method<'a>(cap: &'a Value, name: &str) -> &'a Value {
    cap["payment_methods"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["name"] == name)
        .unwrap_or_else(|| panic!("{name} not in the capability"))
}

#[tokio::test]
async fn the_capability_lists_every_type_with_banks_and_terms() {
    let st = state();
    let (s, cap) = json(&st, "GET", "/capability", PK, json!({})).await;
    assert_eq!(s, StatusCode::OK);
    let n = names(&cap);
    for (body, _) in every_type() {
        assert!(
            n.iter().any(|x| x == body["type"].as_str().unwrap()),
            "{body}"
        );
    }
    assert_eq!(
        method(&cap, "shopeepay")["currencies"],
        json!(["THB", "SGD", "MYR"])
    );
    assert_eq!(
        method(&cap, "installment_kbank")["installment_terms"],
        json!([3, 6, 10])
    );
    assert!(method(&cap, "promptpay")["installment_terms"].is_null());
    let fpx = method(&cap, "fpx")["banks"].as_array().unwrap().clone();
    assert_eq!(fpx.len(), 18);
    assert!(fpx
        .iter()
        .any(|b| b == &json!({"code":"maybank2u","name":"Maybank2u","active":true})));
    assert_eq!(cap["limits"]["installment_amount"]["min"], 200000);
    assert_eq!(cap["zero_interest_installments"], false);
    // the widget's reading of it
    let a = kasir_core::catalogue::Account::from_capability(&cap).unwrap();
    let o = kasir_core::catalogue::offer(
        "fpx".parse().unwrap(),
        kasir_core::catalogue::Psp::Omise,
        kasir_core::money::Currency::MYR,
    )
    .unwrap();
    assert_eq!(a.banks(o, false).len(), 18);
}

async fn control(
    st: &Arc<AppState>,
    method: &str,
    body: &str,
) -> (StatusCode, Value, axum::http::HeaderMap) {
    send(
        st,
        method,
        "/_sandbox/omise/capability",
        None,
        Some("application/json"),
        body,
        &[("origin", "http://merchant.test")],
    )
    .await
}

#[tokio::test]
async fn the_capability_control_disables_methods_and_banks_and_sources_follow() {
    let st = state();
    let (s, set, h) = control(
        &st,
        "POST",
        r#"{"disabled":["promptpay","installment_kbank"],"inactive_banks":["fpx:rhb"],
        "installment_terms":{"installment_bay":[3,6]},"zero_interest_installments":true}"#,
    )
    .await;
    assert_eq!(s, StatusCode::OK, "{set}");
    assert_eq!(h["access-control-allow-origin"], "http://merchant.test");
    let (_, cap) = json(&st, "GET", "/capability", PK, json!({})).await;
    let n = names(&cap);
    assert!(!n.contains(&"promptpay".to_string()) && !n.contains(&"installment_kbank".to_string()));
    assert!(n.contains(&"installment_bay".to_string()));
    assert_eq!(
        method(&cap, "installment_bay")["installment_terms"],
        json!([3, 6])
    );
    assert_eq!(cap["zero_interest_installments"], true);
    let rhb = method(&cap, "fpx")["banks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["code"] == "rhb")
        .unwrap()
        .clone();
    assert_eq!(rhb["active"], false);

    for (body, message) in [
        (
            json!({"type":"promptpay","amount":10000,"currency":"THB"}),
            "type is currently not supported",
        ),
        (
            json!({"type":"installment_kbank","amount":300000,"currency":"THB","installment_term":3}),
            "type is currently not supported",
        ),
        (
            json!({"type":"installment_bay","amount":300000,"currency":"THB","installment_term":9}),
            "installment_term is not supported for this type",
        ),
        (
            json!({"type":"fpx","amount":10000,"currency":"MYR","bank":"rhb","email":"a@b.my"}),
            "bank is currently unavailable",
        ),
    ] {
        let (s, e) = source(&st, body.clone()).await;
        assert_eq!(
            (s, e["message"].as_str()),
            (StatusCode::BAD_REQUEST, Some(message)),
            "{body}"
        );
    }
    let (s, src) = source(
        &st,
        json!({"type":"installment_bay","amount":300000,"currency":"THB","installment_term":6}),
    )
    .await;
    assert_eq!(s, StatusCode::OK, "{src}");
    assert_eq!(src["zero_interest_installments"], true);

    // a bad body changes nothing
    for bad in [
        r#"{"disabled":["nope"]}"#,
        r#"{"inactive_banks":["fpx:nope"]}"#,
        r#"{"colour":1}"#,
        r#"{"installment_terms":{"installment_kbank":[4]}}"#,
        "[]",
    ] {
        let (s, e, _) = control(&st, "POST", bad).await;
        assert_eq!(s, StatusCode::BAD_REQUEST, "{bad} → {e}");
        assert!(e["error"].is_string());
    }
    let (_, now, _) = control(&st, "GET", "").await;
    assert_eq!(now, set);
    // DELETE: back to the flags (everything)
    let (s, _, _) = control(&st, "DELETE", "").await;
    assert_eq!(s, StatusCode::OK);
    let (s, _) = source(
        &st,
        json!({"type":"promptpay","amount":10000,"currency":"THB"}),
    )
    .await;
    assert_eq!(s, StatusCode::OK);
}

#[tokio::test]
async fn the_flags_set_the_account() {
    use clap::Parser;
    let cfg = Config::try_parse_from([
        "kasir-sandbox",
        "--omise-disable-methods",
        "paynow,mobile_banking_scb",
        "--omise-inactive-banks",
        "fpx:hsbc",
        "--omise-zero-interest-installments",
    ])
    .unwrap();
    for bad in [
        ["--omise-disable-methods", "paypal"],
        ["--omise-inactive-banks", "fpx"],
    ] {
        assert!(
            Config::try_parse_from(["kasir-sandbox", bad[0], bad[1]]).is_err(),
            "{bad:?}"
        );
    }
    let st = AppState::new(
        Config {
            no_shop_webhooks: true,
            ..cfg
        },
        Store::memory().unwrap(),
        "http://127.0.0.1:9",
    );
    let (_, cap) = json(&st, "GET", "/capability", PK, json!({})).await;
    let n = names(&cap);
    assert!(!n.contains(&"paynow".to_string()) && !n.contains(&"mobile_banking_scb".to_string()));
    assert!(n.contains(&"mobile_banking_kbank".to_string()));
    assert_eq!(cap["zero_interest_installments"], true);
    let hsbc = method(&cap, "fpx")["banks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["code"] == "hsbc")
        .unwrap()
        .clone();
    assert_eq!(hsbc["active"], false);
    let (s, e) = source(
        &st,
        json!({"type":"paynow","amount":10000,"currency":"SGD"}),
    )
    .await;
    assert_eq!(
        (s, e["message"].as_str()),
        (
            StatusCode::BAD_REQUEST,
            Some("type is currently not supported")
        )
    );
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
