//! Durability: SIGKILL the real binary mid-burst, restart it on the same database, and check that
//! every acknowledged charge survived and that pending webhooks are delivered after the restart.

use serde_json::{json, Value};
use std::collections::HashSet;
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

fn start(db: &std::path::Path, hook: &str) -> (Child, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_kasir-sandbox"))
        .args(["--addr", "127.0.0.1:0", "--db"])
        .arg(db)
        .args([
            "--omise-webhook",
            hook,
            "--retry-base-ms",
            "100",
            "--no-shop-webhooks",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn kasir-sandbox");
    let mut line = String::new();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    out.read_line(&mut line).unwrap();
    // Keep draining stdout so the server never writes to a closed pipe.
    std::thread::spawn(move || std::io::copy(&mut out, &mut std::io::sink()));
    let url = line
        .trim()
        .strip_prefix("kasir-sandbox listening on ")
        .unwrap_or_else(|| panic!("unexpected first line {line:?}"))
        .to_string();
    (child, url)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kill_dash_nine_loses_nothing_acknowledged() {
    // A webhook receiver that refuses everything until `open` is set.
    let open = Arc::new(AtomicBool::new(false));
    let seen: Arc<Mutex<HashSet<String>>> = Arc::default();
    let (o, s) = (open.clone(), seen.clone());
    let recv = axum::Router::new().route(
        "/hook",
        axum::routing::post(move |b: String| {
            let (o, s) = (o.clone(), s.clone());
            async move {
                if !o.load(Ordering::SeqCst) {
                    return axum::http::StatusCode::SERVICE_UNAVAILABLE;
                }
                let v: Value = serde_json::from_str(&b).unwrap_or_default();
                if v["key"] == "charge.create" {
                    s.lock()
                        .unwrap()
                        .insert(v["data"]["id"].as_str().unwrap_or("").to_string());
                }
                axum::http::StatusCode::OK
            }
        }),
    );
    let l = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let hook = format!("http://{}/hook", l.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(l, recv).await.unwrap() });

    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("sandbox.db");
    let (mut child, base) = start(&db, &hook);
    let acked: Arc<Mutex<Vec<String>>> = Arc::default();
    let client = reqwest::Client::new();
    let mut tasks = Vec::new();
    for w in 0..4 {
        let (client, base, acked) = (client.clone(), base.clone(), acked.clone());
        tasks.push(tokio::spawn(async move {
            for i in 0..200 {
                let r = client
                    .post(format!("{base}/charges"))
                    .basic_auth("skey_test_kasir", Some(""))
                    .json(&json!({"amount": 10000 + w * 1000 + i, "currency": "THB", "source": {"type": "truemoney_qr"}}))
                    .send()
                    .await;
                let Ok(r) = r else { break };
                if r.status() != 200 {
                    continue;
                }
                let Ok(v) = r.json::<Value>().await else { break };
                acked.lock().unwrap().push(v["id"].as_str().unwrap().to_string());
            }
        }));
    }
    // Kill mid-burst.
    for _ in 0..200 {
        if acked.lock().unwrap().len() >= 30 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    for t in tasks {
        let _ = t.await;
    }
    let acked = acked.lock().unwrap().clone();
    assert!(acked.len() >= 30, "burst too small: {}", acked.len());
    assert!(acked.len() < 800, "the kill should interrupt the burst");

    open.store(true, Ordering::SeqCst);
    let (mut child, base) = start(&db, &hook);
    for id in &acked {
        let r = client
            .get(format!("{base}/charges/{id}"))
            .basic_auth("skey_test_kasir", Some(""))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200, "acknowledged charge {id} lost");
    }
    let mut missing = Vec::new();
    for _ in 0..150 {
        let seen = seen.lock().unwrap().clone();
        missing = acked
            .iter()
            .filter(|id| !seen.contains(*id))
            .cloned()
            .collect();
        if missing.is_empty() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(
        missing.is_empty(),
        "webhooks never delivered for {} charges",
        missing.len()
    );
}
