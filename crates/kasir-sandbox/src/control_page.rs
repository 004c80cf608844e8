//! The `/_sandbox` page: the test controls at a glance and every webhook/callback delivery,
//! the ones the PSP's retry schedule gave up on first.

use crate::delivery::DeliveryState;
use crate::http::esc;

fn row(d: &DeliveryState) -> String {
    let e = &d.entry;
    let last = match (e.last_status, &e.last_error) {
        (Some(s), _) => s.to_string(),
        (None, Some(err)) => esc(err),
        (None, None) => String::new(),
    };
    format!(
        "<tr class=\"{state}\"><td>{seq}</td><td>{state}</td><td>{psp}</td><td>{kind}</td><td><code>{url}</code></td><td>{attempts}</td><td>{last}</td><td><code>{r}</code></td></tr>\n",
        state = d.state,
        seq = e.seq,
        psp = esc(&d.psp),
        kind = esc(&e.kind),
        url = esc(&e.url),
        attempts = e.attempts,
        r = esc(&e.ref_id),
    )
}

/// The page over every delivery (given up first, then pending, then delivered; newest first).
pub fn render(all: &[DeliveryState]) -> String {
    let mut sorted: Vec<&DeliveryState> = all.iter().collect();
    let rank = |s: &str| match s {
        "given_up" => 0,
        "pending" => 1,
        _ => 2,
    };
    sorted.sort_by_key(|d| (rank(d.state), -d.entry.seq));
    let given_up = all.iter().filter(|d| d.state == "given_up").count();
    let rows: String = sorted.into_iter().map(row).collect();
    format!(
        r#"<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Kasir sandbox controls</title>
<style>body{{font-family:system-ui,sans-serif;margin:2rem}}table{{border-collapse:collapse}}td,th{{border:1px solid #ccc;padding:.2rem .5rem;text-align:left}}tr.given_up{{background:#fdd}}tr.pending{{background:#ffd}}</style></head>
<body><h1>Kasir sandbox</h1>
<p>JSON: <a href="/_sandbox/deliveries">/_sandbox/deliveries</a> (<a href="/_sandbox/deliveries?state=given_up">given up</a>),
<a href="/_sandbox/outbox">/_sandbox/outbox</a>, <a href="/_sandbox/health">/_sandbox/health</a>. Complete a payment: <code>POST /_sandbox/charges/:id/mark</code>.</p>
<h2>Deliveries</h2><p id="given-up">{given_up} given up</p>
<table id="deliveries"><thead><tr><th>#</th><th>state</th><th>PSP</th><th>kind</th><th>url</th><th>attempts</th><th>last</th><th>about</th></tr></thead>
<tbody>
{rows}</tbody></table></body></html>"#
    )
}
