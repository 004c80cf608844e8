//! The host page the widget lives in: the mount target, the shopper's device, the page's own
//! URL (the default return URL), random ids, the stylesheet inside a shadow root, and finding
//! the widget's own elements under its target.

use crate::error::KasirError;
use crate::jsview::get;
use js_sys::Function;
use kasir_core::text;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::HtmlElement;

/// The first element under `scope` (the mount target) that matches `selector`: how the widget's
/// effects reach what its view drew (no Leptos node references, each of which is more generic
/// code in the bundle).
pub fn find(scope: &HtmlElement, selector: &str) -> Option<HtmlElement> {
    let el = scope.query_selector(selector).ok().flatten()?;
    Some(el.unchecked_into())
}

/// The element with `id` under `scope` (ids are the widget's own, prefixed per instance).
pub fn by_id(scope: &HtmlElement, id: &str) -> Option<HtmlElement> {
    find(scope, &["#", id].concat())
}

/// The shopper's device, as far as the user agent tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Device {
    /// A phone or tablet.
    pub mobile: bool,
    /// `android`, `ios` or `other`.
    pub os: &'static str,
}

/// Read the device from `navigator.userAgent`.
pub fn device() -> Device {
    let ua = web_sys::window()
        .and_then(|w| w.navigator().user_agent().ok())
        .unwrap_or_default();
    let os = if text::contains(&ua, "Android") {
        "android"
    } else if text::contains(&ua, "iPhone") || text::contains(&ua, "iPad") {
        "ios"
    } else {
        "other"
    };
    Device {
        mobile: os != "other" || text::contains(&ua, "Mobile"),
        os,
    }
}

/// The page's monotonic clock (`performance.now()`, ms): countdowns and polling bounds run on
/// it, so a shopper's wall clock that is wrong (or changes) moves nothing.
pub fn mono_now() -> i64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0, |p| p.now() as i64)
}

/// The element `target` names: an element, or a CSS selector of one.
pub fn resolve_target(target: &JsValue) -> Result<HtmlElement, KasirError> {
    if let Some(sel) = target.as_string() {
        let doc = web_sys::window()
            .and_then(|w| w.document())
            .ok_or_else(|| KasirError::InvalidTarget(sel.clone()))?;
        return match doc.query_selector(&sel) {
            Ok(Some(el)) => el
                .dyn_into::<HtmlElement>()
                .map_err(|_| KasirError::InvalidTarget(sel)),
            _ => Err(KasirError::InvalidTarget(sel)),
        };
    }
    target
        .clone()
        .dyn_into::<HtmlElement>()
        .map_err(|_| KasirError::InvalidTarget("not an element".into()))
}

/// Where the shopper comes back to: the merchant's `returnUrl` (`given`), else the page itself
/// as it is when the payment is created, without the query parameters a PSP appends on return
/// (`strip`). Read by the flows, not at the mount (out of the first paint).
pub fn return_url(given: &Option<String>, strip: &[&str]) -> Option<String> {
    given.clone().or_else(|| current_page_url(strip))
}

fn current_page_url(strip: &[&str]) -> Option<String> {
    let loc = web_sys::window()?.location();
    let params = web_sys::UrlSearchParams::new_with_str(&loc.search().ok()?).ok()?;
    for p in strip {
        params.delete(p);
    }
    let query = String::from(params.to_string());
    let sep = if query.is_empty() { "" } else { "?" };
    Some([&loc.origin().ok()?, &loc.pathname().ok()?, sep, &query].concat())
}

/// The value of a query parameter of this page (non-empty).
pub fn query_param(name: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
    params.get(name).filter(|v| !v.is_empty())
}

/// A random id (`crypto.randomUUID()`, else `Math.random`): idempotency keys.
pub fn random_id() -> String {
    if let Some(c) = web_sys::window().map(|w| get(&w, "crypto")) {
        if let Some(f) = get(&c, "randomUUID").dyn_ref::<Function>() {
            if let Some(s) = f.call0(&c).ok().and_then(|v| v.as_string()) {
                return s;
            }
        }
    }
    let mut s = String::from("kasir-");
    for _ in 0..4 {
        let n = (js_sys::Math::random() * 4_294_967_295.0) as u32;
        s.push_str(&String::from(
            js_sys::Number::from(n)
                .to_string_with_radix(16)
                .unwrap_or_default(),
        ));
    }
    s
}

/// A target inside a shadow root does not see the page's stylesheet: add it to that root.
pub fn style_shadow_root(el: &HtmlElement) {
    let root = el.get_root_node();
    let Some(shadow) = root.dyn_ref::<web_sys::ShadowRoot>() else {
        return;
    };
    if shadow
        .query_selector("link[data-kasir-css]")
        .ok()
        .flatten()
        .is_some()
    {
        return;
    }
    let href = web_sys::window()
        .map(|w| get(&get(&w, "Kasir"), "css"))
        .and_then(|v| v.as_string())
        .filter(|h| !h.is_empty());
    let (Some(href), Some(doc)) = (href, web_sys::window().and_then(|w| w.document())) else {
        return;
    };
    if let Ok(link) = doc.create_element("link") {
        let _ = link.set_attribute("rel", "stylesheet");
        let _ = link.set_attribute("href", &href);
        let _ = link.set_attribute("data-kasir-css", "");
        let _ = shadow.append_child(&link);
    }
}
