//! The demo shop's country cards (TH, SG, MY, ID; issue 11): every method of every card pays end
//! to end through the shop for the card's own order, the way the widget does it (Opn: the browser
//! creates the source with the shopper's inputs, the shop charges it; WooshPay: the shop creates
//! the intent, the browser confirms it), then the shopper approves on the provider page.

mod common;
use axum::http::StatusCode;
use common::*;
use kasir_core::catalogue::{offer, MethodId, Psp};
use kasir_sandbox::shop::flows::FLOWS;
use serde_json::{json, Value};

async fn post(
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

/// The source the widget would create for `method` (with what the shopper gives), and the device.
fn source_for(method: &str, amount: i64, currency: &str) -> (Value, Value) {
    let desktop = json!({"mobile": false});
    let phone = json!({"mobile": true, "os": "android"});
    let base = |t: &str| json!({"type": t, "amount": amount, "currency": currency});
    let with = |t: &str, extra: Value| {
        let mut v = base(t);
        v.as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        v
    };
    match method {
        "truemoney" => (
            with("truemoney", json!({"phone_number": "0812345678"})),
            desktop,
        ),
        "mobile_banking" => (
            with("mobile_banking_kbank", json!({"platform_type": "ANDROID"})),
            phone,
        ),
        "installment" => (
            with("installment_kbank", json!({"installment_term": 3})),
            desktop,
        ),
        "fpx" => (
            with(
                "fpx",
                json!({"bank": "maybank2u", "email": "shopper@example.my"}),
            ),
            desktop,
        ),
        "touch_n_go" => (
            with("touch_n_go", json!({"platform_type": "ANDROID"})),
            phone,
        ),
        m => {
            let id: MethodId = m.parse().unwrap();
            let cur = currency.parse().unwrap();
            (base(offer(id, Psp::Omise, cur).unwrap().wire_name), desktop)
        }
    }
}

async fn approve(st: &std::sync::Arc<kasir_sandbox::AppState>, id: &str) {
    let (s, page, _) = send(
        st,
        "POST",
        &format!("/pay/{id}"),
        None,
        Some("application/x-www-form-urlencoded"),
        "action=approve",
        &[],
    )
    .await;
    assert!(
        s == StatusCode::SEE_OTHER || s == StatusCode::OK,
        "{id}: {s} {page}"
    );
}

#[tokio::test]
async fn every_method_of_every_country_card_pays_through_the_shop() {
    let st = state();
    let cards: Vec<_> = FLOWS
        .iter()
        .filter(|f| ["th-opn", "sg-opn", "my-opn", "id-wooshpay"].contains(&f.id))
        .collect();
    assert_eq!(cards.len(), 4, "a card per country");
    let mut paid = 0;
    for f in cards {
        let cur = f.currency.code();
        for (n, m) in f.methods.iter().enumerate() {
            let key = format!("{}-{n}", f.id);
            if f.psp == Psp::Omise {
                let (src, device) = source_for(m, f.amount, cur);
                let (s, src) = json(&st, "POST", "/sources", "pkey_test_kasir", src).await;
                assert_eq!(s, StatusCode::OK, "{} {m}: {src}", f.id);
                let (s, ch) = post(
                    &st,
                    f.create,
                    json!({"orderId": f.order_id(), "method": m,
                    "source": src["id"], "returnUrl": "http://shop.test/r", "idempotencyKey": key,
                    "device": device}),
                )
                .await;
                assert_eq!(s, StatusCode::OK, "{} {m}: {ch}", f.id);
                assert_eq!(ch["amount"], f.amount);
                let id = ch["id"].as_str().unwrap().to_string();
                approve(&st, &id).await;
                let (_, got) = json(
                    &st,
                    "GET",
                    &format!("/charges/{id}"),
                    "skey_test_kasir",
                    json!({}),
                )
                .await;
                assert_eq!(got["status"], "successful", "{} {m}", f.id);
            } else {
                let (s, pi) = post(
                    &st,
                    f.create,
                    json!({"orderId": f.order_id(), "method": m,
                    "returnUrl": "http://shop.test/r", "idempotencyKey": key}),
                )
                .await;
                assert_eq!(s, StatusCode::OK, "{} {m}: {pi}", f.id);
                let id = pi["id"].as_str().unwrap().to_string();
                let (s, c) = json(
                    &st,
                    "POST",
                    &format!("/v1/payment_intents/{id}/confirm"),
                    "pk_test_kasir",
                    json!({"client_secret": pi["client_secret"]}),
                )
                .await;
                assert_eq!(s, StatusCode::OK, "{} {m}: {c}", f.id);
                approve(&st, &id).await;
                let (_, got) = json(
                    &st,
                    "GET",
                    &format!("/v1/payment_intents/{id}"),
                    "sk_test_kasir",
                    json!({}),
                )
                .await;
                assert_eq!(got["status"], "succeeded", "{} {m}", f.id);
            }
            paid += 1;
        }
    }
    assert_eq!(paid, 7 + 3 + 5 + 2);
}
