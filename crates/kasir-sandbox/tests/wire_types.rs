//! Every answer the sandbox gives (and every webhook and callback it sends), over every flow,
//! deserializes into the kasir-core wire type that the PSPs' documented examples (the seeds)
//! deserialize into, and serializes back to the same JSON (nulls aside): nothing the sandbox
//! sends is outside the wire types.

mod common;
use common::flows::{drive_every_flow, Answer};
use kasir_core::wire::{ecommpay, omise, wooshpay};
use serde::{de::DeserializeOwned, Serialize};
use serde_json::Value;
use std::collections::BTreeSet;

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

fn round_trip<T: DeserializeOwned + Serialize>(a: &Answer) -> T {
    let parsed: T = kasir_core::wire::from_value(a.kind, a.body.clone())
        .unwrap_or_else(|e| panic!("{}: {e}\n{}", a.label, a.body));
    let back = serde_json::to_value(&parsed).unwrap();
    assert_eq!(
        strip_nulls(&back),
        strip_nulls(&a.body),
        "{}: {} does not round-trip",
        a.label,
        a.kind
    );
    parsed
}

fn check(a: &Answer) {
    let ok = (200..300).contains(&a.status) || a.status == 0;
    match a.kind {
        "omise::Source" => {
            let s: omise::Source = round_trip(a);
            assert!(
                s.id.starts_with("src_test_") && s.object == "source",
                "{}",
                a.label
            );
        }
        "omise::Charge" => {
            let c: omise::Charge = round_trip(a);
            assert!(
                c.id.starts_with("chrg_test_") && c.object == "charge",
                "{}",
                a.label
            );
            let src = c.source.expect("a charge embeds its source");
            assert_eq!(
                src.charge_status.as_deref(),
                Some(c.status.as_str()),
                "{}",
                a.label
            );
            assert_eq!((src.amount, &src.currency), (c.amount, &c.currency));
        }
        "omise::Refund" => {
            let r: omise::Refund = round_trip(a);
            assert!(
                r.id.starts_with("rfnd_test_") && r.amount > 0,
                "{}",
                a.label
            );
        }
        "omise::Event" => {
            let e: omise::Event = round_trip(a);
            assert!(e.key.contains('.'), "{}", a.label);
            match e.data["object"].as_str() {
                Some("charge") => drop(serde_json::from_value::<omise::Charge>(e.data).unwrap()),
                Some("refund") => drop(serde_json::from_value::<omise::Refund>(e.data).unwrap()),
                other => panic!("{}: event of {other:?}", a.label),
            }
        }
        "omise::List<omise::Charge>" => {
            let l: omise::List<omise::Charge> = round_trip(a);
            assert_eq!(l.object, "list");
        }
        "omise::List<omise::Refund>" => {
            let l: omise::List<omise::Refund> = round_trip(a);
            assert_eq!(l.total, Some(l.data.len() as i64), "{}", a.label);
        }
        "omise::List<omise::Event>" => {
            let l: omise::List<omise::Event> = round_trip(a);
            assert!(!l.data.is_empty(), "{}", a.label);
        }
        "omise::Capability" => {
            let c: omise::Capability = round_trip(a);
            assert!(!c.payment_methods.is_empty());
        }
        "omise::Error" => {
            let e: omise::Error = round_trip(a);
            assert!(
                !ok && e.object == "error" && !e.code.is_empty(),
                "{}",
                a.label
            );
        }
        "wooshpay::PaymentIntent" => {
            let p: wooshpay::PaymentIntent = round_trip(a);
            assert!(
                p.id.starts_with("pi_") && p.object == "payment_intent",
                "{}",
                a.label
            );
            assert_eq!(
                p.status == "requires_action",
                p.next_action.is_some(),
                "{}",
                a.label
            );
        }
        "wooshpay::CheckoutSession" => {
            let s: wooshpay::CheckoutSession = round_trip(a);
            let items = s.line_items.expect("line items");
            let total: i64 = items.data.iter().filter_map(|i| i.amount_total).sum();
            assert_eq!(s.amount_total, Some(total), "{}", a.label);
        }
        "wooshpay::Refund" => {
            let r: wooshpay::Refund = round_trip(a);
            assert!(
                r.id.starts_with("re_") && r.payment_intent.is_some(),
                "{}",
                a.label
            );
        }
        "wooshpay::Event" => {
            let e: wooshpay::Event = round_trip(a);
            let object = e.data.object["object"].as_str().unwrap_or("");
            assert!(
                e.kind.starts_with(object) || e.kind.starts_with("charge."),
                "{}",
                a.label
            );
        }
        "wooshpay::WebhookEndpoint" => {
            let w: wooshpay::WebhookEndpoint = round_trip(a);
            assert!(w.secret.is_some_and(|s| s.starts_with("whsec_")));
        }
        "wooshpay::List<wooshpay::PaymentIntent>" => {
            let _: wooshpay::List<wooshpay::PaymentIntent> = round_trip(a);
        }
        "wooshpay::List<wooshpay::CheckoutSession>" => {
            let _: wooshpay::List<wooshpay::CheckoutSession> = round_trip(a);
        }
        "wooshpay::List<wooshpay::Refund>" => {
            let l: wooshpay::List<wooshpay::Refund> = round_trip(a);
            assert!(!l.data.is_empty());
        }
        "wooshpay::List<wooshpay::WebhookEndpoint>" => {
            let _: wooshpay::List<wooshpay::WebhookEndpoint> = round_trip(a);
        }
        "wooshpay::ErrorEnvelope" => {
            let e: wooshpay::ErrorEnvelope = round_trip(a);
            assert!(!ok && e.error.code.is_some(), "{}", a.label);
        }
        "ecommpay::SyncResponse" => {
            let r: ecommpay::SyncResponse = round_trip(a);
            assert_eq!(r.status == "success", ok, "{}", a.label);
            assert_eq!(r.code.is_some(), !ok, "{}", a.label);
        }
        "ecommpay::Callback" => {
            let c: ecommpay::Callback = round_trip(a);
            assert!(
                kasir_core::signature::ecommpay_verify(&a.body, "kasir_secret").is_ok(),
                "{}: signed",
                a.label
            );
            let op = c.operation.expect("operation");
            assert_eq!(op.sum_initial, c.payment.sum, "{}", a.label);
            assert_eq!(
                c.redirect_data.is_some(),
                c.payment.status == "awaiting redirect result" && a.label.starts_with("delivery")
                    || a.label == "shop ecp gate callback",
                "{}",
                a.label
            );
        }
        "shop::PaymentPage" => {
            assert!(a.body["url"]
                .as_str()
                .is_some_and(|u| u.contains("/payment?")));
        }
        other => panic!("{}: no check for {other}", a.label),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_answer_is_a_wire_type() {
    let answers = drive_every_flow().await;
    for a in &answers {
        check(a);
    }
    let kinds: BTreeSet<&str> = answers.iter().map(|a| a.kind).collect();
    for k in [
        "omise::Source",
        "omise::Charge",
        "omise::Refund",
        "omise::Event",
        "omise::Error",
        "wooshpay::PaymentIntent",
        "wooshpay::CheckoutSession",
        "wooshpay::Refund",
        "wooshpay::Event",
        "wooshpay::ErrorEnvelope",
        "ecommpay::SyncResponse",
        "ecommpay::Callback",
    ] {
        assert!(kinds.contains(k), "no {k} seen: the flows missed one");
    }
    let deliveries = answers.iter().filter(|a| a.status == 0).count();
    assert!(
        deliveries >= 10,
        "only {deliveries} deliveries reached the shop"
    );
}
