//! Webhook and callback delivery: every endpoint is delivered to independently (a dead one
//! never delays the others), retries follow each PSP's documented schedule (compressed by
//! `--retry-base-ms`) with a cap, and given-up deliveries show in `/_sandbox/deliveries` and on
//! the `/_sandbox` page.

mod common;
use axum::http::StatusCode;
use common::*;
use kasir_core::signature::ecommpay_sign_in_place;
use kasir_sandbox::{outbox, registry, store::Store, AppState, Config};
use serde_json::{json, Value};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// A receiver that accepts connections and never answers (each attempt hangs until the
/// sandbox's 10 s timeout).
async fn hanging_endpoint() -> String {
    let l = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/hook", l.local_addr().unwrap());
    tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((sock, _)) = l.accept().await {
            held.push(sock);
        }
    });
    url
}

/// A URL nothing listens on (connection refused at once).
async fn closed_endpoint() -> String {
    let l = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/hook", l.local_addr().unwrap());
    drop(l);
    url
}

/// A receiver that answers `fail_first` requests with 503, then 200; returns its URL and the
/// bodies it accepted.
async fn receiver(fail_first: usize) -> (String, Arc<Mutex<Vec<Value>>>) {
    let got: Arc<Mutex<Vec<Value>>> = Arc::default();
    let calls = Arc::new(Mutex::new(0usize));
    let g = got.clone();
    let app = axum::Router::new().route(
        "/hook",
        axum::routing::post(move |b: String| {
            let (g, calls) = (g.clone(), calls.clone());
            async move {
                let mut n = calls.lock().unwrap();
                *n += 1;
                if *n <= fail_first {
                    return StatusCode::SERVICE_UNAVAILABLE;
                }
                g.lock()
                    .unwrap()
                    .push(serde_json::from_str(&b).unwrap_or_default());
                StatusCode::OK
            }
        }),
    );
    let l = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/hook", l.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(l, app).await.unwrap() });
    (url, got)
}

fn state_with(cfg: Config) -> Arc<AppState> {
    AppState::new(cfg, Store::memory().unwrap(), "http://127.0.0.1:9")
}

async fn charge(st: &Arc<AppState>) -> String {
    let (s, ch) = json(
        st,
        "POST",
        "/charges",
        "skey_test_kasir",
        json!({"amount":40000,"currency":"THB","source":{"type":"truemoney_qr"}}),
    )
    .await;
    assert_eq!(s, StatusCode::OK, "{ch}");
    ch["id"].as_str().unwrap().to_string()
}

/// What broke: deliveries went out one after another, so one dead receiver (10 s per hanging
/// attempt, retried without end) delayed every other delivery.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_dead_webhook_endpoint_never_delays_the_live_one() {
    let dead = hanging_endpoint().await;
    let (live, got) = receiver(0).await;
    let mut cfg = Config {
        no_shop_webhooks: true,
        ..Config::default()
    };
    cfg.omise.webhook = vec![dead, live];
    let st = state_with(cfg);
    kasir_sandbox::spawn_workers(&st);
    let started = Instant::now();
    let mut ids = Vec::new();
    for _ in 0..6 {
        ids.push(charge(&st).await);
    }
    for id in &ids[..3] {
        let (s, _, _) = send(
            &st,
            "POST",
            &format!("/_sandbox/charges/{id}/mark"),
            None,
            None,
            r#"{"status":"successful"}"#,
            &[],
        )
        .await;
        assert_eq!(s, StatusCode::OK);
    }
    // 6 charge.create + 3 charge.complete, all within seconds.
    while got.lock().unwrap().len() < 9 && started.elapsed() < Duration::from_secs(5) {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let keys: Vec<String> = got
        .lock()
        .unwrap()
        .iter()
        .map(|e| e["key"].as_str().unwrap_or("").to_string())
        .collect();
    assert_eq!(
        keys.len(),
        9,
        "the live endpoint got {keys:?} in {:?}",
        started.elapsed()
    );
    assert_eq!(keys.iter().filter(|k| *k == "charge.create").count(), 6);
}

/// Queue a delivery of every PSP to `url`.
async fn one_of_each(st: &Arc<AppState>, url: &str) {
    charge(st).await;
    let (s, _) = json(
        st,
        "POST",
        "/v1/payment_intents",
        "sk_test_kasir",
        json!({"amount":1000,"currency":"THB"}),
    )
    .await;
    assert_eq!(s, StatusCode::OK);
    let mut sale = json!({"general":{"project_id":4242,"payment_id":"dl-1","merchant_callback_url":url},
        "payment":{"amount":10000,"currency":"THB"},"customer":{"id":"c","ip_address":"203.0.113.1"}});
    ecommpay_sign_in_place(&mut sale, "kasir_secret");
    let (s, _, _) = send(
        st,
        "POST",
        "/v2/payment/wallet/true-money/sale",
        None,
        None,
        &sale.to_string(),
        &[],
    )
    .await;
    assert_eq!(s, StatusCode::OK);
}

#[tokio::test]
async fn given_up_deliveries_are_listed_and_never_retried() {
    let dead = closed_endpoint().await;
    let mut cfg = Config {
        no_shop_webhooks: true,
        retry_base_ms: 0,
        ..Config::default()
    };
    cfg.omise.webhook = vec![dead.clone()];
    cfg.wooshpay.webhook = vec![dead.clone()];
    let st = state_with(cfg);
    one_of_each(&st, &dead).await;
    // No delay between retries: every schedule runs out at once.
    outbox::tick(&st).await;
    let (s, list, _) = send(
        &st,
        "GET",
        "/_sandbox/deliveries?state=given_up",
        None,
        None,
        "",
        &[],
    )
    .await;
    assert_eq!(s, StatusCode::OK);
    let list = list.as_array().unwrap().clone();
    for psp in ["omise", "wooshpay", "ecommpay"] {
        let cap = registry::by_name(psp).unwrap().retry_schedule().attempts();
        let mine: Vec<&Value> = list.iter().filter(|d| d["psp"] == psp).collect();
        assert!(!mine.is_empty(), "{psp}: {list:?}");
        for d in mine {
            assert_eq!(d["state"], "given_up");
            assert_eq!(d["attempts"], json!(cap), "{psp}: {d}");
            assert_eq!(d["next_attempt_at"], Value::Null);
            assert!(d["last_error"].is_string(), "{d}");
        }
    }
    assert_eq!(
        registry::by_name("wooshpay")
            .unwrap()
            .retry_schedule()
            .attempts(),
        18
    );
    assert!(
        registry::by_name("ecommpay")
            .unwrap()
            .retry_schedule()
            .attempts()
            <= 120
    );
    // Given up is final.
    outbox::tick(&st).await;
    let (_, again, _) = send(&st, "GET", "/_sandbox/deliveries", None, None, "", &[]).await;
    assert_eq!(again.as_array().unwrap().len(), list.len(), "{again}");
    for (a, b) in again.as_array().unwrap().iter().zip(&list) {
        assert_eq!(
            (a["state"].as_str(), &a["attempts"]),
            (Some("given_up"), &b["attempts"])
        );
    }
    // The page shows them first.
    let (s, page, _) = send(&st, "GET", "/_sandbox", None, None, "", &[]).await;
    assert_eq!(s, StatusCode::OK);
    let page = page.as_str().unwrap();
    assert!(page.contains(&format!("{} given up", list.len())), "{page}");
    assert_eq!(page.matches("<tr class=\"given_up\">").count(), list.len());
    assert!(page.contains(&dead));
    // A bad filter is a named 400.
    let (s, e, _) = send(
        &st,
        "GET",
        "/_sandbox/deliveries?state=lost",
        None,
        None,
        "",
        &[],
    )
    .await;
    assert_eq!(s, StatusCode::BAD_REQUEST);
    assert!(e["error"].as_str().unwrap().contains("given_up"), "{e}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn retries_follow_the_psps_schedule_scaled_by_retry_base_ms() {
    // ecommpay retries after 10 documented seconds: 100 ms at 10 ms per second.
    let (url, got) = receiver(2).await;
    let cfg = Config {
        no_shop_webhooks: true,
        retry_base_ms: 10,
        ..Config::default()
    };
    let st = state_with(cfg);
    let mut sale = json!({"general":{"project_id":4242,"payment_id":"dl-2","merchant_callback_url":url},
        "payment":{"amount":10000,"currency":"THB"},"customer":{"id":"c","ip_address":"203.0.113.1"}});
    ecommpay_sign_in_place(&mut sale, "kasir_secret");
    send(
        &st,
        "POST",
        "/v2/payment/wallet/true-money/sale",
        None,
        None,
        &sale.to_string(),
        &[],
    )
    .await;
    let before = kasir_sandbox::store::now_ms();
    outbox::tick(&st).await;
    let (_, list, _) = send(&st, "GET", "/_sandbox/deliveries", None, None, "", &[]).await;
    let d = &list[0];
    assert_eq!(
        (
            d["state"].as_str(),
            d["attempts"].as_i64(),
            d["last_status"].as_i64()
        ),
        (Some("pending"), Some(1), Some(503)),
        "{d}"
    );
    let wait = d["next_attempt_at"].as_i64().unwrap() - before;
    assert!((100..1000).contains(&wait), "next attempt in {wait} ms");
    kasir_sandbox::spawn_workers(&st);
    let started = Instant::now();
    while got.lock().unwrap().is_empty() && started.elapsed() < Duration::from_secs(5) {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert_eq!(
        got.lock().unwrap().len(),
        1,
        "delivered on the third attempt"
    );
    let (_, list, _) = send(
        &st,
        "GET",
        "/_sandbox/deliveries?state=delivered",
        None,
        None,
        "",
        &[],
    )
    .await;
    assert_eq!(list[0]["attempts"], 3, "{list}");
}

/// A database from before deliveries recorded their PSP and give-ups still opens, and its
/// pending deliveries still go out.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_outbox_from_before_is_migrated_and_still_delivered() {
    let (url, got) = receiver(0).await;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("old.db");
    {
        let c = rusqlite::Connection::open(&db).unwrap();
        c.execute_batch(
            "CREATE TABLE outbox (seq INTEGER PRIMARY KEY AUTOINCREMENT, url TEXT NOT NULL,
             headers TEXT NOT NULL, body TEXT NOT NULL, kind TEXT NOT NULL, ref_id TEXT NOT NULL,
             attempts INTEGER NOT NULL DEFAULT 0, next_at INTEGER NOT NULL, delivered_at INTEGER,
             last_status INTEGER, last_error TEXT);",
        )
        .unwrap();
        c.execute(
            "INSERT INTO outbox (url, headers, body, kind, ref_id, next_at) VALUES (?1, '{}', '{\"old\":1}', 'charge.create', 'evnt_old', 0)",
            [&url],
        )
        .unwrap();
    }
    let cfg = Config {
        no_shop_webhooks: true,
        ..Config::default()
    };
    let st = AppState::new(cfg, Store::open(&db, false).unwrap(), "http://127.0.0.1:9");
    outbox::tick(&st).await;
    assert_eq!(got.lock().unwrap().as_slice(), [json!({"old":1})]);
    let (_, list, _) = send(&st, "GET", "/_sandbox/deliveries", None, None, "", &[]).await;
    assert_eq!(
        (list[0]["state"].as_str(), list[0]["psp"].as_str()),
        (Some("delivered"), Some("")),
        "{list}"
    );
}
