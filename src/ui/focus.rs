//! Moving focus to a screen's heading once it is in the DOM (for keyboard and screen-reader
//! users: every screen change lands on its heading).

use leptos::prelude::*;

/// Focus an element once it is in the DOM.
pub fn focus_on_mount<E>(node: NodeRef<E>)
where
    E: leptos::html::ElementType,
    E::Output: wasm_bindgen::JsCast + Clone + 'static,
    NodeRef<E>: Get<Value = Option<E::Output>>,
{
    Effect::new(move |_| {
        if let Some(el) = node.get() {
            let el: &web_sys::HtmlElement = wasm_bindgen::JsCast::unchecked_ref(&el);
            let _ = el.focus();
        }
    });
}
