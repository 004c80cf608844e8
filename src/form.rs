//! The shopper-input form in the DOM: a control's value, its error shown or cleared, the plan
//! options refilled. Plain DOM calls rather than reactive state: typing costs nothing, and the
//! bundle carries no signal per control.

use crate::details::Field;
use crate::i18n::Texts;
use crate::jsview::get;
use crate::page::by_id;
use kasir_core::shopper::InputError;
use wasm_bindgen::UnwrapThrowExt;
use web_sys::{Document, Element, HtmlElement};

/// A new element with attributes and text (text is always text, never HTML).
pub fn element(doc: &Document, tag: &str, attrs: &[(&str, &str)], text: Option<&str>) -> Element {
    // only ever called with our own constant tag names, which cannot fail
    let el = doc.create_element(tag).unwrap_throw();
    for (k, v) in attrs {
        let _ = el.set_attribute(k, v);
    }
    if text.is_some() {
        el.set_text_content(text);
    }
    el
}

/// The id of a control (`{prefix}-phone`); its error is `{id}-error`.
pub fn control_id(prefix: &str, field: Field) -> String {
    [prefix, "-", field.slug()].concat()
}

/// The value of a control, if it is on the page.
pub fn typed(scope: &HtmlElement, prefix: &str, field: Field) -> Option<String> {
    by_id(scope, &control_id(prefix, field)).and_then(|el| get(&el, "value").as_string())
}

/// The text key of an input error.
pub fn error_key(e: InputError) -> &'static str {
    match e {
        InputError::PhoneInvalid => "error.phone_invalid",
        InputError::EmailInvalid => "error.email_invalid",
        InputError::BankRequired => "error.bank_required",
        InputError::PlanRequired => "error.plan_required",
    }
}

/// Show one control's error (`None`: clear it).
pub fn set_error(
    scope: &HtmlElement,
    prefix: &str,
    texts: &Texts,
    field: Field,
    e: Option<InputError>,
) {
    let id = control_id(prefix, field);
    if let Some(el) = by_id(scope, &id) {
        let _ = match e {
            Some(_) => el.set_attribute("aria-invalid", "true"),
            None => el.remove_attribute("aria-invalid"),
        };
    }
    if let Some(msg) = by_id(scope, &[&id, "-error"].concat()) {
        msg.set_text_content(e.map(|e| texts.t(error_key(e))).as_deref());
    }
}

/// Show every error of a Pay and focus the first invalid control.
pub fn show_errors(
    scope: &HtmlElement,
    prefix: &str,
    texts: &Texts,
    errors: &[(Field, InputError)],
) {
    for (f, e) in errors {
        set_error(scope, prefix, texts, *f, Some(*e));
    }
    if let Some(el) = errors
        .first()
        .and_then(|(f, _)| by_id(scope, &control_id(prefix, *f)))
    {
        let _ = el.focus();
    }
}

/// Replace a `<select>`'s options after its first (the "Choose…" one): (value, text, enabled).
pub fn refill(select: &Element, options: &[(String, String, bool)]) {
    let Some(doc) = select.owner_document() else {
        return;
    };
    while select.child_element_count() > 1 {
        if let Some(last) = select.last_element_child() {
            last.remove();
        }
    }
    for (value, text, enabled) in options {
        let opt = element(&doc, "option", &[("value", value)], Some(text));
        if !enabled {
            let _ = opt.set_attribute("disabled", "");
        }
        let _ = select.append_child(&opt);
    }
}
