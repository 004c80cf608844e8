//! `npm/kasir.d.ts` names exactly the catalogue's methods and every error code the widget
//! raises (a method added as catalogue rows needs its id in the typings; this test says so).
#![cfg(not(target_arch = "wasm32"))]

use kasir_core::catalogue::METHODS;

const TYPINGS: &str = include_str!("../npm/kasir.d.ts");

fn union(name: &str) -> Vec<String> {
    let start = TYPINGS
        .find(&format!("export type {name} ="))
        .unwrap_or_else(|| panic!("{name} is not in kasir.d.ts"));
    let body = &TYPINGS[start..];
    let end = body.find(';').unwrap();
    body[..end]
        .split('"')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

#[test]
fn kasir_method_lists_exactly_the_catalogue_methods() {
    let mut typed = union("KasirMethod");
    typed.sort();
    let mut ids: Vec<String> = METHODS.iter().map(|m| m.id.as_str().to_string()).collect();
    ids.sort();
    assert_eq!(
        typed, ids,
        "npm/kasir.d.ts KasirMethod vs catalogue/rows.rs METHODS"
    );
}

#[test]
fn kasir_error_code_lists_every_widget_error_code() {
    let typed = union("KasirErrorCode");
    let source = include_str!("../src/error.rs");
    let mut codes: Vec<&str> = source
        .lines()
        .filter_map(|l| l.split_once("=> \"").map(|(_, rest)| rest))
        .filter_map(|rest| rest.split_once("\",").map(|(code, _)| code))
        .collect();
    codes.extend_from_slice(kasir::error::LOADER_CODES);
    assert!(codes.len() >= 17, "{codes:?}");
    for code in codes {
        assert!(
            typed.iter().any(|t| t == code),
            "{code} is missing from KasirErrorCode"
        );
    }
}
