//! Following a redirect: GET navigates (fields in the query, before any `#fragment`); POST
//! builds a hidden form with one input per field (values set as properties, never parsed as
//! HTML) and submits it. The form's own action, method and `submit` are used through the
//! attribute and the prototype, so a field named `action`, `method` or `submit` cannot shadow
//! them. Inside an iframe the redirect targets `_top` unless the `redirectTarget` option says
//! otherwise.

use crate::build::POSTS_REDIRECTS;
use crate::jsview::get;
use crate::url::with_query;
use js_sys::Function;
use kasir_core::status::RedirectMethod;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{HtmlFormElement, HtmlInputElement};

fn in_iframe(w: &web_sys::Window) -> bool {
    match w.top() {
        Ok(Some(top)) => !js_sys::Object::is(&top, w),
        _ => false,
    }
}

/// The hidden POST form for `url` with `fields`, appended to the body, not yet submitted.
pub fn post_form(
    url: &str,
    fields: &[(String, String)],
    target: &str,
) -> Result<HtmlFormElement, JsValue> {
    let doc = web_sys::window()
        .and_then(|w| w.document())
        .ok_or(JsValue::NULL)?;
    let form: HtmlFormElement = doc.create_element("form")?.unchecked_into();
    // attributes, not properties: a field named `action` or `method` shadows the properties
    form.set_attribute("method", "post")?;
    form.set_attribute("action", url)?;
    form.set_attribute("target", target)?;
    form.set_attribute("hidden", "")?;
    for (k, v) in fields {
        let input: HtmlInputElement = doc.create_element("input")?.unchecked_into();
        input.set_type("hidden");
        input.set_name(k);
        input.set_value(v);
        form.append_child(&input)?;
    }
    doc.body().ok_or(JsValue::NULL)?.append_child(&form)?;
    Ok(form)
}

/// `HTMLFormElement.prototype.submit.call(form)`: a field named `submit` cannot shadow it.
pub fn submit(form: &HtmlFormElement) -> Result<(), JsValue> {
    let w = web_sys::window().ok_or(JsValue::NULL)?;
    // the constructor is a function, which `jsview::get` (objects only) would not look into
    let ctor = js_sys::Reflect::get(&w, &"HTMLFormElement".into())?;
    let proto = js_sys::Reflect::get(&ctor, &"prototype".into())?;
    let f: Function = get(&proto, "submit").dyn_into()?;
    f.call0(form).map(|_| ())
}

/// Navigate the shopper to `url` in `target` (`None`: `_top` inside an iframe, else `_self`);
/// the URL was already checked by `url::is_allowed_redirect`.
pub fn go(
    target: Option<&str>,
    url: &str,
    method: RedirectMethod,
    fields: &[(String, String)],
) -> Result<(), JsValue> {
    let w = web_sys::window().ok_or(JsValue::NULL)?;
    let target = target.map(str::to_string).unwrap_or_else(|| {
        if in_iframe(&w) {
            "_top".into()
        } else {
            "_self".into()
        }
    });
    match method {
        RedirectMethod::Get => {
            let full = with_query(url, fields);
            if target == "_self" {
                w.location().assign(&full)
            } else {
                w.open_with_url_and_target(&full, &target).map(|_| ())
            }
        }
        RedirectMethod::Post if POSTS_REDIRECTS => submit(&post_form(url, fields, &target)?),
        // no PSP of this build answers one (kasir_core::status::posts_redirects)
        RedirectMethod::Post => Err(JsValue::from_str("no POST redirects in this build")),
    }
}
