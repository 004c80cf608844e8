//! Opn's capability (issue 11): `GET /capability` lists every catalogue source type with its
//! banks and terms and follows the account settings (flags and the `/_sandbox/omise/capability`
//! control); a disabled type or an inactive bank is refused by `POST /sources`.

mod common;
use axum::http::StatusCode;
use common::opn_types::every_type;
use common::*;
use kasir_sandbox::{store::Store, AppState, Config};
use serde_json::{json, Value};
use std::sync::Arc;

const PK: &str = "pkey_test_kasir";

async fn source(st: &Arc<AppState>, body: Value) -> (StatusCode, Value) {
    json(st, "POST", "/sources", PK, body).await
}

#[allow(dead_code)]
async fn count(st: &Arc<AppState>, kind: &str) -> usize {
    st.store.list::<Value>(kind).unwrap().len()
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
