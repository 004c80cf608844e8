//! The JavaScript API, and only that: `Kasir.mount(target, options) → Promise<Checkout>`
//! (`destroy()`, `result`, `element`), auto-mount of `[data-kasir]` elements, and the options
//! of a `<kasir-checkout>` element's attributes (the element itself is defined by the loader).

use crate::build::{given_account, ASKS_INPUTS};
use crate::checkout::{Checkout, Ctx};
use crate::config::validate;
use crate::details::Details;
use crate::error::KasirError;
use crate::events::{dispatch, emit, emit_error, error_object, listen_to_parent, ParentListener};
use crate::flow::Machine;
use crate::flows;
use crate::i18n::{self, Texts};
use crate::jsview::{get, set};
use crate::net;
use crate::options;
use crate::page::{device, resolve_target, style_shadow_root};
use crate::psp::adapter;
#[cfg(feature = "qr-encoder")]
use crate::qr_encoder;
use crate::ui::Root;
use js_sys::{Object, Promise};
use kasir_core::catalogue::{availability, Account};
use kasir_core::text;
use leptos::prelude::*;
use std::any::Any;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::HtmlElement;

struct Mounted {
    el: HtmlElement,
    ctx: Rc<Ctx>,
    _handle: Box<dyn Any>,
    parent: Option<ParentListener>,
}

thread_local! {
    static MOUNTS: RefCell<Vec<Mounted>> = const { RefCell::new(Vec::new()) };
    static COUNTER: Cell<u32> = const { Cell::new(0) };
}

/// Validate the options, set up the checkout and send the account's call (Opn's capability),
/// then draw it in a task of its own: the promise resolves to the checkout once it is drawn.
/// Two tasks, not one: the mount is the longest stretch of the widget's work before the picker
/// (instantiating, compiling its functions on first call), and the account's answer takes a
/// round trip anyway, so drawing after a yield costs the picker nothing and keeps each task
/// short on a slow phone.
fn mount_element(el: HtmlElement, options: JsValue) -> Result<Promise, KasirError> {
    if el.has_attribute("data-kasir-mounted") {
        return Err(KasirError::AlreadyMounted);
    }
    let mut raw = options::read(&options);
    raw.storage_scope = el.id();
    // the account the merchant gave (`capability`, checked by `validate`: Opn's only)
    let given = raw.capability.as_ref().and_then(Option::as_ref).cloned();
    let settings = validate(raw)?;
    let n = COUNTER.with(|c| {
        c.set(c.get() + 1);
        c.get()
    });
    let mut resolve_slot = None;
    let result = Promise::new(&mut |resolve, _| resolve_slot = Some(resolve));
    let texts = Texts::new(settings.locale, settings.strings.clone());
    // the locale's table, fetched now (alongside the account) when it is not English
    let table = i18n::load(settings.locale);
    let client_secret = settings.client_secret.clone();
    let (shopper_phone, shopper_email) = (
        settings.shopper_phone.clone(),
        settings.shopper_email.clone(),
    );
    let ctx = Rc::new(Ctx {
        settings,
        options,
        target: el.clone(),
        alive: Cell::new(true),
        resolve_result: RefCell::new(resolve_slot),
        last_payment: RefCell::new(JsValue::NULL),
        id_prefix: ["kasir-", &text::decimal(n.into())].concat(),
        device: device(),
        machine: RwSignal::new(Machine::new()),
        texts,
        texts_ready: Cell::new(table.is_none()),
        texts_arrived: Trigger::new(),
        client_secret: RefCell::new(client_secret),
        given_secret_finished: Cell::new(false),
        account: RefCell::new(None),
        account_read: Trigger::new(),
        // a build whose methods ask nothing needs no prefill (and carries no validation)
        details: Details::new(
            shopper_phone.as_deref().filter(|_| ASKS_INPUTS),
            shopper_email.as_deref().filter(|_| ASKS_INPUTS),
        ),
        resume_owed: Cell::new(false),
        inputs_owed: Cell::new(false),
        screen: RefCell::new(None),
    });
    if let Some(table) = table {
        let weak = Rc::downgrade(&ctx);
        wasm_bindgen_futures::spawn_local(async move {
            table.await;
            if let Some(c) = weak.upgrade().filter(|c| c.alive.get()) {
                c.texts_ready.set(true);
                c.texts_arrived.notify();
            }
        });
    }
    let _ = el.set_attribute("data-kasir-mounted", "");
    style_shadow_root(&el);
    let on_cancel = Rc::downgrade(&ctx);
    let parent = listen_to_parent(&ctx, move || {
        if let Some(c) = on_cancel.upgrade() {
            flows::cancel(&c);
        }
    });
    // the account the merchant gave (`capability`) is drawn at once; else the adapter's call
    // goes out before the first render (the picker waits for it), and its answer is stored as
    // soon as it comes, not once the checkout is drawn: an answer that comes before the drawing
    // task has the picker drawn in that task
    match given {
        Some(given) => ctx.set_account(given_account(given)),
        None => match adapter(ctx.settings.provider).account(&ctx) {
            Some(read) => {
                let weak = Rc::downgrade(&ctx);
                wasm_bindgen_futures::spawn_local(async move {
                    let account = read.await;
                    if let Some(c) = weak.upgrade().filter(|c| c.alive.get()) {
                        c.set_account(account);
                    }
                });
            }
            None => ctx.set_account(Account::everything()),
        },
    }
    let mut drawn = None;
    let promise = Promise::new(&mut |resolve, _| drawn = Some(resolve));
    // (not Leptos's executor: it is set up by the mount, in `draw`)
    wasm_bindgen_futures::spawn_local(async move {
        net::sleep(0).await;
        let checkout = draw(el, ctx, parent, result);
        if let Some(resolve) = drawn {
            let _ = resolve.call1(&JsValue::NULL, &checkout);
        }
    });
    Ok(promise)
}

/// The second task of a mount: the checkout drawn, `ready` said, a pending payment picked up.
fn draw(el: HtmlElement, ctx: Rc<Ctx>, parent: Option<ParentListener>, result: Promise) -> JsValue {
    let ui_ctx = ctx.clone();
    let handle = leptos::mount::mount_to(el.clone(), move || {
        let ck = Checkout::new(ui_ctx);
        view! { <Root ck/> }
    });
    MOUNTS.with(|m| {
        m.borrow_mut().push(Mounted {
            el: el.clone(),
            ctx: ctx.clone(),
            _handle: Box::new(handle),
            parent,
        })
    });
    let checkout = Object::new();
    let destroy_el = el.clone();
    let destroy = Closure::<dyn Fn()>::new(move || destroy_element(&destroy_el));
    set(&checkout, "destroy", &destroy.into_js_value());
    set(&checkout, "result", &result);
    set(&checkout, "element", &el);
    emit(&ctx, "ready", None, None);
    #[cfg(feature = "qr-encoder")]
    if adapter(ctx.settings.provider).encodes_qr() {
        qr_encoder::prefetch();
    }
    let s = &ctx.settings;
    if !s
        .methods
        .iter()
        .any(|m| availability(*m, s.provider, s.money).is_available())
    {
        emit_error(&ctx, &KasirError::NoMethodAvailable);
    }
    flows::resume(&ctx);
    checkout.into()
}

fn destroy_element(el: &HtmlElement) {
    let removed = MOUNTS.with(|m| {
        let mut m = m.borrow_mut();
        m.iter()
            .position(|x| js_sys::Object::is(&x.el, el))
            .map(|i| m.remove(i))
    });
    if let Some(mounted) = removed {
        mounted.ctx.alive.set(false);
        // the screen the flows drew holds the checkout (its owner keeps a handle on it)
        drop(mounted.ctx.screen.take());
        if let Some(p) = &mounted.parent {
            p.remove();
        }
        drop(mounted);
    }
    let _ = el.remove_attribute("data-kasir-mounted");
}

/// `Kasir.mount(target, options)`: resolves to `{destroy(), result, element}`; rejects with
/// `{code, message}` (and dispatches `kasir:error` on the element when there is one).
#[wasm_bindgen]
pub fn mount(target: JsValue, options: JsValue) -> Promise {
    let el = resolve_target(&target);
    let outcome = el.clone().and_then(|el| mount_element(el, options.clone()));
    match outcome {
        Ok(drawn) => drawn,
        Err(e) => {
            let detail = error_object(&e);
            set(&detail, "provider", &get(&options, "provider"));
            set(&detail, "method", &JsValue::NULL);
            if let Ok(el) = el {
                dispatch(&el, &options, "error", &detail);
            }
            Promise::reject(&error_object(&e))
        }
    }
}

/// The options object of an element's attributes named `prefix` + the option table's name:
/// `data-` for `[data-kasir]` elements (auto-mount, done by the loader), none for
/// `<kasir-checkout>` (`public-key`, `order-id`, …). Every option of `options::OPTIONS`.
#[wasm_bindgen(js_name = elementOptions)]
pub fn element_options(el: HtmlElement, prefix: &str) -> JsValue {
    options::from_attributes(&el, prefix)
}
