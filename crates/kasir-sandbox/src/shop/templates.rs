//! The shop's pages: the home page with every flow's card and `/shop/{psp}` with one PSP's,
//! in the layout (`shop/layout.html`) with the theme switcher (`?theme=light|dark|auto`).

use super::backends::BACKENDS;
use super::cards::cards;
use crate::error::{ApiError, Html};
use crate::http::{self, base_url, esc};
use crate::state::AppState;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use kasir_core::catalogue::Psp;
use std::collections::HashMap;
use std::sync::Arc;

type Q = Query<HashMap<String, String>>;

/// The theme asked for (`light` by default), passed to every widget.
fn theme(q: &HashMap<String, String>) -> &'static str {
    match q.get("theme").map(String::as_str) {
        Some("dark") => "dark",
        Some("auto") => "auto",
        _ => "light",
    }
}

fn layout(title: &str, body: &str, theme: &str) -> String {
    let nav: String = BACKENDS
        .iter()
        .map(|b| {
            format!(
                "<a href=\"/shop/{}\">{}</a>",
                b.psp().as_str(),
                esc(b.nav_label())
            )
        })
        .collect();
    include_str!("../../shop/layout.html")
        .replace("{{TITLE}}", &esc(title))
        .replace("{{NAV}}", &nav)
        .replace("{{THEME}}", theme)
        .replace("{{BODY}}", body)
}

/// The accounts the shop's backends read for a page (every PSP's, or `psp`'s), rendered into
/// their cards so the widgets need not ask.
async fn accounts(st: &Arc<AppState>, psp: Option<Psp>) -> Vec<(Psp, String)> {
    let mut out = Vec::new();
    for b in BACKENDS.iter().filter(|b| psp.is_none_or(|p| b.psp() == p)) {
        if let Some(a) = b.account(st).await {
            out.push((b.psp(), a));
        }
    }
    out
}

/// `GET /`.
pub async fn index(State(st): State<Arc<AppState>>, headers: HeaderMap, Query(q): Q) -> Response {
    let theme = theme(&q);
    let keys: Vec<String> = BACKENDS
        .iter()
        .map(|b| {
            let c = b.credential(&st);
            format!("{} <code>{}</code>", esc(c.label), esc(&c.value))
        })
        .collect();
    let body = include_str!("../../shop/index.html")
        .replace(
            "{{CARDS}}",
            &cards(
                &st,
                None,
                theme,
                &base_url(&headers, &st),
                &accounts(&st, None).await,
            ),
        )
        .replace("{{KEYS}}", &keys.join(", "));
    http::html(StatusCode::OK, layout("Home", &body, theme))
}

/// `GET /shop/{psp}`.
pub async fn page(
    State(st): State<Arc<AppState>>,
    headers: HeaderMap,
    Path(psp): Path<String>,
    Query(q): Q,
) -> Result<Response, ApiError<Html>> {
    let psp: Psp = BACKENDS
        .iter()
        .map(|b| b.psp())
        .find(|p| p.as_str() == psp)
        .ok_or_else(|| {
            ApiError::new(
                StatusCode::NOT_FOUND,
                "No such shop",
                &format!("There is no /shop/{psp}."),
            )
        })?;
    let theme = theme(&q);
    let title = psp.display_name();
    let accounts = accounts(&st, Some(psp)).await;
    let body = format!(
        "<h1>{}</h1>\n<div class=\"flows\">\n{}</div>\n<script src=\"/kasir/kasir.js\"></script>\n",
        esc(title),
        cards(&st, Some(psp), theme, &base_url(&headers, &st), &accounts)
    );
    Ok(http::html(StatusCode::OK, layout(title, &body, theme)))
}
