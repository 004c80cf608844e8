//! The shape of every sandbox answer (HTTP status, every key path and its JSON type) is frozen in
//! `tests/fixtures/shapes.json`, recorded from the sandbox before the architecture refactor: the
//! refactor must not change what a merchant sees. `KASIR_BLESS_SHAPES=1` rewrites the fixture
//! (for an intended, reviewed change).

mod common;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "bool",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

fn paths(prefix: &str, v: &Value, out: &mut BTreeSet<String>) {
    out.insert(format!(
        "{} {}",
        if prefix.is_empty() { "." } else { prefix },
        kind(v)
    ));
    match v {
        Value::Object(m) => {
            for (k, v) in m {
                paths(&format!("{prefix}.{k}"), v, out);
            }
        }
        Value::Array(a) => {
            for v in a {
                paths(&format!("{prefix}[]"), v, out);
            }
        }
        _ => {}
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_answer_keeps_its_shape() {
    let answers = common::flows::drive_every_flow().await;
    let mut got: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for a in &answers {
        let set = got.entry(a.label.clone()).or_default();
        set.insert(format!("status {}", a.status));
        paths("", &a.body, set);
    }
    let file = format!("{}/tests/fixtures/shapes.json", env!("CARGO_MANIFEST_DIR"));
    if std::env::var_os("KASIR_BLESS_SHAPES").is_some() {
        std::fs::write(&file, serde_json::to_string_pretty(&got).unwrap() + "\n").unwrap();
        return;
    }
    let want: BTreeMap<String, BTreeSet<String>> =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    let mut diffs = Vec::new();
    for label in want.keys().chain(got.keys()).collect::<BTreeSet<_>>() {
        let (w, g) = (want.get(label), got.get(label));
        let empty = BTreeSet::new();
        let (w, g) = (w.unwrap_or(&empty), g.unwrap_or(&empty));
        for p in w.difference(g) {
            diffs.push(format!("{label}: lost {p}"));
        }
        for p in g.difference(w) {
            diffs.push(format!("{label}: new {p}"));
        }
    }
    assert!(
        diffs.is_empty(),
        "answer shapes changed:\n{}",
        diffs.join("\n")
    );
}
