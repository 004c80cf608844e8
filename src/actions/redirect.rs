//! Following a redirect: GET navigates (fields as query string); POST builds a hidden form with
//! one input per field (values set as properties, never parsed as HTML) and submits it. Inside
//! an iframe the redirect targets `_top` unless the `redirectTarget` option says otherwise.

use crate::net::encode;
use kasir_core::status::RedirectMethod;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{HtmlFormElement, HtmlInputElement};

fn in_iframe(w: &web_sys::Window) -> bool {
    match w.top() {
        Ok(Some(top)) => !js_sys::Object::is(&top, w),
        _ => false,
    }
}

/// Navigate the shopper to `url` in `target` (`None`: `_top` inside an iframe, else `_self`);
/// the URL was already checked by `flow::is_allowed_redirect`.
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
            let mut full = url.to_string();
            for (i, (k, v)) in fields.iter().enumerate() {
                let sep = if i == 0 && !url.contains('?') {
                    '?'
                } else {
                    '&'
                };
                full.push(sep);
                full.push_str(&encode(k));
                full.push('=');
                full.push_str(&encode(v));
            }
            if target == "_self" {
                w.location().assign(&full)
            } else {
                w.open_with_url_and_target(&full, &target).map(|_| ())
            }
        }
        RedirectMethod::Post => {
            let doc = w.document().ok_or(JsValue::NULL)?;
            let form: HtmlFormElement = doc.create_element("form")?.unchecked_into();
            form.set_method("post");
            form.set_action(url);
            form.set_target(&target);
            form.set_attribute("hidden", "")?;
            for (k, v) in fields {
                let input: HtmlInputElement = doc.create_element("input")?.unchecked_into();
                input.set_type("hidden");
                input.set_name(k);
                input.set_value(v);
                form.append_child(&input)?;
            }
            doc.body().ok_or(JsValue::NULL)?.append_child(&form)?;
            form.submit()
        }
    }
}
