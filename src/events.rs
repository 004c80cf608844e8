//! Reporting to the host page: `kasir:*` DOM events (bubbling, composed) and `on*` callbacks on
//! the target, and, inside an iframe with `parentOrigin`, `postMessage` to that exact origin;
//! plus listening to that parent (`{type: "kasir:cancel"}`).

use crate::checkout::Ctx;
use crate::error::KasirError;
use crate::jsview::{get, set};
use js_sys::{Function, Object};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::{CustomEvent, CustomEventInit, HtmlElement};

/// `{code, message}` of an error.
pub fn error_object(e: &KasirError) -> Object {
    let o = Object::new();
    set(&o, "code", &e.code().into());
    set(&o, "message", &e.message().into());
    o
}

/// The `detail` of an event, and the fields of `checkout.result`: provider, method, payment,
/// code and message.
pub fn detail(ctx: &Ctx, error: Option<&KasirError>, payment: Option<&JsValue>) -> Object {
    let detail = Object::new();
    set(&detail, "provider", &ctx.settings.provider.as_str().into());
    let method = ctx
        .method()
        .map(|m| JsValue::from_str(m.as_str()))
        .unwrap_or(JsValue::NULL);
    set(&detail, "method", &method);
    if let Some(p) = payment {
        set(&detail, "payment", p);
    }
    if let Some(e) = error {
        set(&detail, "code", &e.code().into());
        set(&detail, "message", &e.message().into());
    }
    detail
}

/// Dispatch `kasir:{name}` on the target and call `on{Name}`; post it to the parent page.
pub fn emit(ctx: &Ctx, name: &str, error: Option<&KasirError>, payment: Option<&JsValue>) {
    let detail = detail(ctx, error, payment);
    dispatch(&ctx.target, &ctx.options, name, &detail);
    post_to_parent(ctx, name, &detail);
}

/// `kasir:error` for an error, with the usual detail.
pub fn emit_error(ctx: &Ctx, e: &KasirError) {
    emit(ctx, "error", Some(e), None);
}

/// Dispatch `kasir:{name}` on `target` (bubbling, composed) and call `options.on{Name}`.
pub fn dispatch(target: &HtmlElement, options: &JsValue, name: &str, detail: &Object) {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(detail);
    if let Ok(ev) = CustomEvent::new_with_event_init_dict(&["kasir:", name].concat(), &init) {
        let _ = target.dispatch_event(&ev);
    }
    let mut cb = String::from("on");
    let mut chars = name.chars();
    if let Some(c) = chars.next() {
        cb.push(c.to_ascii_uppercase());
        cb.push_str(chars.as_str());
    }
    if let Some(f) = get(options, &cb).dyn_ref::<Function>() {
        let _ = f.call1(&JsValue::NULL, detail);
    }
}

/// Inside an iframe with `parentOrigin`, report every event to the parent page — to that exact
/// origin only (never `*`).
fn post_to_parent(ctx: &Ctx, name: &str, detail: &Object) {
    let Some(origin) = ctx.settings.parent_origin.as_deref() else {
        return;
    };
    let Some(w) = web_sys::window() else { return };
    let Ok(Some(parent)) = w.parent() else { return };
    if js_sys::Object::is(&parent, &w) {
        return;
    }
    let msg = Object::new();
    set(&msg, "type", &["kasir:", name].concat().into());
    set(&msg, "detail", detail);
    let _ = parent.post_message(&msg, origin);
}

/// A `message` listener installed on the window (removed by [`ParentListener::remove`]).
pub struct ParentListener(Closure<dyn FnMut(web_sys::MessageEvent)>);

impl ParentListener {
    /// Stop listening.
    pub fn remove(&self) {
        if let Some(w) = web_sys::window() {
            let _ =
                w.remove_event_listener_with_callback("message", self.0.as_ref().unchecked_ref());
        }
    }
}

/// Messages from the parent page: only from `parentOrigin`; `{type: "kasir:cancel"}` calls
/// `on_cancel`. Anything else, or from anywhere else, is ignored.
pub fn listen_to_parent(ctx: &Rc<Ctx>, on_cancel: impl Fn() + 'static) -> Option<ParentListener> {
    let origin = ctx.settings.parent_origin.clone()?;
    let c = ctx.clone();
    let cb = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
        // from the parent window itself (not another frame of the same origin), and only
        // from `parentOrigin`
        let from_parent = match (
            ev.source(),
            web_sys::window().and_then(|w| w.parent().ok().flatten()),
        ) {
            (Some(src), Some(parent)) => js_sys::Object::is(&src, &parent),
            _ => false,
        };
        if !from_parent || ev.origin() != origin || !c.alive.get() {
            return;
        }
        if get(&ev.data(), "type").as_string().as_deref() == Some("kasir:cancel") {
            on_cancel();
        }
    });
    web_sys::window()?
        .add_event_listener_with_callback("message", cb.as_ref().unchecked_ref())
        .ok()?;
    Some(ParentListener(cb))
}
