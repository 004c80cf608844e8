//! Opn list objects: pagination (`limit`, `offset`, `order`, `from`, `to`) of a stored kind.

use crate::paging::page;
use crate::store::now_ms;
use kasir_core::time::{format_rfc3339, parse_rfc3339_ms};
use kasir_core::wire::omise::{List, Refund};
use std::collections::HashMap;

/// An Opn list of `data`, already paged.
fn list<T>(location: &str, data: Vec<T>, limit: usize, offset: usize, total: usize) -> List<T> {
    List {
        object: "list".into(),
        data,
        limit: Some(limit as i64),
        offset: Some(offset as i64),
        total: Some(total as i64),
        location: Some(location.into()),
        order: Some("chronological".into()),
        from: Some("1970-01-01T00:00:00Z".into()),
        to: Some(format_rfc3339(now_ms())),
        extra: Default::default(),
    }
}

/// The `refunds` list embedded in a charge.
pub fn refund_list(charge_id: &str, refunds: Vec<Refund>) -> List<Refund> {
    let n = refunds.len();
    list(&format!("/charges/{charge_id}/refunds"), refunds, 20, 0, n)
}

/// Page `all` (in creation order; `created_at` gives each item's time) for a list endpoint.
pub fn paged<T>(
    q: &HashMap<String, String>,
    mut all: Vec<T>,
    location: &str,
    created_at: impl Fn(&T) -> Option<&str>,
) -> List<T> {
    let ts = |v: &T| {
        created_at(v)
            .and_then(|s| parse_rfc3339_ms(s).ok())
            .unwrap_or(0)
    };
    if let Some(from) = q.get("from").and_then(|s| parse_rfc3339_ms(s).ok()) {
        all.retain(|v| ts(v) >= from);
    }
    if let Some(to) = q.get("to").and_then(|s| parse_rfc3339_ms(s).ok()) {
        all.retain(|v| ts(v) <= to);
    }
    if q.get("order").map(String::as_str) == Some("reverse_chronological") {
        all.reverse();
    }
    let p = page(q, 20, all);
    let mut l = list(location, p.data, p.limit, p.offset, p.total);
    if let Some(o) = q.get("order") {
        l.order = Some(o.clone());
    }
    l
}
