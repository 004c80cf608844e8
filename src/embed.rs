//! The embed API: `Kasir.mount(target, options) → Promise<Checkout>`, `destroy()`, `result`,
//! data-attribute auto-mount, and the DOM events / callbacks reported to the host page.

use crate::actions::{poll, redirect};
use crate::config::{validate, KasirError, RawOptions, Settings};
use crate::flow::{Effect, Machine, Outcome};
use crate::jsview::Js;
use crate::psp::{merchant, omise, wooshpay};
use crate::resume;
use js_sys::{Array, Function, Object, Promise, Reflect};
use kasir_core::view::JsonView;
use kasir_core::{MethodId, Psp};
use leptos::prelude::*;
use std::any::Any;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::{CustomEvent, CustomEventInit, HtmlElement};

/// Everything one mounted checkout needs (not `Send`: lives in the UI thread only).
pub struct Ctx {
    /// Validated options.
    pub settings: Settings,
    /// The merchant's options object (hooks and callbacks are read from it).
    pub options: JsValue,
    /// The element the widget is mounted on (events are dispatched here).
    pub target: HtmlElement,
    /// False once destroyed: async work checks it after every await.
    pub alive: Cell<bool>,
    /// Resolves `checkout.result`.
    pub resolve_result: RefCell<Option<Function>>,
    /// The PSP object of the current payment (passed to `retrievePayment`).
    pub last_payment: RefCell<JsValue>,
    /// Unique prefix for element ids.
    pub id_prefix: String,
    /// Shopper's device.
    pub mobile: bool,
    /// `android`, `ios` or `other`.
    pub os: &'static str,
    /// Message shown in the widget's alert region.
    pub error: RwSignal<Option<String>>,
    /// The method selected / being paid.
    pub selected_method: RwSignal<Option<MethodId>>,
    /// UI strings (locale + the merchant's overrides).
    pub texts: crate::i18n::Texts,
    /// WooshPay: the intent's client secret (from options or from the merchant's intent).
    pub client_secret: RefCell<Option<String>>,
}

struct Mounted {
    el: HtmlElement,
    ctx: Rc<Ctx>,
    _handle: Box<dyn Any>,
    on_message: Option<Closure<dyn FnMut(web_sys::MessageEvent)>>,
}

thread_local! {
    static MOUNTS: RefCell<Vec<Mounted>> = const { RefCell::new(Vec::new()) };
    static COUNTER: Cell<u32> = const { Cell::new(0) };
}

fn set(obj: &Object, k: &str, v: &JsValue) {
    let _ = Reflect::set(obj, &JsValue::from_str(k), v);
}

fn error_object(e: &KasirError) -> Object {
    let o = Object::new();
    set(&o, "code", &e.code().into());
    set(&o, "message", &e.message().into());
    o
}

fn get(obj: &JsValue, k: &str) -> JsValue {
    if obj.is_object() {
        Reflect::get(obj, &JsValue::from_str(k)).unwrap_or(JsValue::UNDEFINED)
    } else {
        JsValue::UNDEFINED
    }
}

fn get_text(obj: &JsValue, k: &str) -> Option<String> {
    let v = get(obj, k);
    v.as_string().or_else(|| {
        v.as_f64().map(|f| {
            String::from(
                js_sys::Number::from(f)
                    .to_string_with_radix(10)
                    .unwrap_or_default(),
            )
        })
    })
}

fn raw_options(options: &JsValue) -> RawOptions {
    let amount = get(options, "amount");
    let methods = get(options, "methods");
    RawOptions {
        provider: get_text(options, "provider"),
        public_key: get_text(options, "publicKey"),
        project_id: get_text(options, "projectId"),
        api_base: get_text(options, "apiBase"),
        amount: amount.as_f64(),
        amount_text: amount
            .as_string()
            .or_else(|| amount.as_f64().and_then(|_| get_text(options, "amount"))),
        currency: get_text(options, "currency"),
        methods: if Array::is_array(&methods) {
            Some(
                methods
                    .unchecked_into::<Array>()
                    .iter()
                    .map(|m| m.as_string().unwrap_or_default())
                    .collect(),
            )
        } else {
            methods.as_string().map(|s| {
                s.split(',')
                    .map(|m| m.trim().to_string())
                    .filter(|m| !m.is_empty())
                    .collect()
            })
        },
        locale: get_text(options, "locale"),
        browser_language: web_sys::window().and_then(|w| w.navigator().language()),
        return_url: get_text(options, "returnUrl").or_else(current_page_url),
        client_secret: get_text(options, "clientSecret"),
        has_create_payment: get(options, "createPayment").is_function()
            || get(options, "createPaymentUrl").as_string().is_some(),
        storage_scope: String::new(),
        theme: get_text(options, "theme"),
        parent_origin: get_text(options, "parentOrigin"),
        appearance: string_entries(&get(options, "appearance")),
        strings: string_entries(&get(options, "strings")),
    }
}

fn string_entries(v: &JsValue) -> Vec<(String, String)> {
    if !v.is_object() {
        return Vec::new();
    }
    Object::entries(v.unchecked_ref::<Object>())
        .iter()
        .filter_map(|pair| {
            let pair: Array = pair.unchecked_into();
            Some((
                pair.get(0).as_string()?,
                pair.get(1).as_string().unwrap_or_default(),
            ))
        })
        .collect()
}

/// The page itself, without the PSPs' return parameters: where the shopper comes back to when
/// the merchant gives no `returnUrl`.
fn current_page_url() -> Option<String> {
    let loc = web_sys::window()?.location();
    let params = web_sys::UrlSearchParams::new_with_str(&loc.search().ok()?).ok()?;
    for p in [
        "payment_intent",
        "payment_intent_client_secret",
        "redirect_status",
    ] {
        params.delete(p);
    }
    let query = String::from(params.to_string());
    let sep = if query.is_empty() { "" } else { "?" };
    Some(format!(
        "{}{}{sep}{query}",
        loc.origin().ok()?,
        loc.pathname().ok()?
    ))
}

fn device() -> (bool, &'static str) {
    let ua = web_sys::window()
        .and_then(|w| w.navigator().user_agent().ok())
        .unwrap_or_default();
    let os = if ua.contains("Android") {
        "android"
    } else if ua.contains("iPhone") || ua.contains("iPad") {
        "ios"
    } else {
        "other"
    };
    (os != "other" || ua.contains("Mobile"), os)
}

fn resolve_target(target: &JsValue) -> Result<HtmlElement, KasirError> {
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

/// Dispatch `kasir:{name}` on the target (bubbling, composed) and call `on{Name}` if given.
pub fn emit(ctx: &Ctx, name: &str, error: Option<&KasirError>, payment: Option<&JsValue>) {
    let detail = Object::new();
    set(&detail, "provider", &ctx.settings.provider.as_str().into());
    let method = ctx
        .selected_method_str()
        .map(JsValue::from_str)
        .unwrap_or(JsValue::NULL);
    set(&detail, "method", &method);
    if let Some(p) = payment {
        set(&detail, "payment", p);
    }
    if let Some(e) = error {
        set(&detail, "code", &e.code().into());
        set(&detail, "message", &e.message().into());
    }
    dispatch(&ctx.target, &ctx.options, name, &detail);
    post_to_parent(ctx, name, &detail);
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
    set(&msg, "type", &format!("kasir:{name}").into());
    set(&msg, "detail", detail);
    let _ = parent.post_message(&msg, origin);
}

/// Messages from the parent page: only from `parentOrigin`; `{type: "kasir:cancel"}` goes back
/// to the picker. Anything else, or from anywhere else, is ignored.
fn listen_to_parent(
    ctx: &Rc<Ctx>,
    machine: RwSignal<Machine>,
) -> Option<Closure<dyn FnMut(web_sys::MessageEvent)>> {
    let origin = ctx.settings.parent_origin.clone()?;
    let c = ctx.clone();
    let cb = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
        if ev.origin() != origin || !c.alive.get() {
            return;
        }
        if get(&ev.data(), "type").as_string().as_deref() == Some("kasir:cancel") {
            cancel(&c, machine);
        }
    });
    web_sys::window()?
        .add_event_listener_with_callback("message", cb.as_ref().unchecked_ref())
        .ok()?;
    Some(cb)
}

/// A target inside a shadow root does not see the page's stylesheet: add it to that root.
fn style_shadow_root(el: &HtmlElement) {
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

fn dispatch(target: &HtmlElement, options: &JsValue, name: &str, detail: &Object) {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(detail);
    if let Ok(ev) = CustomEvent::new_with_event_init_dict(&format!("kasir:{name}"), &init) {
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

impl Ctx {
    /// The method being paid (set when Pay is pressed or a method is selected).
    pub fn selected_method_str(&self) -> Option<&'static str> {
        self.selected_method.get_untracked().map(MethodId::as_str)
    }
}

/// Carry out the state machine's effects.
pub fn apply_effects(
    ctx: &Rc<Ctx>,
    machine: RwSignal<Machine>,
    attempt: u32,
    effects: Vec<Effect>,
) {
    for fx in effects {
        let payment = ctx.last_payment.borrow().clone();
        match fx {
            Effect::ReportPending => {
                remember(ctx, &payment);
                emit(ctx, "pending", None, Some(&payment))
            }
            Effect::StartPolling => {
                remember(ctx, &payment);
                leptos::task::spawn_local(poll::run(ctx.clone(), machine, attempt));
            }
            Effect::Navigate {
                url,
                method,
                fields,
            } => {
                if let Err(e) = redirect::go(&ctx.options, &url, method, &fields) {
                    let err = KasirError::Network(
                        e.as_string().unwrap_or_else(|| "redirect failed".into()),
                    );
                    emit(ctx, "error", Some(&err), None);
                }
            }
            Effect::Report(outcome) => {
                resume::clear(&ctx.settings);
                if let Some(id) = Js(payment.clone()).str_at(&["id"]) {
                    resume::mark_reported(&id);
                }
                let detail_error = match &outcome {
                    Outcome::Failed { code, message } => Some(KasirError::Psp {
                        code: code.clone(),
                        message: message.clone(),
                    }),
                    _ => None,
                };
                emit(ctx, outcome.event(), detail_error.as_ref(), Some(&payment));
                if let Some(resolve) = ctx.resolve_result.borrow_mut().take() {
                    let r = Object::new();
                    let status = match outcome {
                        Outcome::Succeeded => "succeeded",
                        Outcome::Failed { .. } => "failed",
                        Outcome::Expired => "expired",
                        Outcome::Canceled => "canceled",
                    };
                    set(&r, "status", &status.into());
                    set(&r, "provider", &ctx.settings.provider.as_str().into());
                    set(
                        &r,
                        "method",
                        &ctx.selected_method_str()
                            .map(JsValue::from_str)
                            .unwrap_or(JsValue::NULL),
                    );
                    set(&r, "payment", &payment);
                    if let Some(e) = &detail_error {
                        set(&r, "code", &e.code().into());
                        set(&r, "message", &e.message().into());
                    }
                    let _ = resolve.call1(&JsValue::NULL, &r);
                }
            }
            Effect::RefusedUrl(url) => {
                let err = KasirError::InsecureRedirect(url);
                ctx.error.set(Some(err.message()));
                emit(ctx, "error", Some(&err), None);
            }
        }
    }
}

/// Remember the pending payment for reloads and returns.
pub fn remember(ctx: &Ctx, payment: &JsValue) {
    if let Some(m) = ctx.selected_method.get_untracked() {
        resume::save(
            &ctx.settings,
            m,
            payment,
            ctx.client_secret.borrow().as_deref(),
        );
    }
}

/// The current state of the payment: the merchant's `retrievePayment` hook or URL, else (WooshPay)
/// the intent itself with the publishable key + client secret.
pub async fn retrieve(ctx: &Ctx, id: &str) -> Result<JsValue, KasirError> {
    let has_hook = get(&ctx.options, "retrievePayment").is_function()
        || get(&ctx.options, "retrievePaymentUrl")
            .as_string()
            .is_some();
    let secret = ctx.client_secret.borrow().clone();
    match (has_hook, ctx.settings.provider, secret) {
        (false, Psp::Wooshpay, Some(cs)) => wooshpay::retrieve(&ctx.settings, &cs).await,
        _ => {
            let last = ctx.last_payment.borrow().clone();
            merchant::retrieve_payment(&ctx.options, &last, id).await
        }
    }
}

/// The shopper chose "Continue" on the desktop handoff screen.
pub fn continue_to(ctx: &Ctx, url: &str) {
    if let Err(e) = redirect::go(&ctx.options, url, kasir_core::RedirectMethod::Get, &[]) {
        let err = KasirError::Network(e.as_string().unwrap_or_else(|| "redirect failed".into()));
        emit(ctx, "error", Some(&err), None);
    }
}

fn random_id() -> String {
    let crypto =
        web_sys::window().map(|w| Reflect::get(&w, &"crypto".into()).unwrap_or(JsValue::UNDEFINED));
    if let Some(c) = crypto {
        if let Some(f) = get(&c, "randomUUID").dyn_ref::<Function>() {
            if let Some(s) = f.call0(&c).ok().and_then(|v| v.as_string()) {
                return s;
            }
        }
    }
    let mut s = String::from("kasir-");
    for _ in 0..4 {
        s.push_str(&format!(
            "{:08x}",
            (js_sys::Math::random() * 4_294_967_295.0) as u32
        ));
    }
    s
}

/// The shopper pressed Pay (or "Generate a new QR").
pub fn pay(ctx: &Rc<Ctx>, machine: RwSignal<Machine>) {
    let Some(Some((method, attempt))) = machine.try_update(|m| m.start_pay()) else {
        return;
    };
    ctx.error.set(None);
    ctx.selected_method.set(Some(method));
    leptos::task::spawn_local(pay_flow(ctx.clone(), machine, method, attempt));
}

async fn pay_flow(ctx: Rc<Ctx>, machine: RwSignal<Machine>, method: MethodId, attempt: u32) {
    let result = create(&ctx, method).await;
    if !ctx.alive.get() {
        return;
    }
    match result {
        Ok((obj, payment)) => {
            // A hosted checkout session is a whole checkout page, not a wallet: no phone handoff.
            let session =
                Js(obj.clone()).str_at(&["object"]).as_deref() == Some("checkout.session");
            *ctx.last_payment.borrow_mut() = obj;
            let app = kasir_core::catalogue::offer(
                method,
                ctx.settings.provider,
                ctx.settings.money.currency,
            )
            .is_some_and(|o| o.flow == kasir_core::Flow::AppRedirect);
            let handoff = !ctx.mobile && ctx.settings.provider == Psp::Wooshpay && !session && app;
            let fx = machine
                .try_update(|m| {
                    m.desktop_handoff = handoff;
                    m.on_created(attempt, payment)
                })
                .unwrap_or_default();
            apply_effects(&ctx, machine, attempt, fx);
        }
        Err(e) => {
            let _ = machine.try_update(|m| m.fail_creation(attempt));
            ctx.error.set(Some(match &e {
                KasirError::Network(_) => ctx.texts.t("error.network"),
                KasirError::Psp { message, .. } if !message.is_empty() => message.clone(),
                _ => ctx.texts.t("error.generic"),
            }));
            emit(&ctx, "error", Some(&e), None);
        }
    }
}

async fn create(
    ctx: &Rc<Ctx>,
    method: MethodId,
) -> Result<(JsValue, kasir_core::Payment), KasirError> {
    let s = &ctx.settings;
    let offer = kasir_core::catalogue::offer(method, s.provider, s.money.currency)
        .ok_or_else(|| KasirError::UnknownMethod(method.as_str().into()))?;
    let source = if s.provider == Psp::Omise {
        let src = omise::create_source(s, offer.wire_name_for(ctx.mobile)).await?;
        if !ctx.alive.get() {
            return Err(KasirError::Network("destroyed".into()));
        }
        emit(ctx, "source", None, Some(&src));
        src
    } else {
        JsValue::NULL
    };
    let req = Object::new();
    set(&req, "provider", &s.provider.as_str().into());
    set(&req, "method", &method.as_str().into());
    set(&req, "amount", &JsValue::from_f64(s.money.minor as f64));
    set(&req, "currency", &s.money.currency.code().into());
    set(&req, "source", &source);
    set(
        &req,
        "returnUrl",
        &s.return_url
            .as_deref()
            .map(JsValue::from_str)
            .unwrap_or(JsValue::NULL),
    );
    set(&req, "idempotencyKey", &random_id().into());
    let dev = Object::new();
    set(&dev, "mobile", &JsValue::from_bool(ctx.mobile));
    set(&dev, "os", &ctx.os.into());
    set(&req, "device", &dev);
    let idempotency_key = Reflect::get(&req, &"idempotencyKey".into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default();
    let given_secret = ctx.client_secret.borrow().clone();
    let mut obj = match (s.provider, given_secret) {
        // The merchant server already created the intent: confirm it from here.
        (Psp::Wooshpay, Some(cs)) => JsValue::from(cs),
        _ => merchant::create_payment(&ctx.options, &req).await?,
    };
    if s.provider == Psp::Wooshpay {
        let cs = obj.as_string().or_else(|| {
            let o = Js(obj.clone());
            let needs_confirm = o.str_at(&["object"]).as_deref() == Some("payment_intent")
                && matches!(
                    o.str_at(&["status"]).as_deref(),
                    Some("requires_payment_method" | "requires_confirmation")
                )
                && o.field("next_action").is_none_or(|n| n.is_null())
                && o.field("last_payment_error").is_none_or(|n| n.is_null());
            needs_confirm
                .then(|| o.str_at(&["client_secret"]))
                .flatten()
        });
        if let Some(cs) = cs {
            *ctx.client_secret.borrow_mut() = Some(cs.clone());
            obj = wooshpay::confirm(
                s,
                &cs,
                offer.wire_name_for(ctx.mobile),
                ctx.mobile,
                ctx.os,
                &idempotency_key,
            )
            .await?;
        }
    }
    let payment =
        kasir_core::status::interpret(s.provider, &Js(obj.clone())).map_err(|e| match e {
            kasir_core::status::InterpretError::PspError { code, message, .. } => {
                KasirError::Psp { code, message }
            }
            other => KasirError::InvalidResponse(other.to_string()),
        })?;
    Ok((obj, payment))
}

/// Back to the picker from a QR / redirect / result (reports `kasir:cancel`).
pub fn cancel(ctx: &Rc<Ctx>, machine: RwSignal<Machine>) {
    let was_pending = machine.with_untracked(|m| !matches!(m.phase, crate::flow::Phase::Done(_)));
    resume::clear(&ctx.settings);
    if machine.try_update(|m| m.cancel()) == Some(true) && was_pending {
        let payment = ctx.last_payment.borrow().clone();
        emit(ctx, "cancel", None, Some(&payment));
        if let Some(f) = get(&ctx.options, "cancelPayment").dyn_ref::<Function>() {
            let _ = f.call1(&JsValue::NULL, &payment);
        }
    }
}

fn mount_element(el: HtmlElement, options: JsValue) -> Result<JsValue, KasirError> {
    if el.has_attribute("data-kasir-mounted") {
        return Err(KasirError::AlreadyMounted);
    }
    let mut raw = raw_options(&options);
    raw.storage_scope = el.id();
    let settings = validate(&raw)?;
    let locale = settings.locale;
    let strings = settings.strings.clone();
    let (mobile, os) = device();
    let n = COUNTER.with(|c| {
        c.set(c.get() + 1);
        c.get()
    });
    let mut resolve_slot = None;
    let result = Promise::new(&mut |resolve, _| resolve_slot = Some(resolve));
    let machine = RwSignal::new(Machine::new());
    let ctx = Rc::new(Ctx {
        settings,
        options,
        target: el.clone(),
        alive: Cell::new(true),
        resolve_result: RefCell::new(resolve_slot),
        last_payment: RefCell::new(JsValue::NULL),
        id_prefix: format!("kasir-{n}"),
        mobile,
        os,
        error: RwSignal::new(None),
        selected_method: RwSignal::new(None),
        client_secret: RefCell::new(None),
        texts: crate::i18n::Texts::new(locale, strings),
    });
    *ctx.client_secret.borrow_mut() = ctx.settings.client_secret.clone();
    machine.update_untracked(|m| {
        m.desktop_handoff = !mobile && ctx.settings.provider == Psp::Wooshpay
    });
    let _ = el.set_attribute("data-kasir-mounted", "");
    style_shadow_root(&el);
    let on_message = listen_to_parent(&ctx, machine);
    let ui_ctx = ctx.clone();
    let handle = leptos::mount::mount_to(el.clone(), move || crate::ui::view(ui_ctx, machine));
    MOUNTS.with(|m| {
        m.borrow_mut().push(Mounted {
            el: el.clone(),
            ctx: ctx.clone(),
            _handle: Box::new(handle),
            on_message,
        })
    });
    let checkout = Object::new();
    let destroy_el = el.clone();
    let destroy = Closure::<dyn Fn()>::new(move || destroy_element(&destroy_el));
    set(&checkout, "destroy", &destroy.into_js_value());
    set(&checkout, "result", &result);
    set(&checkout, "element", &el);
    emit(&ctx, "ready", None, None);
    resume_pending(&ctx, machine);
    Ok(checkout.into())
}

/// A payment remembered from before a reload / redirect: show it again and poll.
fn resume_pending(ctx: &Rc<Ctx>, machine: RwSignal<Machine>) {
    let Some((method, obj, cs)) = resume::load(&ctx.settings) else {
        return;
    };
    let Ok(payment) = kasir_core::status::interpret(ctx.settings.provider, &Js(obj.clone())) else {
        resume::clear(&ctx.settings);
        return;
    };
    ctx.selected_method.set(Some(method));
    if cs.is_some() {
        *ctx.client_secret.borrow_mut() = cs;
    }
    *ctx.last_payment.borrow_mut() = obj;
    let (attempt, fx) = machine.update_untracked(|m| m.resume(method, payment));
    machine.notify();
    apply_effects(ctx, machine, attempt, fx);
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
        if let (Some(cb), Some(w)) = (&mounted.on_message, web_sys::window()) {
            let _ = w.remove_event_listener_with_callback("message", cb.as_ref().unchecked_ref());
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
        Ok(checkout) => Promise::resolve(&checkout),
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

/// Mount every `[data-kasir]` element not mounted yet, from its data attributes.
#[wasm_bindgen(js_name = autoMount)]
pub fn auto_mount() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(list) = doc.query_selector_all("[data-kasir]:not([data-kasir-mounted])") else {
        return;
    };
    for i in 0..list.length() {
        let Some(el) = list.item(i).and_then(|n| n.dyn_into::<HtmlElement>().ok()) else {
            continue;
        };
        let opts = Object::new();
        for (attr, key) in [
            ("data-provider", "provider"),
            ("data-public-key", "publicKey"),
            ("data-project-id", "projectId"),
            ("data-api-base", "apiBase"),
            ("data-amount", "amount"),
            ("data-currency", "currency"),
            ("data-methods", "methods"),
            ("data-locale", "locale"),
            ("data-return-url", "returnUrl"),
            ("data-client-secret", "clientSecret"),
            ("data-create-payment-url", "createPaymentUrl"),
            ("data-retrieve-payment-url", "retrievePaymentUrl"),
            ("data-theme", "theme"),
            ("data-parent-origin", "parentOrigin"),
        ] {
            if let Some(v) = el.get_attribute(attr) {
                set(&opts, key, &v.into());
            }
        }
        let _ = mount(el.into(), opts.into());
    }
}
