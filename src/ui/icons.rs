//! Each method's icon: our own simple mark (a rounded square in the brand's colour with a
//! monogram, not the brand's logo), `aria-hidden` beside the method's name. A merchant replaces
//! it with the `icons` option (an image URL per method id) or the CSS custom property
//! `--kasir-icon-<id>` (`url(…)`), which [`draw`] makes the element's `content`, so it replaces
//! the mark (set through the CSSOM, as the mark's colour: allowed under a strict CSP). A
//! merchant URL is attribute-escaped in the `<img>` markup (the only other `inner_html` is our
//! QR SVG).

use crate::checkout::Ctx;
use crate::form::element;
use kasir_core::catalogue::MethodId;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// (method id, colour, monogram). Each colour is the brand's, darkened where needed to a contrast
/// of at least 4.5:1 with the white monogram (WCAG AA for its 10 px text: TrueMoney, LINE Pay,
/// ShopeePay, GrabPay and DuitNow were 2.3–4.5:1).
const MARKS: &[(&str, &str, &str)] = &[
    ("promptpay", "#1b4b8f", "PP"),
    ("truemoney", "#b75c18", "TM"),
    ("truemoney_qr", "#b75c18", "QR"),
    ("rabbit_linepay", "#04873a", "LP"),
    ("shopeepay", "#cf4327", "SP"),
    ("mobile_banking", "#0f766e", "MB"),
    ("installment", "#4b5563", "0%"),
    ("grabpay", "#00873c", "GP"),
    ("paynow", "#7b2d8e", "PN"),
    ("duitnow_qr", "#e1007b", "DN"),
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

/// Fill `span` (a method row's `.kasir-icon`) with `m`'s icon: the merchant's image, else our
/// mark, which `--kasir-icon-<id>` may replace (`content`, set through the CSSOM).
///
/// Our mark is an HTML `<b>` with the monogram, its colour set through the CSSOM: not an SVG
/// `<text>` set by `innerHTML` (a picker of seven inserted and laid out in Chromium: 18.4 ms
/// with those, 14.9 ms with these, median of 25; bench/SIZE.md).
pub fn draw(ctx: &Ctx, span: &Element, m: MethodId) {
    if let Some((_, url)) = ctx.settings.icons.iter().find(|(k, _)| *k == m) {
        span.set_inner_html(&[r#"<img src=""#, &escape(url), r#"" alt="">"#].concat());
        return;
    }
    let id = m.as_str();
    let (color, letters) = MARKS
        .iter()
        .find(|(k, ..)| *k == id)
        .map_or(("#6b7280", "·"), |(_, c, l)| (*c, *l));
    let _ = span.set_attribute("data-mark", id);
    let (Some(doc), Some(span)) = (span.owner_document(), span.dyn_ref::<HtmlElement>()) else {
        return;
    };
    let _ = span
        .style()
        .set_property("content", &["var(--kasir-icon-", id, ")"].concat());
    let mark = element(&doc, "b", &[], Some(letters));
    if let Some(mark) = mark.dyn_ref::<HtmlElement>() {
        let style = mark.style();
        let _ = style.set_property("background", color);
        if letters.len() > 2 {
            let _ = style.set_property("font-size", "8px");
        }
    }
    let _ = span.append_child(&mark);
}
