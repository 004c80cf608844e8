//! Each method's icon: our own simple mark (a rounded square in the brand's colour with a
//! monogram, not the brand's logo), `aria-hidden` beside the method's name. A merchant replaces
//! it with the `icons` option (an image URL per method id) or the CSS custom property
//! `--kasir-icon-<id>` (`url(…)`), which [`allow_overrides`] makes the element's `content`, so it
//! replaces the mark (set through the CSSOM: allowed under a strict CSP). The mark is markup we
//! write (the only other `inner_html` is our QR SVG); a merchant URL is attribute-escaped.

use crate::checkout::Ctx;
use kasir_core::catalogue::MethodId;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// (method id, colour, monogram).
const MARKS: &[(&str, &str, &str)] = &[
    ("promptpay", "#1b4b8f", "PP"),
    ("truemoney", "#f47b20", "TM"),
    ("truemoney_qr", "#f47b20", "QR"),
    ("rabbit_linepay", "#06c755", "LP"),
    ("shopeepay", "#ee4d2d", "SP"),
    ("mobile_banking", "#0f766e", "MB"),
    ("installment", "#4b5563", "0%"),
    ("grabpay", "#00b14f", "GP"),
    ("paynow", "#7b2d8e", "PN"),
    ("duitnow_qr", "#e6007e", "DN"),
    ("fpx", "#1f3a68", "FPX"),
    ("touch_n_go", "#005abb", "TNG"),
    ("qris", "#c8102e", "QR"),
    ("akulaku", "#e4002b", "AK"),
];

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
}

/// A method's icon: its markup, and whether it is our mark (which `--kasir-icon-<id>` may
/// replace) rather than the merchant's own image.
pub struct Icon {
    /// The `<img>` or our mark's `<svg>`.
    pub markup: String,
    /// The method id, when the markup is our mark.
    pub mark: Option<&'static str>,
}

/// The icon for `m`: the merchant's image, else our mark.
pub fn icon(ctx: &Ctx, m: MethodId) -> Icon {
    if let Some((_, url)) = ctx.settings.icons.iter().find(|(k, _)| *k == m) {
        return Icon {
            markup: [r#"<img src=""#, &escape(url), r#"" alt="">"#].concat(),
            mark: None,
        };
    }
    let (color, letters) = MARKS
        .iter()
        .find(|(k, ..)| *k == m.as_str())
        .map_or(("#6b7280", "·"), |(_, c, l)| (*c, *l));
    let size = if letters.len() > 2 { "8" } else { "10" };
    Icon {
        markup: [
            r#"<svg viewBox="0 0 24 24" focusable="false"><rect width="24" height="24" rx="6" fill=""#,
            color,
            r#""/><text x="12" y="15.5" text-anchor="middle" font-size=""#,
            size,
            r##"" font-weight="700" fill="#fff">"##,
            &escape(letters),
            "</text></svg>",
        ]
        .concat(),
        mark: Some(m.as_str()),
    }
}

/// Let `--kasir-icon-<id>` replace our marks under `scope` (not the merchant's `icons`).
pub fn allow_overrides(scope: &Element) {
    let Ok(marks) = scope.query_selector_all(".kasir-icon[data-mark]") else {
        return;
    };
    for i in 0..marks.length() {
        if let Some(el) = marks.item(i).and_then(|n| n.dyn_into::<HtmlElement>().ok()) {
            let id = el.get_attribute("data-mark").unwrap_or_default();
            let _ = el
                .style()
                .set_property("content", &["var(--kasir-icon-", &id, ")"].concat());
        }
    }
}
