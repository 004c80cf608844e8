//! Every JSON example in the PSP seed documents (extracted by `scripts/extract-seed-json.py`,
//! Korean keys restored to English) deserializes into its wire type and re-serializes to the
//! same JSON (nulls aside), and the unified interpretation reads them.

use kasir_core::status::{interpret, NextAction, PaymentStatus};
use kasir_core::wire::{ecommpay, omise, wooshpay, WireError};
use kasir_core::Psp;
use serde::{de::DeserializeOwned, Serialize};
use serde_json::{json, Value};

fn strip_nulls(v: &Value) -> Value {
    match v {
        Value::Object(m) => Value::Object(
            m.iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| (k.clone(), strip_nulls(v)))
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.iter().map(strip_nulls).collect()),
        other => other.clone(),
    }
}

fn round_trip<T: DeserializeOwned + Serialize>(value: &Value) -> T {
    let parsed: T = kasir_core::wire::from_value("fixture", value.clone())
        .unwrap_or_else(|e| panic!("{e}: {value}"));
    let back = serde_json::to_value(&parsed).unwrap();
    assert_eq!(strip_nulls(&back), strip_nulls(value));
    parsed
}

fn seed(name: &str) -> Value {
    let path = format!(
        "{}/tests/fixtures/seeds/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    serde_json::from_str(&std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}")))
        .unwrap()
}

#[test]
fn every_seed_fixture_is_covered() {
    let dir = format!("{}/tests/fixtures/seeds", env!("CARGO_MANIFEST_DIR"));
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(
        names.len(),
        COVERED.len(),
        "a seed example has no test: {names:?}"
    );
}

const COVERED: &[&str] = &[
    "000-01", "000-02", "000-03", "000-04", "001-01", "001-02", "001-03", "001-04", "002-01",
    "002-02", "002-03", "003-01", "003-02", "003-03", "003-04", "003-05", "003-06", "004-01",
    "004-02", "004-03",
];

#[test]
fn wooshpay_seed_examples() {
    for name in ["000-01", "001-01"] {
        let p: wooshpay::PaymentIntentParams = round_trip(&seed(name));
        assert_eq!(p.confirm, Some(true));
        assert_eq!(
            p.payment_method_options
                .values()
                .next()
                .unwrap()
                .terminal_type
                .as_deref(),
            Some("WEB")
        );
    }
    let pi: wooshpay::PaymentIntent = round_trip(&seed("000-02"));
    assert_eq!(pi.created, 1_685_329_951_000);
    assert_eq!(
        pi.next_action.as_ref().unwrap().url(),
        Some("https://apitest.wooshpay.com/v1/receives/ipay88/pay/pi_1663020464626204672")
    );
    let p = interpret(Psp::Wooshpay, &seed("000-02")).unwrap();
    assert!(matches!(p.next_action, NextAction::Redirect { .. }));
    let _: wooshpay::PaymentIntent = round_trip(&seed("001-02"));
    for name in ["000-03", "001-03"] {
        let p: wooshpay::CheckoutSessionParams = round_trip(&seed(name));
        let item = &p.line_items[0];
        assert!(item.price_data.unit_amount > 0 && !item.price_data.product_data.name.is_empty());
    }
    for name in ["000-04", "001-04"] {
        let cs: wooshpay::CheckoutSession = round_trip(&seed(name));
        assert_eq!(cs.status, "open");
        let item = &cs.line_items.as_ref().unwrap().data[0];
        assert_eq!(
            item.price.as_ref().and_then(|p| p.unit_amount),
            item.amount_subtotal
        );
        assert_eq!(
            interpret(Psp::Wooshpay, &seed(name)).unwrap().status,
            PaymentStatus::Pending
        );
    }
    let e: wooshpay::ErrorEnvelope = round_trip(
        &json!({"error":{"type":"idempotency_error","code":"idempotency_key_in_use","message":"Keys for idempotent requests can only be used with the same parameters they were first used with."}}),
    );
    assert_eq!(e.error.kind, "idempotency_error");
}

#[test]
fn opn_seed_examples() {
    for name in ["002-01", "004-01"] {
        let s: omise::Source = round_trip(&seed(name));
        assert_eq!(
            (s.kind.as_str(), s.flow.as_deref(), s.amount),
            ("truemoney_qr", Some("offline"), 400_000)
        );
    }
    for name in ["002-02", "004-02"] {
        let c: omise::Charge = round_trip(&seed(name));
        assert_eq!(c.status, omise::ChargeStatus::Pending);
        assert_eq!(
            c.transaction_fees.as_ref().unwrap().vat_rate.as_deref(),
            Some("7.0")
        );
        assert_eq!((c.paid, c.capture), (Some(false), Some(true)));
        let image = &c
            .source
            .as_ref()
            .unwrap()
            .scannable_code
            .as_ref()
            .unwrap()
            .image;
        assert_eq!(image.kind.as_deref(), Some("qr"));
        assert_eq!(c.refunds.as_ref().unwrap().object, "list");
        let p = interpret(Psp::Omise, &seed(name)).unwrap();
        let expected =
            kasir_core::time::parse_rfc3339_ms(c.expires_at.as_deref().unwrap()).unwrap();
        assert!(
            matches!(p.next_action, NextAction::ShowQr { expires_at_ms: Some(ms), .. } if ms == expected && ms > 1_727_000_000_000)
        );
    }
    for name in ["002-03", "004-03"] {
        let sc: omise::ScannableCode = round_trip(&seed(name));
        assert!(sc.image.download_uri.contains("/downloads/"));
    }
    let _: omise::Error = round_trip(
        &json!({"object":"error","location":"https://www.omise.co/api-errors#invalid-charge","code":"invalid_charge","message":"amount must be greater than or equal to 2000 (thb subunits)"}),
    );
    let ev: omise::Event = round_trip(
        &json!({"object":"event","id":"evnt_test_1","livemode":false,"location":"/events/evnt_test_1","key":"charge.complete","created_at":"2024-09-23T03:20:00Z","data":seed("004-02")}),
    );
    assert_eq!(ev.key, "charge.complete");
}

#[test]
fn ecommpay_seed_examples() {
    let pp: ecommpay::PaymentPageParams = round_trip(&seed("003-01"));
    assert_eq!(pp.payment_currency, "THB");
    for name in ["003-02", "003-03", "003-06"] {
        let cb: ecommpay::Callback = round_trip(&seed(name));
        assert_eq!(cb.payment.method.as_deref(), Some("true-money"));
        let op = cb.operation.as_ref().unwrap();
        assert_eq!(op.provider.as_ref().map(|p| p.id), Some(6641));
        assert_eq!(op.sum_initial, cb.payment.sum);
        assert!(cb.customer.is_some());
    }
    assert_eq!(
        interpret(Psp::Ecommpay, &seed("003-02")).unwrap().status,
        PaymentStatus::Succeeded
    );
    assert_eq!(
        interpret(Psp::Ecommpay, &seed("003-06")).unwrap().status,
        PaymentStatus::Failed {
            code: "20000".into(),
            message: "General decline".into()
        }
    );
    let gate: ecommpay::GateSaleRequest = round_trip(&seed("003-04"));
    assert_eq!(gate.general.project_id, 210);
    let rd: ecommpay::RedirectData = round_trip(&seed("003-05"));
    assert_eq!(rd.method, "POST");
    let _: ecommpay::SyncResponse = round_trip(
        &json!({"status":"success","request_id":"r-1","project_id":4242,"payment_id":"order-1"}),
    );
}

#[test]
fn missing_required_fields_are_named_errors() {
    let mut charge = seed("004-02");
    charge.as_object_mut().unwrap().remove("id");
    let err: WireError =
        kasir_core::wire::from_value::<omise::Charge>("charge", charge).unwrap_err();
    assert!(err.to_string().contains("invalid charge"), "{err}");
    assert!(err.to_string().contains("`id`"), "{err}");
    let err = kasir_core::wire::parse::<ecommpay::Callback>("callback", "{not json").unwrap_err();
    assert_eq!(err.object, "callback");
}
