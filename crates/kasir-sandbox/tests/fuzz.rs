//! Fuzzing inside `cargo test` (proptest, fixed seed and case count, no persistence): the bracket
//! form parser, JSON bodies and every route never abort the process (a stack overflow would kill
//! this test binary) and never answer 5xx; plus the regression test of the 20,000-level form key.

mod common;
use common::routes::{fill, real_ids, ROUTES};
use common::*;
use kasir_sandbox::params::{parse_form, MAX_FORM_DEPTH};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use serde_json::Value;

const SEED: [u8; 32] = *b"kasir-sandbox-fuzz-seed-00000001";

fn runner(cases: u32) -> TestRunner {
    let config = Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    };
    TestRunner::new_with_rng(config, TestRng::from_seed(RngAlgorithm::ChaCha, &SEED))
}

/// Depth of a JSON value (iterative, so a broken parser cannot overflow the checker).
fn depth(v: &Value) -> usize {
    let mut max = 0;
    let mut stack = vec![(v, 1usize)];
    while let Some((v, d)) = stack.pop() {
        max = max.max(d);
        match v {
            Value::Object(m) => stack.extend(m.values().map(|c| (c, d + 1))),
            Value::Array(a) => stack.extend(a.iter().map(|c| (c, d + 1))),
            _ => {}
        }
    }
    max
}

fn form_body() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z0-9\\[\\]=&%+]{0,300}",
        (0usize..3000, "[a-z]{1,3}").prop_map(|(n, k)| format!("{k}{}=1", "[a]".repeat(n))),
        (0usize..3000).prop_map(|n| format!("x{}=1", "[]".repeat(n))),
        vec(("[a-z\\[\\]0-9]{0,12}", "[a-z0-9%]{0,8}"), 0..1200).prop_map(|kv| kv
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("&")),
    ]
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        "[a-zA-Z0-9_:%-]{0,12}".prop_map(Value::String),
    ];
    leaf.prop_recursive(6, 64, 8, |inner| {
        prop_oneof![
            vec(inner.clone(), 0..8).prop_map(Value::Array),
            vec(
                (
                    prop_oneof![
                        "[a-z_]{1,10}",
                        Just("amount".to_string()),
                        Just("currency".to_string()),
                        Just("source".to_string()),
                        Just("general".to_string()),
                        Just("payment".to_string()),
                        Just("line_items".to_string()),
                        Just("expires_at".to_string()),
                        Just("orderId".to_string()),
                        Just("status".to_string()),
                    ],
                    inner
                ),
                0..8
            )
            .prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    })
}

fn json_body() -> impl Strategy<Value = String> {
    prop_oneof![
        json_value().prop_map(|v| v.to_string()),
        (0usize..20_000).prop_map(|n| "[".repeat(n)),
        (0usize..5_000).prop_map(|n| format!("{}1{}", "{\"a\":".repeat(n), "}".repeat(n))),
        "[\\[\\]{}\",:0-9a-z ]{0,200}",
    ]
}

fn any_body() -> impl Strategy<Value = (Option<&'static str>, String)> {
    let ctype = prop_oneof![
        Just(None),
        Just(Some("application/json")),
        Just(Some("application/x-www-form-urlencoded")),
        Just(Some("text/plain")),
    ];
    (
        ctype,
        prop_oneof![
            form_body(),
            json_body(),
            vec(any::<u8>(), 0..400).prop_map(|b| String::from_utf8_lossy(&b).into_owned()),
        ],
    )
}

#[test]
fn the_form_parser_never_aborts_and_bounds_nesting() {
    runner(2000)
        .run(&form_body(), |body| {
            if let Ok(v) = parse_form(body.as_bytes()) {
                prop_assert!(depth(&v) <= MAX_FORM_DEPTH + 1, "{body:.80}");
            }
            Ok(())
        })
        .unwrap();
}

#[test]
fn every_route_survives_fuzzed_bodies() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let st = state();
    let ids = rt.block_on(real_ids(&st));
    let auths = [
        None,
        Some(basic("skey_test_kasir")),
        Some(basic("pkey_test_kasir")),
        Some(basic("sk_test_kasir")),
        Some(basic("pk_test_kasir")),
    ];
    let strategy = (0..ROUTES.len(), 0..auths.len(), any_body());
    runner(1500)
        .run(&strategy, |(r, a, (ctype, body))| {
            let (method, route) = ROUTES[r];
            let path = fill(route, &ids);
            let (s, v, _) = rt.block_on(send(
                &st,
                method,
                &path,
                auths[a].as_deref(),
                ctype,
                &body,
                &[],
            ));
            prop_assert!(
                !s.is_server_error(),
                "{method} {path} {ctype:?} {body:.120} -> {s} {v}"
            );
            Ok(())
        })
        .unwrap();
    let (s, _, _) = rt.block_on(send(&st, "GET", "/_sandbox/health", None, None, "", &[]));
    assert_eq!(s.as_u16(), 200);
}

/// What broke: `a[a][a]…=1` nested ~20,000 levels overflowed the stack in the bracket-form
/// parser and killed the sandbox. Now each PSP answers 400 in its own shape.
#[tokio::test]
async fn a_form_key_nested_20000_levels_is_a_400_not_a_stack_overflow() {
    let st = state();
    let ids = real_ids(&st).await;
    let deep = format!("a{}=1", "[a]".repeat(20_000));
    let form = Some("application/x-www-form-urlencoded");
    // Opn (the public key is enough to reach the parser).
    let (s, v, _) = send(
        &st,
        "POST",
        "/sources",
        Some(&basic("pkey_test_kasir")),
        form,
        &deep,
        &[],
    )
    .await;
    assert_eq!(s.as_u16(), 400, "{v}");
    assert_eq!(
        (v["object"].as_str(), v["code"].as_str()),
        (Some("error"), Some("bad_request")),
        "{v}"
    );
    assert!(
        v["message"]
            .as_str()
            .unwrap()
            .contains("nested deeper than 32"),
        "{v}"
    );
    // WooshPay (publishable key + confirm).
    let confirm = fill("/v1/payment_intents/{pi}/confirm", &ids);
    let (s, v, _) = send(
        &st,
        "POST",
        &confirm,
        Some(&basic("pk_test_kasir")),
        form,
        &deep,
        &[],
    )
    .await;
    assert_eq!(s.as_u16(), 400, "{v}");
    assert_eq!(v["error"]["type"], "invalid_request_error", "{v}");
    assert!(
        v["error"]["message"]
            .as_str()
            .unwrap()
            .contains("nested deeper than 32"),
        "{v}"
    );
    // Too many fields is the same kind of 400.
    let many = vec!["k=v"; 5000].join("&");
    let (s, v, _) = send(
        &st,
        "POST",
        "/v1/payment_intents",
        Some(&basic("sk_test_kasir")),
        form,
        &many,
        &[],
    )
    .await;
    assert_eq!(s.as_u16(), 400, "{v}");
    assert!(
        v["error"]["message"]
            .as_str()
            .unwrap()
            .contains("at most 1000"),
        "{v}"
    );
    // The customer page (no credentials at all) and the ecommpay redirect target.
    for path in [
        fill("/pay/{chrg}", &ids),
        "/ecommpay/redirect/x".to_string(),
    ] {
        let (s, v, _) = send(&st, "POST", &path, None, form, &many, &[]).await;
        assert_eq!(s.as_u16(), 400, "{path} {v}");
        assert!(v.as_str().unwrap().contains("Malformed form"), "{path} {v}");
    }
    // A nesting of exactly 32 levels is still accepted.
    let ok = format!(
        "metadata{}=1&amount=1000&currency=THB",
        "[a]".repeat(MAX_FORM_DEPTH - 1)
    );
    let (s, v, _) = send(
        &st,
        "POST",
        "/v1/payment_intents",
        Some(&basic("sk_test_kasir")),
        form,
        &ok,
        &[],
    )
    .await;
    assert_eq!(s.as_u16(), 200, "{v}");
    let (s, _, _) = send(&st, "GET", "/_sandbox/health", None, None, "", &[]).await;
    assert_eq!(s.as_u16(), 200);
}
