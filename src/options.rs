//! Reading the merchant's options from JavaScript: the `Kasir.mount` options object, or the
//! `data-*` attributes of an auto-mounted element. [`OPTIONS`] is the one table from option
//! name to attribute, so every option a page can set in JavaScript that is not a function can
//! also be set as an attribute. Validation is `config`'s job.

use crate::build::GivenAccount;
use crate::config::RawOptions;
use crate::jsview::{get, get_text, set, string_entries};
use js_sys::{Array, Object, JSON};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::HtmlElement;

/// How an attribute's text becomes the option's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The text as is (numbers and comma lists are understood by validation).
    Text,
    /// A JSON object (`data-strings='{"pay.button": "…"}'`).
    Json,
}

/// Every option that can be given as an attribute: option name, attribute name without the
/// `data-` prefix, and how its text is read.
pub const OPTIONS: &[(&str, &str, Kind)] = &[
    ("provider", "provider", Kind::Text),
    ("publicKey", "public-key", Kind::Text),
    ("projectId", "project-id", Kind::Text),
    ("apiBase", "api-base", Kind::Text),
    ("amount", "amount", Kind::Text),
    ("currency", "currency", Kind::Text),
    ("methods", "methods", Kind::Text),
    ("locale", "locale", Kind::Text),
    ("returnUrl", "return-url", Kind::Text),
    ("clientSecret", "client-secret", Kind::Text),
    ("orderId", "order-id", Kind::Text),
    ("createPaymentUrl", "create-payment-url", Kind::Text),
    ("retrievePaymentUrl", "retrieve-payment-url", Kind::Text),
    ("redirectTarget", "redirect-target", Kind::Text),
    ("theme", "theme", Kind::Text),
    ("parentOrigin", "parent-origin", Kind::Text),
    ("strings", "strings", Kind::Json),
    ("appearance", "appearance", Kind::Json),
    ("shopper", "shopper", Kind::Json),
    ("icons", "icons", Kind::Json),
    ("capability", "capability", Kind::Json),
];

/// The options object for an element's attributes, each named `prefix` + the table's name
/// (`data-` for `[data-kasir]`, none for `<kasir-checkout>`; a JSON attribute that does not
/// parse is passed on as its text, which validation refuses with `invalid_option`).
pub fn from_attributes(el: &HtmlElement, prefix: &str) -> JsValue {
    let opts = Object::new();
    for (option, attr, kind) in OPTIONS {
        let Some(text) = el.get_attribute(&[prefix, attr].concat()) else {
            continue;
        };
        let value = match kind {
            Kind::Text => JsValue::from_str(&text),
            Kind::Json => JSON::parse(&text).unwrap_or_else(|_| JsValue::from_str(&text)),
        };
        set(&opts, option, &value);
    }
    opts.into()
}

fn list(v: &JsValue) -> Option<Vec<String>> {
    if Array::is_array(v) {
        return Some(
            v.unchecked_ref::<Array>()
                .iter()
                .map(|m| m.as_string().unwrap_or_default())
                .collect(),
        );
    }
    v.as_string().map(|s| {
        s.split([',', ' '])
            .map(str::trim)
            .filter(|m| !m.is_empty())
            .map(str::to_string)
            .collect()
    })
}

/// `capability`: `None` when not given; `Some(None)` when given but not an Opn capability object
/// (or in a build without Opn, which reads none: validation refuses it for any other provider).
fn capability(o: &JsValue) -> Option<Option<GivenAccount>> {
    let v = get(o, "capability");
    if v.is_undefined() || v.is_null() {
        return None;
    }
    #[cfg(feature = "omise")]
    return Some(crate::capability::account_of(v));
    #[cfg(not(feature = "omise"))]
    Some(None)
}

/// Read everything validation needs from the options object.
pub fn read(o: &JsValue) -> RawOptions {
    let amount = get(o, "amount");
    let strings = string_entries(&get(o, "strings"));
    let appearance = string_entries(&get(o, "appearance"));
    let shopper = string_entries(&get(o, "shopper"));
    let icons = string_entries(&get(o, "icons"));
    let invalid = match (&strings, &appearance, &shopper, &icons) {
        (None, ..) => Some("strings".to_string()),
        (_, None, ..) => Some("appearance".to_string()),
        (_, _, None, _) => Some("shopper".to_string()),
        (.., None) => Some("icons".to_string()),
        _ => None,
    };
    RawOptions {
        provider: get_text(o, "provider"),
        public_key: get_text(o, "publicKey"),
        project_id: get_text(o, "projectId"),
        api_base: get_text(o, "apiBase"),
        amount: amount.as_f64(),
        amount_text: get_text(o, "amount"),
        currency: get_text(o, "currency"),
        methods: list(&get(o, "methods")),
        locale: get_text(o, "locale"),
        browser_language: web_sys::window().and_then(|w| w.navigator().language()),
        return_url: get_text(o, "returnUrl"),
        client_secret: get_text(o, "clientSecret"),
        order_id: get_text(o, "orderId"),
        has_create_payment: get(o, "createPayment").is_function()
            || get(o, "createPaymentUrl").as_string().is_some(),
        storage_scope: String::new(),
        theme: get_text(o, "theme"),
        parent_origin: get_text(o, "parentOrigin"),
        redirect_target: get_text(o, "redirectTarget"),
        appearance: appearance.unwrap_or_default(),
        strings: strings.unwrap_or_default(),
        shopper: shopper.unwrap_or_default(),
        icons: icons.unwrap_or_default(),
        capability: capability(o),
        invalid,
    }
}
