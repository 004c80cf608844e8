//! Browser tests (wasm-bindgen-test in headless Chromium): mount the real widget into the test
//! page, drive it with clicks and keys, assert the DOM and the events. The PSP is replaced by a
//! scripted `window.fetch` only in tests that need one (no PSP can run inside this page); the
//! end-to-end suite (tests/e2e) drives the same widget against the real sandbox.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Function, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

fn doc() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn host() -> HtmlElement {
    let el: HtmlElement = doc().create_element("div").unwrap().unchecked_into();
    doc().body().unwrap().append_child(&el).unwrap();
    el
}

fn js(src: &str) -> JsValue {
    Function::new_no_args(&format!("return ({src});"))
        .call0(&JsValue::NULL)
        .unwrap()
}

/// Options for an Opn checkout of ฿4,000 with the three methods these picker tests were written
/// for (the catalogue's other THB methods have their own tests). Opn's capability call is
/// answered at once: `window.__capability`, else an error (the catalogue stands in). Call it
/// after installing a scripted `window.fetch`.
fn options(extra: &str) -> JsValue {
    run("if (!window.fetch.__kasirTest) { const current = window.fetch;
        const wrapper = function(input, init) {
          if (String(input.url || input).endsWith('/capability')) {
            const c = window.__capability;
            return Promise.resolve(new Response(JSON.stringify(c || {object: 'error', code: 'not_found'}),
              {status: c ? 200 : 404, headers: {'Content-Type': 'application/json'}}));
          }
          return current(input, init);
        };
        wrapper.__kasirTest = true; window.fetch = wrapper; }");
    js(&format!(
        "Object.assign({{provider:'omise', publicKey:'pkey_test_kasir', apiBase:'https://psp.test', amount:400000, currency:'THB', locale:'en',
          methods: ['truemoney_qr', 'truemoney', 'promptpay'],
          createPayment: function() {{ return Promise.reject(new Error('not in this test')); }}}}, {extra})"
    ))
}

/// Record every `kasir:*` event dispatched on `el` into `el.__events`.
fn record_events(el: &HtmlElement) {
    let f = Function::new_with_args(
        "el",
        "el.__events = []; ['ready','select','source','pending','success','failure','expired','cancel','error','timeout'].forEach(function(n){ el.addEventListener('kasir:'+n, function(e){ el.__events.push(n + (e.detail && e.detail.code ? ':' + e.detail.code : '')); }); });",
    );
    f.call1(&JsValue::NULL, el).unwrap();
}

fn events(el: &HtmlElement) -> Vec<String> {
    let a: Array = Reflect::get(el, &"__events".into())
        .unwrap()
        .unchecked_into();
    a.iter().map(|v| v.as_string().unwrap()).collect()
}

async fn sleep(ms: i32) {
    let p = Promise::new(&mut |r, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&r, ms)
            .unwrap();
    });
    JsFuture::from(p).await.unwrap();
}

async fn wait_for(what: &str, mut cond: impl FnMut() -> bool) {
    for _ in 0..300 {
        if cond() {
            return;
        }
        sleep(10).await;
    }
    panic!("timed out waiting for {what}");
}

/// Mount, and wait until a screen is rendered (the picker waits for Opn's capability call,
/// which the scripted fetches answer at once).
/// The QR module's encoder, in-process (in a page, `kasir.js` fetches the module and installs
/// the same function: `qr(payload)` → `Promise<svg | undefined>`).
fn install_qr_encoder() {
    let qr = wasm_bindgen::closure::Closure::<dyn Fn(JsValue) -> Promise>::new(|p: JsValue| {
        let svg = p.as_string().and_then(|p| kasir_qr::qr_svg(&p));
        Promise::resolve(&svg.map(JsValue::from).unwrap_or(JsValue::UNDEFINED))
    });
    kasir::qr_encoder::set_qr_encoder(qr.into_js_value().unchecked_into());
}

/// The locales' text tables, in-process (in a page, `kasir.js` fetches `kasir-<locale>-<hash>.json`
/// with its integrity and installs the same function: `load(tag)` → `Promise<string[]>`, the
/// texts in key order without the keys, as scripts/make-loader.sh ships them).
fn install_texts() {
    let load = wasm_bindgen::closure::Closure::<dyn Fn(JsValue) -> Promise>::new(|tag: JsValue| {
        let json = match tag.as_string().as_deref() {
            Some("th") => include_str!("../src/i18n/th.json"),
            Some("id") => include_str!("../src/i18n/id.json"),
            Some("ko") => include_str!("../src/i18n/ko.json"),
            Some("ru") => include_str!("../src/i18n/ru.json"),
            Some("ja") => include_str!("../src/i18n/ja.json"),
            _ => return Promise::reject(&tag),
        };
        Promise::resolve(&JsValue::from(shipped_texts(json)))
    });
    kasir::i18n::set_locale_loader(load.into_js_value().unchecked_into());
}

/// A `{key: text}` source table as it ships: its texts in key order (byte order, as the
/// loader's `Object.keys(t).sort()`), without the keys.
fn shipped_texts(json: &str) -> js_sys::Array {
    let table: js_sys::Object = js_sys::JSON::parse(json).unwrap().unchecked_into();
    let mut keys: Vec<String> = js_sys::Object::keys(&table)
        .iter()
        .filter_map(|k| k.as_string())
        .collect();
    keys.sort_unstable();
    keys.iter()
        .map(|k| js_sys::Reflect::get(&table, &JsValue::from_str(k)).unwrap())
        .collect()
}

async fn mount(el: &HtmlElement, opts: JsValue) -> Result<JsValue, JsValue> {
    install_qr_encoder();
    install_texts();
    let r = JsFuture::from(kasir::embed::mount(el.clone().into(), opts)).await;
    if r.is_ok() {
        let shown = || {
            el.query_selector(".kasir > :not(.kasir-error)")
                .ok()
                .flatten()
                .is_some()
        };
        // at most the capability timeout (5 s) where a test leaves the real fetch in place
        for _ in 0..700 {
            if shown() {
                break;
            }
            sleep(10).await;
        }
        assert!(shown(), "no screen after mount");
    }
    r
}

/// A radio's method name (its icon is `aria-hidden`).
fn name_of(radio: &Element) -> String {
    radio
        .query_selector(".kasir-method-name")
        .unwrap()
        .and_then(|n| n.text_content())
        .unwrap_or_default()
}

fn radios(el: &HtmlElement) -> Vec<Element> {
    let list = el.query_selector_all("[role=radio]").unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().unchecked_into())
        .collect()
}

/// The picker's methods, in its order (each radio's `data-method`).
fn radio_methods(el: &HtmlElement) -> Vec<String> {
    radios(el)
        .iter()
        .map(|r| r.get_attribute("data-method").unwrap())
        .collect()
}

fn destroy(checkout: &JsValue) {
    let f: Function = Reflect::get(checkout, &"destroy".into())
        .unwrap()
        .unchecked_into();
    f.call0(checkout).unwrap();
}

#[wasm_bindgen_test]
async fn picker_shows_provider_methods_with_reasons() {
    let el = host();
    record_events(&el);
    // ฿50.00: below TrueMoney QR's ฿100.00 minimum, fine for the wallet (฿20) and PromptPay.
    let c = mount(&el, options("{amount: 5000}")).await.unwrap();
    leptos::task::tick().await;
    let r = radios(&el);
    let names: Vec<String> = r.iter().map(|e| e.text_content().unwrap()).collect();
    assert_eq!(r.len(), 3, "{names:?}");
    assert!(
        names[0].contains("TrueMoney QR") && names[0].contains("Available from ฿100.00"),
        "{names:?}"
    );
    assert_eq!(r[0].get_attribute("aria-disabled").as_deref(), Some("true"));
    assert!(names[1].contains("TrueMoney Wallet"));
    assert!(names[2].contains("PromptPay"));
    assert!(r
        .iter()
        .all(|e| e.get_attribute("aria-checked").as_deref() == Some("false")));
    let pay = el.query_selector("button.kasir-pay").unwrap().unwrap();
    assert!(pay.text_content().unwrap().contains("Pay ฿50.00"));
    assert!(pay.has_attribute("disabled"), "nothing selected yet");
    assert_eq!(events(&el), vec!["ready"]);
    // clicking a disabled method does nothing
    r[0].unchecked_ref::<HtmlElement>().click();
    leptos::task::tick().await;
    assert_eq!(r[0].get_attribute("aria-checked").as_deref(), Some("false"));
    // the group's one click handler finds the radio of a click on its name
    r[1].query_selector(".kasir-method-name")
        .unwrap()
        .unwrap()
        .unchecked_ref::<HtmlElement>()
        .click();
    leptos::task::tick().await;
    assert_eq!(r[1].get_attribute("aria-checked").as_deref(), Some("true"));
    assert_eq!(r[0].get_attribute("aria-checked").as_deref(), Some("false"));
    destroy(&c);
    assert!(
        el.query_selector("[role=radio]").unwrap().is_none(),
        "destroy removes everything"
    );
}

#[wasm_bindgen_test]
async fn methods_option_filters_and_currency_decides() {
    let el = host();
    let c = mount(&el, options("{methods:['truemoney_qr']}"))
        .await
        .unwrap();
    leptos::task::tick().await;
    assert_eq!(radios(&el).len(), 1);
    destroy(&c);
    let c = mount(&el, options("{provider:'wooshpay', publicKey:'pk_test_kasir', currency:'IDR', amount: 2500000000, locale:'id', methods: ['akulaku']}")).await.unwrap();
    leptos::task::tick().await;
    let r = radios(&el);
    assert_eq!(r.len(), 1);
    assert!(r[0].text_content().unwrap().contains("Akulaku"));
    let pay = el.query_selector("button.kasir-pay").unwrap().unwrap();
    assert!(
        pay.text_content()
            .unwrap()
            .contains("Bayar Rp\u{a0}25.000.000"),
        "{:?}",
        pay.text_content()
    );
    destroy(&c);
}

#[wasm_bindgen_test]
async fn keyboard_moves_and_selects() {
    let el = host();
    record_events(&el);
    let c = mount(&el, options("{}")).await.unwrap();
    leptos::task::tick().await;
    let r = radios(&el);
    assert_eq!(
        r[0].get_attribute("tabindex").as_deref(),
        Some("0"),
        "roving tabindex starts on the first method"
    );
    assert_eq!(r[1].get_attribute("tabindex").as_deref(), Some("-1"));
    let key = |target: &Element, k: &str| {
        let init = web_sys::KeyboardEventInit::new();
        init.set_key(k);
        init.set_bubbles(true);
        let ev =
            web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
        target.dispatch_event(&ev).unwrap();
    };
    key(&r[0], "ArrowDown");
    leptos::task::tick().await;
    assert_eq!(r[0].get_attribute("aria-checked").as_deref(), Some("true"));
    key(&r[0], "ArrowDown");
    leptos::task::tick().await;
    assert_eq!(r[0].get_attribute("aria-checked").as_deref(), Some("false"));
    assert_eq!(r[1].get_attribute("aria-checked").as_deref(), Some("true"));
    assert_eq!(r[1].get_attribute("tabindex").as_deref(), Some("0"));
    assert_eq!(
        doc().active_element().map(|a| a.id()),
        Some(r[1].id()),
        "focus follows selection"
    );
    key(&r[1], "ArrowUp");
    key(&r[0], "ArrowUp");
    leptos::task::tick().await;
    assert_eq!(
        r[2].get_attribute("aria-checked").as_deref(),
        Some("true"),
        "wraps around"
    );
    key(&r[0], " ");
    leptos::task::tick().await;
    assert_eq!(r[0].get_attribute("aria-checked").as_deref(), Some("true"));
    assert!(!el
        .query_selector("button.kasir-pay")
        .unwrap()
        .unwrap()
        .has_attribute("disabled"));
    assert_eq!(
        events(&el),
        vec!["ready", "select", "select", "select", "select", "select"],
        "one select per change"
    );
    destroy(&c);
}

fn install_counting_fetch() {
    js("(window.__realFetch = window.__realFetch || window.fetch, window.__fetches = [], window.fetch = function(input, init) { window.__fetches.push(String(input.url || input)); return Promise.reject(new TypeError('no network in this test')); })");
}

fn fetches() -> u32 {
    Reflect::get(&web_sys::window().unwrap(), &"__fetches".into())
        .unwrap()
        .unchecked_into::<Array>()
        .length()
}

#[wasm_bindgen_test]
async fn secret_keys_are_refused_before_any_request() {
    install_counting_fetch();
    for key in ["skey_test_kasir", "sk_test_kasir", "sk_live_123"] {
        let el = host();
        record_events(&el);
        let err = mount(&el, options(&format!("{{publicKey:'{key}'}}")))
            .await
            .unwrap_err();
        assert_eq!(
            Reflect::get(&err, &"code".into())
                .unwrap()
                .as_string()
                .as_deref(),
            Some("secret_key_in_browser")
        );
        assert_eq!(events(&el), vec!["error:secret_key_in_browser"]);
        assert!(radios(&el).is_empty(), "nothing rendered");
    }
    assert_eq!(fetches(), 0);
}

#[wasm_bindgen_test]
async fn invalid_options_are_named_errors() {
    install_counting_fetch();
    for (opts, code) in [
        ("{amount:-5}", "invalid_amount"),
        ("{amount:10.5}", "invalid_amount"),
        ("{amount:'abc'}", "invalid_amount"),
        ("{provider:'paypal'}", "unknown_provider"),
        ("{methods:['bitcoin']}", "unknown_method"),
        ("{currency:'ZZZ'}", "unknown_currency"),
        ("{publicKey:''}", "missing_public_key"),
        ("{createPayment: undefined}", "missing_create_payment"),
    ] {
        let el = host();
        let err = mount(&el, options(opts)).await.unwrap_err();
        assert_eq!(
            Reflect::get(&err, &"code".into())
                .unwrap()
                .as_string()
                .as_deref(),
            Some(code),
            "{opts}"
        );
    }
    let err = JsFuture::from(kasir::embed::mount("#does-not-exist".into(), options("{}")))
        .await
        .unwrap_err();
    assert_eq!(
        Reflect::get(&err, &"code".into())
            .unwrap()
            .as_string()
            .as_deref(),
        Some("invalid_target")
    );
    assert_eq!(fetches(), 0);
}

#[wasm_bindgen_test]
async fn mounting_twice_is_an_error_until_destroyed() {
    let el = host();
    let c = mount(&el, options("{}")).await.unwrap();
    let err = mount(&el, options("{}")).await.unwrap_err();
    assert_eq!(
        Reflect::get(&err, &"code".into())
            .unwrap()
            .as_string()
            .as_deref(),
        Some("already_mounted")
    );
    leptos::task::tick().await;
    assert_eq!(
        el.query_selector_all(".kasir").unwrap().length(),
        1,
        "no second widget"
    );
    destroy(&c);
    destroy(&c); // idempotent
    let c2 = mount(&el, options("{}")).await.unwrap();
    leptos::task::tick().await;
    assert_eq!(el.query_selector_all(".kasir").unwrap().length(), 1);
    destroy(&c2);
}

/// Regression: the QR heading did not take the focus once the picker had waited for Opn's
/// capability call. The root's body subscribes again each time it redraws (here when the
/// account arrives), so the focusing effect ran before the QR screen was drawn and found no
/// heading. It focuses after that round of effects now.
#[wasm_bindgen_test]
async fn qr_heading_takes_the_focus_after_the_account_arrived_late() {
    forget_pending();
    js("(window.fetch = function(input, init) {
        return Promise.resolve(new Response(JSON.stringify({object:'source', id:'src_test_f', type:'truemoney_qr', flow:'offline', amount:400000, currency:'THB', charge_status:'unknown'}), {status: 200, headers: {'Content-Type':'application/json'}}));
    })");
    run("window.__capability = null;");
    let el = host();
    let opts = options(
        "{ createPayment: function(req) { return Promise.resolve({object:'charge', id:'chrg_test_f', status:'pending', amount:400000, currency:'THB',
              expires_at: new Date(Date.now() + 125000).toISOString(),
              source: {object:'source', id:'src_test_f', type:'truemoney_qr', scannable_code: {object:'barcode', type:'qr', image: {object:'document', id:'docu_f', download_uri: 'data:image/gif;base64,R0lGODlhAQABAAAAACw='}}}}); },
           retrievePayment: function(ch) { return new Promise(function() {}); } }",
    );
    let c = mount(&el, opts).await.unwrap();
    wait_for("the picker, after the capability call", || {
        !radios(&el).is_empty()
    })
    .await;
    radios(&el)[0].unchecked_ref::<HtmlElement>().click();
    leptos::task::tick().await;
    el.query_selector("button.kasir-pay")
        .unwrap()
        .unwrap()
        .unchecked_ref::<HtmlElement>()
        .click();
    wait_for("QR image", || {
        el.query_selector("img.kasir-qr-image").unwrap().is_some()
    })
    .await;
    sleep(20).await;
    let focused = doc().active_element();
    assert!(
        focused.is_some_and(|f| f.matches("h2.kasir-heading").unwrap()),
        "the QR heading has the focus"
    );
    destroy(&c);
}

/// The Opn QR flow with a scripted PSP: source → createPayment → QR with countdown → the
/// charge turns successful on the next poll → exactly one kasir:success and `result` resolves.
#[wasm_bindgen_test]
async fn opn_qr_flow_shows_qr_countdown_and_reports_once() {
    js("(window.fetch = function(input, init) {
        window.__sourceRequests = (window.__sourceRequests || []).concat([{url: String(input.url || input), auth: input.headers.get('Authorization'), idem: input.headers.get('Idempotency-Key')}]);
        return Promise.resolve(new Response(JSON.stringify({object:'source', id:'src_test_1', type:'truemoney_qr', flow:'offline', amount:400000, currency:'THB', charge_status:'unknown'}), {status: 200, headers: {'Content-Type':'application/json'}}));
    })");
    let el = host();
    record_events(&el);
    let opts = options(
        "{ createPayment: function(req) { window.__createReq = req; return Promise.resolve({object:'charge', id:'chrg_test_1', status:'pending', amount:400000, currency:'THB',
              expires_at: new Date(Date.now() + 125000).toISOString(),
              source: {object:'source', id:'src_test_1', type:'truemoney_qr', scannable_code: {object:'barcode', type:'qr', image: {object:'document', id:'docu_1', download_uri: 'data:image/gif;base64,R0lGODlhAQABAAAAACw='}}}}); },
           retrievePayment: function(ch) { window.__polls = (window.__polls || 0) + 1; return Promise.resolve(Object.assign({}, ch, {status: 'successful'})); } }",
    );
    let c = mount(&el, opts).await.unwrap();
    leptos::task::tick().await;
    radios(&el)[0].unchecked_ref::<HtmlElement>().click();
    leptos::task::tick().await;
    let pay: HtmlElement = el
        .query_selector("button.kasir-pay")
        .unwrap()
        .unwrap()
        .unchecked_into();
    pay.click();
    pay.click(); // double click: one source, one payment
    wait_for("QR image", || {
        el.query_selector("img.kasir-qr-image").unwrap().is_some()
    })
    .await;
    let w = web_sys::window().unwrap();
    let reqs: Array = Reflect::get(&w, &"__sourceRequests".into())
        .unwrap()
        .unchecked_into();
    assert_eq!(reqs.length(), 1, "one source for a double click");
    let r0 = reqs.get(0);
    assert_eq!(
        Reflect::get(&r0, &"url".into())
            .unwrap()
            .as_string()
            .as_deref(),
        Some("https://psp.test/sources")
    );
    assert_eq!(
        Reflect::get(&r0, &"auth".into())
            .unwrap()
            .as_string()
            .as_deref(),
        Some("Basic cGtleV90ZXN0X2thc2lyOg==")
    );
    assert!(
        Reflect::get(&r0, &"idem".into()).unwrap().is_null(),
        "no Idempotency-Key header to Opn"
    );
    let req = Reflect::get(&w, &"__createReq".into()).unwrap();
    assert_eq!(
        Reflect::get(&req, &"method".into())
            .unwrap()
            .as_string()
            .as_deref(),
        Some("truemoney_qr")
    );
    assert_eq!(
        Reflect::get(&Reflect::get(&req, &"source".into()).unwrap(), &"id".into())
            .unwrap()
            .as_string()
            .as_deref(),
        Some("src_test_1")
    );
    assert!(
        Reflect::get(&req, &"idempotencyKey".into())
            .unwrap()
            .as_string()
            .unwrap()
            .len()
            >= 16
    );
    let img = el.query_selector("img.kasir-qr-image").unwrap().unwrap();
    assert_eq!(
        img.get_attribute("alt").as_deref(),
        Some("QR code to pay ฿4,000.00 with TrueMoney QR")
    );
    let countdown = el
        .query_selector(".kasir-countdown")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert!(countdown.starts_with("Expires in 2:0"), "{countdown}");
    let text_of = |selector: &str| {
        el.query_selector(selector)
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap()
    };
    // the live region speaks in whole minutes: 2:05 left is announced as 3:00
    assert_eq!(text_of(".kasir-qr .kasir-sr-only"), "3:00 left to pay");
    // the screen's one-second interval rewrites the countdown (no reactive text behind it)
    sleep(1100).await;
    assert_ne!(
        text_of(".kasir-countdown"),
        countdown,
        "the countdown moves"
    );
    assert_eq!(text_of(".kasir-qr .kasir-sr-only"), "3:00 left to pay");
    assert_eq!(
        el.query_selector(".kasir-heading")
            .unwrap()
            .unwrap()
            .text_content()
            .as_deref(),
        Some("Scan to pay with TrueMoney QR")
    );
    assert_eq!(events(&el), vec!["ready", "select", "source", "pending"]);
    // the first poll comes ~2 s later and says successful
    wait_for("success", || events(&el).contains(&"success".to_string())).await;
    let result = JsFuture::from(
        Reflect::get(&c, &"result".into())
            .unwrap()
            .unchecked_into::<Promise>(),
    )
    .await
    .unwrap();
    assert_eq!(
        Reflect::get(&result, &"status".into())
            .unwrap()
            .as_string()
            .as_deref(),
        Some("succeeded")
    );
    sleep(2500).await;
    assert_eq!(
        events(&el),
        vec!["ready", "select", "source", "pending", "success"],
        "success exactly once, polling stopped"
    );
    assert_eq!(
        Reflect::get(&w, &"__polls".into()).unwrap().as_f64(),
        Some(1.0)
    );
    assert_eq!(
        el.query_selector(".kasir-result .kasir-heading")
            .unwrap()
            .unwrap()
            .text_content()
            .as_deref(),
        Some("Payment successful")
    );
    destroy(&c);
}

#[wasm_bindgen_test]
async fn locales_and_string_overrides() {
    let el = host();
    let c = mount(
        &el,
        options("{locale:'ru', strings: {'pay.button': 'Купить за {amount}'}}"),
    )
    .await
    .unwrap();
    leptos::task::tick().await;
    let pay = el
        .query_selector("button.kasir-pay")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert_eq!(pay, "Купить за 4\u{a0}000,00\u{a0}฿");
    assert_eq!(
        el.query_selector(".kasir-label")
            .unwrap()
            .unwrap()
            .text_content()
            .as_deref(),
        Some("Выберите способ оплаты")
    );
    destroy(&c);
    for (loc, label) in [
        ("th", "เลือกวิธีการชำระเงิน"),
        ("id", "Pilih metode pembayaran"),
        ("ko", "결제 수단을 선택하세요"),
        ("ja", "お支払い方法を選択してください"),
    ] {
        let c = mount(&el, options(&format!("{{locale:'{loc}'}}")))
            .await
            .unwrap();
        leptos::task::tick().await;
        assert_eq!(
            el.query_selector(".kasir-label")
                .unwrap()
                .unwrap()
                .text_content()
                .as_deref(),
            Some(label)
        );
        assert_eq!(
            el.query_selector(".kasir")
                .unwrap()
                .unwrap()
                .get_attribute("lang")
                .as_deref(),
            Some(loc)
        );
        destroy(&c);
    }
    let err = mount(&el, options("{strings: {'pay.buton': 'x'}}"))
        .await
        .unwrap_err();
    assert_eq!(
        Reflect::get(&err, &"code".into())
            .unwrap()
            .as_string()
            .as_deref(),
        Some("unknown_string")
    );
}

#[wasm_bindgen_test]
async fn theme_and_appearance_variables() {
    let el = host();
    let c = mount(&el, options("{theme:'dark', appearance: {'--kasir-radius': '0px', '--kasir-color-primary': 'rebeccapurple'}}")).await.unwrap();
    leptos::task::tick().await;
    sleep(10).await;
    let root: HtmlElement = el
        .query_selector(".kasir")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert_eq!(root.get_attribute("data-theme").as_deref(), Some("dark"));
    assert_eq!(
        root.style().get_property_value("--kasir-radius").unwrap(),
        "0px"
    );
    assert_eq!(
        root.style()
            .get_property_value("--kasir-color-primary")
            .unwrap(),
        "rebeccapurple"
    );
    assert!(
        root.get_attribute("style").is_some(),
        "set through CSSOM (allowed by CSP), not markup"
    );
    destroy(&c);
    let err = mount(&el, options("{appearance: {'color': 'red'}}"))
        .await
        .unwrap_err();
    assert_eq!(
        Reflect::get(&err, &"code".into())
            .unwrap()
            .as_string()
            .as_deref(),
        Some("invalid_appearance")
    );
    let err = mount(&el, options("{parentOrigin: '*'}"))
        .await
        .unwrap_err();
    assert_eq!(
        Reflect::get(&err, &"code".into())
            .unwrap()
            .as_string()
            .as_deref(),
        Some("invalid_parent_origin")
    );
}

#[wasm_bindgen_test]
async fn works_inside_a_shadow_root() {
    let outer = host();
    let shadow = outer
        .attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
        .unwrap();
    let inner: HtmlElement = doc().create_element("div").unwrap().unchecked_into();
    shadow.append_child(&inner).unwrap();
    record_events(&inner);
    let c = mount(&inner, options("{}")).await.unwrap();
    leptos::task::tick().await;
    let r = radios(&inner);
    assert_eq!(r.len(), 3);
    let init = web_sys::KeyboardEventInit::new();
    init.set_key("ArrowDown");
    init.set_bubbles(true);
    r[0].dispatch_event(
        &web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap(),
    )
    .unwrap();
    leptos::task::tick().await;
    assert_eq!(r[0].get_attribute("aria-checked").as_deref(), Some("true"));
    assert_eq!(
        shadow.active_element().map(|a| a.id()),
        Some(r[0].id()),
        "focus moves inside the shadow root"
    );
    assert_eq!(events(&inner), vec!["ready", "select"]);
    destroy(&c);
}

/// Regression: the stylesheet declared the `--kasir-*` defaults on `.kasir` itself, so a value a
/// merchant set on an ancestor was overridden (contrary to the stylesheet's own comment).
#[wasm_bindgen_test]
async fn css_token_set_on_an_ancestor_is_not_overridden_by_the_widget_defaults() {
    let sheet = doc().create_element("style").unwrap();
    sheet.set_text_content(Some(include_str!("../www/kasir.css")));
    doc().head().unwrap().append_child(&sheet).unwrap();
    let bg = |el: &HtmlElement| {
        let pay = el.query_selector("button.kasir-pay").unwrap().unwrap();
        web_sys::window()
            .unwrap()
            .get_computed_style(&pay)
            .unwrap()
            .unwrap()
            .get_property_value("background-color")
            .unwrap()
    };
    // no token anywhere: the default
    let plain = host();
    let c1 = mount(&plain, options("{}")).await.unwrap();
    leptos::task::tick().await;
    assert_eq!(
        bg(&plain),
        "rgb(11, 95, 255)",
        "default --kasir-color-primary"
    );
    // set on an ancestor two levels up, in the light and the dark theme
    let outer = host();
    outer
        .style()
        .set_property("--kasir-color-primary", "rgb(1, 2, 3)")
        .unwrap();
    let middle: HtmlElement = doc().create_element("section").unwrap().unchecked_into();
    outer.append_child(&middle).unwrap();
    let el: HtmlElement = doc().create_element("div").unwrap().unchecked_into();
    middle.append_child(&el).unwrap();
    let c2 = mount(&el, options("{}")).await.unwrap();
    leptos::task::tick().await;
    assert_eq!(bg(&el), "rgb(1, 2, 3)", "the ancestor's token wins");
    destroy(&c2);
    let c3 = mount(&el, options("{theme:'dark'}")).await.unwrap();
    leptos::task::tick().await;
    assert_eq!(
        bg(&el),
        "rgb(1, 2, 3)",
        "also over the dark theme's default"
    );
    destroy(&c3);
    destroy(&c1);
    let c5 = mount(&plain, options("{theme:'dark'}")).await.unwrap();
    leptos::task::tick().await;
    assert_eq!(bg(&plain), "rgb(110, 168, 255)", "dark default");
    destroy(&c5);
    sheet.remove();
}

/// Every option that is not a function can be set as a data attribute (the one option ↔
/// attribute table), including the JSON objects `strings` and `appearance`; `<kasir-checkout>`
/// reads the same table without the `data-` prefix.
#[wasm_bindgen_test]
async fn data_attributes_set_every_option() {
    let el = host();
    for (k, v) in [
        ("data-kasir", ""),
        ("data-provider", "omise"),
        ("data-public-key", "pkey_test_kasir"),
        ("data-api-base", "https://psp.test"),
        ("data-amount", "400000"),
        ("data-currency", "THB"),
        ("data-locale", "en"),
        ("data-methods", "truemoney_qr promptpay"),
        ("data-create-payment-url", "https://shop.test/charges"),
        ("data-redirect-target", "_blank"),
        ("data-theme", "dark"),
        ("data-strings", r#"{"pay.button": "Go {amount}"}"#),
        ("data-appearance", r#"{"--kasir-radius": "3px"}"#),
    ] {
        el.set_attribute(k, v).unwrap();
    }
    record_events(&el);
    // what the loader's auto-mount does for each [data-kasir] element
    let _ = mount(&el, kasir::embed::element_options(el.clone(), "data-")).await;
    leptos::task::tick().await;
    sleep(10).await;
    let names: Vec<String> = radios(&el).iter().map(name_of).collect();
    assert_eq!(names, vec!["TrueMoney QR", "PromptPay"], "data-methods");
    let pay = el.query_selector("button.kasir-pay").unwrap().unwrap();
    assert_eq!(pay.text_content().unwrap(), "Go ฿4,000.00", "data-strings");
    let root: HtmlElement = el
        .query_selector(".kasir")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert_eq!(root.get_attribute("data-theme").as_deref(), Some("dark"));
    assert_eq!(
        root.style().get_property_value("--kasir-radius").unwrap(),
        "3px",
        "data-appearance"
    );
    assert_eq!(events(&el), vec!["ready"]);
    // a JSON attribute that is not an object: a named error, nothing mounted
    let bad = host();
    for (k, v) in [
        ("data-kasir", ""),
        ("data-provider", "omise"),
        ("data-public-key", "pkey_test_kasir"),
        ("data-amount", "400000"),
        ("data-currency", "THB"),
        ("data-create-payment-url", "https://shop.test/charges"),
        ("data-strings", "not json"),
    ] {
        bad.set_attribute(k, v).unwrap();
    }
    record_events(&bad);
    let _ = mount(&bad, kasir::embed::element_options(bad.clone(), "data-")).await;
    leptos::task::tick().await;
    assert_eq!(events(&bad), vec!["error:invalid_option"]);
    assert!(radios(&bad).is_empty());
    el.remove();
    bad.remove();
}

/// `kasir:error` with `no_method_available` when no method can take the amount (promised by
/// kasir.d.ts, never raised before); the picker still says why.
#[wasm_bindgen_test]
async fn no_method_available_is_reported() {
    let el = host();
    record_events(&el);
    let c = mount(&el, options("{amount: 1000}")).await.unwrap();
    leptos::task::tick().await;
    assert_eq!(events(&el), vec!["ready", "error:no_method_available"]);
    assert!(radios(&el)
        .iter()
        .all(|r| r.get_attribute("aria-disabled").as_deref() == Some("true")));
    destroy(&c);
}

/// The scripted Opn PSP of these tests: `POST /sources` answers a source; `createPayment`
/// answers a pending QR charge (id from `window.__nextCharge`, default `chrg_test_1`).
fn scripted_opn(extra: &str) -> JsValue {
    forget_pending();
    js("(window.fetch = function(input, init) {
        return Promise.resolve(new Response(JSON.stringify({object:'source', id:'src_test_1', type:'truemoney_qr', flow:'offline', amount:400000, currency:'THB'}), {status: 200, headers: {'Content-Type':'application/json'}}));
    })");
    options(&format!(
        "Object.assign({{ createPayment: function(req) {{ window.__creates = (window.__creates || 0) + 1;
            var id = window.__nextCharge || 'chrg_test_1';
            return Promise.resolve({{object:'charge', id: id, status:'pending', amount:400000, currency:'THB',
              created_at: new Date(window.__realNow ? window.__realNow() : Date.now()).toISOString(),
              expires_at: new Date((window.__realNow ? window.__realNow() : Date.now()) + 125000).toISOString(),
              source: {{object:'source', id:'src_test_1', type:'truemoney_qr', scannable_code: {{object:'barcode', type:'qr', image: {{object:'document', id:'docu_1', download_uri: 'https://psp.test/qr/' + id + '.png'}}}}}}}}); }} }}, {extra})"
    ))
}

/// Run JavaScript statements (`js` evaluates one expression).
fn run(src: &str) {
    Function::new_no_args(src).call0(&JsValue::NULL).unwrap();
}

/// Forget the pending payments earlier tests left in `sessionStorage` (a mount resumes them).
fn forget_pending() {
    js("sessionStorage.clear()");
}

async fn pay_first_method(el: &HtmlElement) {
    radios(el)[0].unchecked_ref::<HtmlElement>().click();
    leptos::task::tick().await;
    let pay: HtmlElement = el
        .query_selector("button.kasir-pay")
        .unwrap()
        .unwrap()
        .unchecked_into();
    pay.click();
    wait_for("QR image", || {
        el.query_selector("img.kasir-qr-image").unwrap().is_some()
    })
    .await;
}

/// Regression: a `message` from any window of `parentOrigin` (not only the parent itself) was
/// obeyed; and the origin must be compared normalised.
#[wasm_bindgen_test]
async fn post_message_from_a_window_other_than_the_parent_is_ignored() {
    let el = host();
    record_events(&el);
    let opts = scripted_opn("{parentOrigin: 'https://Shop.example:443', retrievePayment: function(ch) { return new Promise(function() {}); }}");
    let c = mount(&el, opts).await.unwrap();
    leptos::task::tick().await;
    pay_first_method(&el).await;
    let send = |source: &str| {
        js(&format!("window.dispatchEvent(new MessageEvent('message', {{data: {{type: 'kasir:cancel'}}, origin: 'https://shop.example', source: {source}}}))"));
    };
    send("null");
    leptos::task::tick().await;
    assert!(
        el.query_selector("img.kasir-qr-image").unwrap().is_some(),
        "a message that is not from the parent window is ignored"
    );
    assert!(!events(&el).contains(&"cancel".to_string()));
    // the test page is its own parent: from it, with the normalised origin, it is obeyed
    send("window");
    leptos::task::tick().await;
    assert!(
        events(&el).contains(&"cancel".to_string()),
        "{:?}",
        events(&el)
    );
    destroy(&c);
}

/// Regression: the QR screen's "Save QR code" link took the PSP's URL unvalidated
/// (`javascript:` or a plain-http host); the redirect URL rule now applies to it.
#[wasm_bindgen_test]
async fn qr_save_link_follows_the_redirect_url_rule() {
    for (uri, saved) in [
        ("javascript:alert(1)", false),
        ("http://evil.example/qr.png", false),
        ("https://psp.test/qr/ok.png", true),
    ] {
        let el = host();
        forget_pending();
        js("(window.fetch = function() { return Promise.resolve(new Response(JSON.stringify({object:'source', id:'src_1', type:'truemoney_qr', flow:'offline'}), {status: 200, headers: {'Content-Type':'application/json'}})); })");
        let opts = options(&format!("{{ createPayment: function() {{ return Promise.resolve({{object:'charge', id:'chrg_save', status:'pending', amount:400000, currency:'THB',
            source: {{object:'source', type:'truemoney_qr', scannable_code: {{image: {{download_uri: '{uri}'}}}}}}}}); }},
            retrievePayment: function() {{ return new Promise(function() {{}}); }} }}"));
        let c = mount(&el, opts).await.unwrap();
        leptos::task::tick().await;
        pay_first_method(&el).await;
        let link = el.query_selector("a.kasir-button").unwrap();
        assert_eq!(link.is_some(), saved, "{uri}");
        if let Some(a) = link {
            assert_eq!(a.get_attribute("href").as_deref(), Some(uri));
        }
        destroy(&c);
    }
    forget_pending();
}

/// Regression: a `redirect_data` field named `submit`, `action` or `method` shadowed the form's
/// own properties, so the POST redirect threw or went to the wrong place.
#[wasm_bindgen_test]
async fn post_redirect_with_fields_named_submit_action_method() {
    let frame: HtmlElement = doc().create_element("iframe").unwrap().unchecked_into();
    frame.set_attribute("name", "kasir-sink").unwrap();
    doc().body().unwrap().append_child(&frame).unwrap();
    let origin = web_sys::window().unwrap().location().origin().unwrap();
    let action = format!("{origin}/kasir-post-sink?x=1");
    let f = |k: &str, v: &str| (k.to_string(), v.to_string());
    let fields = [
        f("submit", "yes"),
        f("action", "https://evil.example/"),
        f("method", "get"),
        f("PaReq", "a+b/c="),
    ];
    let form = kasir::actions::redirect::post_form(&action, &fields, "kasir-sink").unwrap();
    assert_eq!(
        form.get_attribute("action").as_deref(),
        Some(action.as_str())
    );
    assert_eq!(form.get_attribute("method").as_deref(), Some("post"));
    assert_eq!(
        form.query_selector_all("input").unwrap().length(),
        4,
        "one input per field"
    );
    kasir::actions::redirect::submit(&form).expect("the prototype's submit, not the field");
    let win = || {
        js("document.querySelector('iframe[name=kasir-sink]').contentWindow.location.href")
            .as_string()
            .unwrap_or_default()
    };
    wait_for("the frame to load the form's action", || {
        win().contains("/kasir-post-sink")
    })
    .await;
    assert!(win().starts_with(&origin), "{}", win());
    form.remove();
    frame.remove();
}

/// Regression: a poll answer of an earlier attempt overwrote the current payment (the poller
/// stored it before checking the attempt), so the next poll asked about the wrong payment.
#[wasm_bindgen_test]
async fn stale_poll_does_not_overwrite_the_current_payment() {
    let el = host();
    record_events(&el);
    // the first payment's poll hangs until the test answers it; later polls record what they got
    let opts = scripted_opn(
        "{retrievePayment: function(ch) {
            window.__asked = (window.__asked || []).concat([ch.id]);
            if (ch.id === 'chrg_first') { return new Promise(function(resolve) { window.__answerFirst = function() { resolve(Object.assign({}, ch, {status: 'successful'})); }; }); }
            return new Promise(function() {});
        }}",
    );
    run("window.__nextCharge = 'chrg_first'; window.__asked = [];");
    let c = mount(&el, opts).await.unwrap();
    leptos::task::tick().await;
    pay_first_method(&el).await;
    wait_for("the first poll", || {
        js("window.__asked.length").as_f64() == Some(1.0)
    })
    .await;
    // back to the picker, and a second payment while the first poll is still in flight
    let back: HtmlElement = el
        .query_selector(".kasir-actions button")
        .unwrap()
        .unwrap()
        .unchecked_into();
    back.click();
    leptos::task::tick().await;
    run("window.__nextCharge = 'chrg_second';");
    pay_first_method(&el).await;
    js("window.__answerFirst()");
    wait_for("the second payment's poll", || {
        js("window.__asked.indexOf('chrg_second') >= 0")
            .as_bool()
            .unwrap_or(false)
    })
    .await;
    sleep(50).await;
    assert!(
        !events(&el).contains(&"success".to_string()),
        "the first payment's answer is not reported: {:?}",
        events(&el)
    );
    let asked = js("window.__asked.join(',')").as_string().unwrap();
    assert_eq!(
        asked, "chrg_first,chrg_second",
        "the second poll asks about the second payment"
    );
    assert!(el.query_selector("img.kasir-qr-image").unwrap().is_some());
    destroy(&c);
    run("window.__nextCharge = undefined;");
    forget_pending();
}

/// A scripted WooshPay: `confirm` records the URL and the Idempotency-Key and answers with
/// `window.__confirmStatus` (default `requires_action` with a redirect).
fn scripted_wooshpay() {
    forget_pending();
    run("window.__confirms = []; window.__confirmStatus = undefined; window.fetch = function(input, init) {
        var url = String(input.url || input);
        var id = url.split('/v1/payment_intents/')[1].split('/')[0].split('?')[0];
        window.__confirms.push({url: url, key: input.headers.get('Idempotency-Key')});
        var status = window.__confirmStatus || 'requires_action';
        var pi = {object:'payment_intent', id: id, status: status, amount: 25000, currency: 'thb', client_secret: id + '_secret_x',
          next_action: status === 'requires_action' ? {type:'redirect_to_url', redirect_to_url: {url: 'https://psp.test/pay/' + id}} : null};
        return Promise.resolve(new Response(JSON.stringify(pi), {status: 200, headers: {'Content-Type':'application/json'}}));
    };");
}

fn wooshpay_options(extra: &str) -> JsValue {
    options(&format!(
        "Object.assign({{provider:'wooshpay', publicKey:'pk_test_kasir', amount: 25000,
          createPayment: function(req) {{ window.__creates = (window.__creates || []).concat([req]); var id = 'pi_' + window.__creates.length;
            return Promise.resolve({{object:'payment_intent', id: id, status:'requires_payment_method', amount: 25000, currency:'thb', client_secret: id + '_secret_x'}}); }},
          retrievePayment: function() {{ return new Promise(function() {{}}); }} }}, {extra})"
    ))
}

async fn pay_to_handoff(el: &HtmlElement) {
    radios(el)[0].unchecked_ref::<HtmlElement>().click();
    leptos::task::tick().await;
    let pay: HtmlElement = el
        .query_selector("button.kasir-pay")
        .unwrap()
        .unwrap()
        .unchecked_into();
    pay.click();
    wait_for("the handoff screen", || {
        el.query_selector(".kasir-handoff").unwrap().is_some()
    })
    .await;
}

/// Regressions: after a cancel every retry confirmed the same (dead) intent and never asked
/// the merchant again; and one idempotency key went to two endpoints (the merchant's create and
/// `/confirm`), which Stripe-like APIs reject.
#[wasm_bindgen_test]
async fn wooshpay_retry_after_cancel_creates_a_new_intent_with_its_own_keys() {
    scripted_wooshpay();
    run("window.__creates = [];");
    let el = host();
    let c = mount(&el, wooshpay_options("{orderId: 'order-42'}"))
        .await
        .unwrap();
    leptos::task::tick().await;
    pay_to_handoff(&el).await;
    // the phone's QR, encoded by the QR module
    wait_for("the handoff QR", || {
        el.query_selector(".kasir-handoff .kasir-qr-image[role=img] svg path")
            .unwrap()
            .is_some()
    })
    .await;
    let cancel: HtmlElement = el
        .query_selector(".kasir-handoff > button:last-child")
        .unwrap()
        .unwrap()
        .unchecked_into();
    cancel.click();
    leptos::task::tick().await;
    pay_to_handoff(&el).await;
    assert_eq!(
        js("window.__creates.length").as_f64(),
        Some(2.0),
        "a new intent"
    );
    let urls =
        js("window.__confirms.map(function(c) { return c.url.split('/v1/')[1]; }).join(' ')")
            .as_string()
            .unwrap();
    assert_eq!(
        urls,
        "payment_intents/pi_1/confirm payment_intents/pi_2/confirm"
    );
    for i in 0..2 {
        let create_key = js(&format!("window.__creates[{i}].idempotencyKey"))
            .as_string()
            .unwrap();
        let confirm_key = js(&format!("window.__confirms[{i}].key"))
            .as_string()
            .unwrap();
        assert_ne!(create_key, confirm_key, "one key per endpoint");
        assert_eq!(confirm_key, format!("{create_key}-confirm"));
    }
    assert_eq!(
        js("window.__creates[0].orderId").as_string().as_deref(),
        Some("order-42"),
        "orderId is forwarded to createPayment"
    );
    destroy(&c);
    forget_pending();
}

/// Regression: with the merchant's own `clientSecret`, a retry after the intent ended confirmed
/// the dead intent again; now it is a named error and no request is sent.
#[wasm_bindgen_test]
async fn merchant_client_secret_of_an_ended_intent_is_a_named_error() {
    scripted_wooshpay();
    run("window.__confirmStatus = 'canceled';");
    let el = host();
    record_events(&el);
    let c = mount(
        &el,
        options("{provider:'wooshpay', publicKey:'pk_test_kasir', amount: 25000, clientSecret: 'pi_9_secret_z', createPayment: undefined}"),
    )
    .await
    .unwrap();
    leptos::task::tick().await;
    radios(&el)[0].unchecked_ref::<HtmlElement>().click();
    leptos::task::tick().await;
    let pay = |el: &HtmlElement| {
        el.query_selector("button.kasir-pay")
            .unwrap()
            .unwrap()
            .unchecked_into::<HtmlElement>()
            .click()
    };
    pay(&el);
    wait_for("the result", || events(&el).contains(&"cancel".to_string())).await;
    leptos::task::tick().await;
    let retry: HtmlElement = el
        .query_selector(".kasir-result button")
        .unwrap()
        .unwrap()
        .unchecked_into();
    retry.click();
    leptos::task::tick().await;
    pay(&el);
    wait_for("the named error", || {
        events(&el).contains(&"error:payment_finished".to_string())
    })
    .await;
    assert_eq!(
        js("window.__confirms.length").as_f64(),
        Some(1.0),
        "no second confirm"
    );
    destroy(&c);
    forget_pending();
}

/// Regression: a crafted WooshPay return link (`?payment_intent=…&payment_intent_client_secret=…`)
/// was adopted although this page never started that intent.
#[wasm_bindgen_test]
async fn crafted_return_link_is_not_adopted() {
    scripted_wooshpay();
    let url = web_sys::window().unwrap().location().href().unwrap();
    js("history.replaceState(null, '', location.pathname + '?payment_intent=pi_evil&payment_intent_client_secret=pi_evil_secret_x')");
    let el = host();
    record_events(&el);
    let c = mount(&el, wooshpay_options("{}")).await.unwrap();
    leptos::task::tick().await;
    sleep(20).await;
    assert_eq!(events(&el), vec!["ready", "error:payment_mismatch"]);
    assert!(!radios(&el).is_empty(), "the picker, not a resumed payment");
    destroy(&c);
    // a remembered payment for another amount than this widget's is not adopted either
    js("sessionStorage.setItem('kasir:pending::wooshpay:25000:THB', JSON.stringify({method:'truemoney', payment:{object:'payment_intent', id:'pi_evil', status:'processing', amount: 1, currency:'thb'}}))");
    let el2 = host();
    record_events(&el2);
    let c2 = mount(&el2, wooshpay_options("{}")).await.unwrap();
    leptos::task::tick().await;
    assert_eq!(events(&el2), vec!["ready", "error:payment_mismatch"]);
    destroy(&c2);
    assert_eq!(
        js("window.__confirms.length").as_f64(),
        Some(0.0),
        "nothing sent"
    );
    js(&format!("history.replaceState(null, '', {url:?})"));
    forget_pending();
}

/// Regression: the QR countdown and the expiry were decided on the shopper's clock — a phone 15
/// minutes fast showed "expired" at once and ended the payment at the first poll; one 15
/// minutes slow counted 17 minutes. Now the PSP's own lifetime is counted down on the page's
/// monotonic clock, and only the PSP's status ends a payment.
#[wasm_bindgen_test]
async fn qr_countdown_and_expiry_ignore_a_wrong_device_clock() {
    for skew_min in [15, -15] {
        let el = host();
        record_events(&el);
        let opts = scripted_opn(
            "{retrievePayment: function(ch) { window.__polled = (window.__polled || 0) + 1; return Promise.resolve(ch); }}",
        );
        run(&format!(
            "window.__polled = 0; window.__realNow = window.__realNow || Date.now.bind(Date);
             Date.now = function() {{ return window.__realNow() + {skew_min} * 60000; }};"
        ));
        let c = mount(&el, opts).await.unwrap();
        leptos::task::tick().await;
        pay_first_method(&el).await;
        let countdown = || {
            el.query_selector(".kasir-countdown")
                .unwrap()
                .unwrap()
                .text_content()
                .unwrap()
        };
        assert!(
            countdown().starts_with("Expires in 2:0"),
            "clock {skew_min:+} min: {}",
            countdown()
        );
        wait_for("the first poll", || {
            js("window.__polled").as_f64().unwrap_or(0.0) >= 1.0
        })
        .await;
        leptos::task::tick().await;
        assert!(
            !events(&el).contains(&"expired".to_string()),
            "clock {skew_min:+} min: {:?}",
            events(&el)
        );
        assert!(el.query_selector("img.kasir-qr-image").unwrap().is_some());
        assert!(countdown().starts_with("Expires in 2:0"), "{}", countdown());
        run("Date.now = window.__realNow;");
        destroy(&c);
        forget_pending();
    }
}

/// Regression: a `fetch` that never answered stalled the poller silently; every request now
/// has a timeout (an AbortController), and the poller reports the error and goes on.
#[wasm_bindgen_test]
async fn a_hanging_request_is_abandoned_not_a_silent_stall() {
    scripted_wooshpay();
    // retrieving the intent hangs until the request is aborted (as a real fetch does)
    run("var confirm = window.fetch; window.__gets = 0; window.fetch = function(input, init) {
        if (input.method !== 'GET') { return confirm(input, init); }
        window.__gets += 1; window.__signal = input.signal;
        return new Promise(function(_, reject) { input.signal.addEventListener('abort', function() { reject(new DOMException('aborted', 'AbortError')); }); });
    };");
    let el = host();
    record_events(&el);
    let c = mount(
        &el,
        options("{provider:'wooshpay', publicKey:'pk_test_kasir', amount: 25000, clientSecret: 'pi_5_secret_q', createPayment: undefined}"),
    )
    .await
    .unwrap();
    leptos::task::tick().await;
    pay_to_handoff(&el).await;
    wait_for("the first retrieve", || {
        js("window.__gets").as_f64() == Some(1.0)
    })
    .await;
    assert_eq!(js("window.__signal.aborted").as_bool(), Some(false));
    // abandoned after the request timeout (15 s), reported once, and polling goes on
    for _ in 0..20 {
        if events(&el).contains(&"error:network_error".to_string()) {
            break;
        }
        sleep(1000).await;
    }
    assert!(
        events(&el).contains(&"error:network_error".to_string()),
        "{:?}",
        events(&el)
    );
    assert_eq!(js("window.__signal.aborted").as_bool(), Some(true));
    wait_for("the next retrieve", || {
        js("window.__gets").as_f64().unwrap_or(0.0) >= 2.0
    })
    .await;
    destroy(&c);
    forget_pending();
}

/// Regression: polling never ended outside the QR screen, and on it ended as "expired" by
/// itself. At the bound (the PSP's expiry + 60 s here) the shopper sees "Still confirming" with
/// "Check again", the page gets `kasir:timeout`, and the payment can still succeed.
#[wasm_bindgen_test]
async fn at_the_polling_bound_the_shopper_can_check_again() {
    forget_pending();
    run("window.fetch = function() { return Promise.resolve(new Response(JSON.stringify({object:'source', id:'src_b', type:'truemoney_qr', flow:'offline'}), {status: 200, headers: {'Content-Type':'application/json'}})); };
         window.__paid = false;");
    let el = host();
    record_events(&el);
    // the PSP gives the charge no time at all (expires_at = created_at) and never says expired
    let opts = options(
        "{ createPayment: function() { var t = new Date().toISOString(); return Promise.resolve({object:'charge', id:'chrg_bound', status:'pending', amount:400000, currency:'THB', created_at: t, expires_at: t,
            source: {object:'source', type:'truemoney_qr', scannable_code: {image: {download_uri: 'https://psp.test/qr/b.png'}}}}); },
          retrievePayment: function(ch) { return Promise.resolve(Object.assign({}, ch, {status: window.__paid ? 'successful' : 'pending'})); } }",
    );
    let c = mount(&el, opts).await.unwrap();
    leptos::task::tick().await;
    pay_first_method(&el).await;
    for _ in 0..80 {
        if events(&el).contains(&"timeout".to_string()) {
            break;
        }
        sleep(1000).await;
    }
    leptos::task::tick().await;
    assert!(
        events(&el).contains(&"timeout".to_string()),
        "{:?}",
        events(&el)
    );
    assert!(!events(&el).contains(&"expired".to_string()));
    let heading = el.query_selector(".kasir-stalled h2").unwrap().unwrap();
    assert_eq!(
        heading.text_content().as_deref(),
        Some("Still confirming your payment")
    );
    run("window.__paid = true;");
    let again: HtmlElement = el
        .query_selector(".kasir-stalled .kasir-primary")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert_eq!(again.text_content().as_deref(), Some("Check again"));
    again.click();
    for _ in 0..50 {
        if events(&el).contains(&"success".to_string()) {
            break;
        }
        sleep(100).await;
    }
    assert!(
        events(&el).contains(&"success".to_string()),
        "{:?}",
        events(&el)
    );
    destroy(&c);
    forget_pending();
}

fn click(el: &Element) {
    el.unchecked_ref::<HtmlElement>().click();
}

fn pay_button(el: &HtmlElement) -> Element {
    el.query_selector("button.kasir-pay").unwrap().unwrap()
}

/// Regression (issue 11): Opn's `truemoney` source (the desktop type) requires `phone_number`
/// and the widget never asked for it. Now it asks, sends nothing while the number is invalid,
/// and sends exactly the national form.
#[wasm_bindgen_test]
async fn opn_truemoney_wallet_asks_the_phone_and_sends_nothing_until_it_is_valid() {
    forget_pending();
    run("window.__sources = []; window.fetch = function(request) {
        return request.json().then(function(body) {
          window.__sources.push(body);
          return new Response(JSON.stringify({object:'source', id:'src_tm', type:'truemoney', flow:'redirect'}), {status: 200, headers: {'Content-Type':'application/json'}});
        });
      };");
    let el = host();
    let c = mount(
        &el,
        options("{methods:['truemoney'], createPayment: function() { return new Promise(function() {}); }}"),
    )
    .await
    .unwrap();
    click(&radios(&el)[0]);
    leptos::task::tick().await;
    let phone: web_sys::HtmlInputElement = el
        .query_selector("input[type=tel]")
        .unwrap()
        .expect("a phone control")
        .unchecked_into();
    let label = el
        .query_selector(&format!("label[for='{}']", phone.id()))
        .unwrap()
        .unwrap();
    assert!(label.text_content().unwrap().contains("Phone"));
    click(&pay_button(&el));
    leptos::task::tick().await;
    assert_eq!(
        js("window.__sources.length").as_f64(),
        Some(0.0),
        "nothing sent"
    );
    assert_eq!(phone.get_attribute("aria-invalid").as_deref(), Some("true"));
    let error = el
        .query_selector(&format!("#{}-error", phone.id()))
        .unwrap()
        .unwrap();
    assert!(
        error.text_content().unwrap().contains("Thai mobile number"),
        "{:?}",
        error.text_content()
    );
    assert!(phone
        .get_attribute("aria-describedby")
        .unwrap()
        .contains(&error.id()));
    assert_eq!(doc().active_element().map(|a| a.id()), Some(phone.id()));
    phone.set_value("+66 81 234 5678");
    phone
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    assert_eq!(
        phone.get_attribute("aria-invalid"),
        None,
        "typing clears the error"
    );
    click(&pay_button(&el));
    wait_for("the source", || {
        js("window.__sources.length").as_f64() == Some(1.0)
    })
    .await;
    assert_eq!(
        js("window.__sources[0].phone_number")
            .as_string()
            .as_deref(),
        Some("0812345678")
    );
    assert_eq!(
        js("window.__sources[0].type").as_string().as_deref(),
        Some("truemoney")
    );
    destroy(&c);
}

/// The account's capability decides what is offered: methods and banks it has not enabled are
/// left out, and each plan shows its monthly amount, those under the issuer's minimum disabled
/// with the reason.
#[wasm_bindgen_test]
async fn the_capability_leaves_out_what_the_account_lacks_and_plans_show_the_monthly_amount() {
    forget_pending();
    run("window.fetch = function() { return Promise.reject(new TypeError('no network in this test')); };
      window.__capability = {object:'capability', zero_interest_installments: true, payment_methods: [
        {object:'payment_method', name:'promptpay', currencies:['THB']},
        {object:'payment_method', name:'installment_kbank', currencies:['THB'], installment_terms:[3, 10]},
        {object:'payment_method', name:'installment_scb', currencies:['THB'], installment_terms:[6, 10]}]};");
    let el = host();
    let c = mount(&el, options("{methods: null, amount: 300000}"))
        .await
        .unwrap();
    let names = radio_methods(&el);
    assert_eq!(names, vec!["promptpay", "installment"]);
    click(&radios(&el)[1]);
    leptos::task::tick().await;
    let bank: web_sys::HtmlSelectElement = el
        .query_selector("select[id$='-bank']")
        .unwrap()
        .expect("a bank control")
        .unchecked_into();
    let label = el
        .query_selector(&format!("label[for='{}']", bank.id()))
        .unwrap()
        .unwrap();
    assert_eq!(label.text_content().as_deref(), Some("Bank"));
    let values = |s: &web_sys::HtmlSelectElement| -> Vec<(String, String, bool)> {
        let o = s.query_selector_all("option").unwrap();
        (0..o.length())
            .map(|i| {
                let opt: Element = o.item(i).unwrap().unchecked_into();
                (
                    opt.get_attribute("value").unwrap_or_default(),
                    opt.text_content().unwrap_or_default(),
                    opt.has_attribute("disabled"),
                )
            })
            .collect()
    };
    let banks: Vec<String> = values(&bank).into_iter().map(|(v, ..)| v).collect();
    assert_eq!(banks, vec!["", "kbank", "scb"]);
    bank.set_value("scb");
    bank.dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    let plan: web_sys::HtmlSelectElement = el
        .query_selector("select[id$='-plan']")
        .unwrap()
        .unwrap()
        .unchecked_into();
    let plans = values(&plan);
    assert_eq!(plans[1], ("6".into(), "6 months × ฿500.00".into(), false));
    assert_eq!(plans[2].0, "10");
    assert!(plans[2].2, "฿300 a month is under SCB's minimum: disabled");
    assert!(
        plans[2].1.contains("under the ฿500.00 monthly minimum"),
        "{}",
        plans[2].1
    );
    assert!(el.text_content().unwrap().contains("0% interest"));
    run("window.__capability = null;");
    destroy(&c);
}

/// The merchant's server gave the account (`capability`: Opn's `GET /capability` answer, as
/// Adyen's Drop-in takes `paymentMethodsResponse`): the widget asks the PSP nothing, draws the
/// picker while it mounts and offers what that account has. A value that is not a capability,
/// or one given for another provider, is a named error and sends nothing.
#[wasm_bindgen_test]
async fn a_given_capability_is_the_account_and_no_request_is_sent() {
    forget_pending();
    install_counting_fetch();
    let base = "provider:'omise', publicKey:'pkey_test_kasir', apiBase:'https://psp.test', amount:400000,
        currency:'THB', locale:'en', createPayment: function() { return Promise.reject(new Error('not in this test')); }";
    let el = host();
    record_events(&el);
    let opts = js(&format!(
        "({{{base}, capability: {{object:'capability', payment_methods: [
        {{object:'payment_method', name:'truemoney', currencies:['THB']}},
        {{object:'payment_method', name:'promptpay', currencies:['THB']}},
        {{object:'payment_method', name:'alipay', currencies:['THB']}}]}}}})"
    ));
    let c = JsFuture::from(kasir::embed::mount(el.clone().into(), opts))
        .await
        .unwrap();
    // no task ran between the mount and here: the picker was drawn by the mount itself
    let names = radio_methods(&el);
    assert_eq!(
        names,
        vec!["promptpay", "truemoney"],
        "the catalogue's order"
    );
    assert_eq!(fetches(), 0, "no capability request");
    assert_eq!(events(&el), vec!["ready"]);
    destroy(&c);
    for bad in [
        "capability: {object:'error', code:'authentication_failure'}",
        "capability: 'promptpay'",
        "capability: {object:'capability'}",
        "provider:'wooshpay', publicKey:'pk_test_kasir', capability: {object:'capability', payment_methods: []}",
    ] {
        let el = host();
        let err = JsFuture::from(kasir::embed::mount(
            el.clone().into(),
            js(&format!("({{{base}, {bad}}})")),
        ))
        .await
        .unwrap_err();
        assert_eq!(
            Reflect::get(&err, &"code".into())
                .unwrap()
                .as_string()
                .as_deref(),
            Some("invalid_option"),
            "{bad}"
        );
        assert!(radios(&el).is_empty(), "nothing rendered: {bad}");
    }
    assert_eq!(fetches(), 0, "nothing sent for a refused capability");
}

/// A method with no desktop path (Opn mobile banking) is shown disabled with the reason on a
/// desktop; each method has an icon the merchant can replace (option or CSS property).
#[wasm_bindgen_test]
async fn a_phone_only_method_says_why_on_a_desktop_and_icons_are_replaceable() {
    forget_pending();
    let el = host();
    let c = mount(
        &el,
        options("{methods:['mobile_banking', 'promptpay'], icons: {promptpay: 'https://cdn.shop.example/pp.svg'}}"),
    )
    .await
    .unwrap();
    let r = radios(&el);
    assert_eq!(r[0].get_attribute("aria-disabled").as_deref(), Some("true"));
    assert!(r[0]
        .text_content()
        .unwrap()
        .contains("Open this page on your phone"));
    let img = r[1].query_selector(".kasir-icon img").unwrap().unwrap();
    assert_eq!(
        img.get_attribute("src").as_deref(),
        Some("https://cdn.shop.example/pp.svg")
    );
    let mark: HtmlElement = r[0]
        .query_selector(".kasir-icon")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert_eq!(mark.get_attribute("aria-hidden").as_deref(), Some("true"));
    let monogram = mark.query_selector("b").unwrap().expect("our mark");
    assert_eq!(monogram.text_content().as_deref(), Some("MB"));
    let bg = web_sys::window()
        .unwrap()
        .get_computed_style(&monogram)
        .unwrap()
        .unwrap()
        .get_property_value("background-color")
        .unwrap();
    assert_eq!(
        bg, "rgb(15, 118, 110)",
        "the mark's colour, set through the CSSOM"
    );
    el.style()
        .set_property(
            "--kasir-icon-mobile_banking",
            "url(\"https://cdn.shop.example/mb.svg\")",
        )
        .unwrap();
    let content = web_sys::window()
        .unwrap()
        .get_computed_style(&mark)
        .unwrap()
        .unwrap()
        .get_property_value("content")
        .unwrap();
    assert!(content.contains("mb.svg"), "{content}");
    destroy(&c);
}
