// The Kasir API shared by the classic script (www/loader.js → dist/kasir.js) and the ES module
// (www/esm.js → npm/index.mjs): `kasirApi(load, css)` over a `load(provider, locale)` that
// resolves to the wasm-bindgen module of that provider's build once its wasm runs (and starts
// fetching that locale's texts). It also defines
// <kasir-checkout>. Nothing here runs
// at import time, so importing the ES module on a server (no window) never throws.

/** Why `u` did not load, as `Kasir.mount` rejects and `kasir:error` reports: it arrives but its
 * bytes do not match its integrity (`integrity_failed`), or it does not (`network_error`). */
function refused(u) {
  return fetch(u, { cache: "no-store" }).then(function (r) { return r.ok; }, function () {}).then(function (arrived) {
    throw { code: arrived ? "integrity_failed" : "network_error", message: "did not load: " + u };
  });
}

/** `fetch(u)` checked against its Subresource Integrity `sri` (none when empty). */
function checked(u, sri) {
  return fetch(u, { integrity: sri }).then(function (r) {
    if (!r.ok) throw r;
    return r;
  }).catch(function () {
    return refused(u);
  });
}

/** A `<link rel>` (stylesheet, modulepreload) with its integrity, settled when it loaded. */
function linked(rel, u, sri) {
  if (rel == "stylesheet" && document.querySelector("link[data-kasir-css]")) return Promise.resolve();
  return new Promise(function (ok, no) {
    var l = document.createElement("link");
    l.rel = rel;
    l.href = u;
    l.crossOrigin = "anonymous";
    if (sri) l.integrity = sri;
    if (rel == "stylesheet") l.setAttribute("data-kasir-css", "");
    l.onload = ok;
    l.onerror = no;
    document.head.appendChild(l);
  }).catch(function () {
    return refused(u);
  });
}

/** `make(key)` (a promise) once per key: kept once made, forgotten when it rejects, so the next
 * call tries again (a module, a locale's texts). */
function once(make) {
  var made = Object.create(null);
  return function (key) {
    return made[key] || (made[key] = make(key).catch(function (e) { made[key] = null; throw e; }));
  };
}

/** The widget's QR encoder over `loadModule()` (the QR module, `crates/kasir-qr`): `qr(payload)`
 * resolves to its SVG (undefined when it does not fit), `qr()` only loads the module. Loaded
 * once; a failed load is tried again on the next call. */
function qrEncoder(loadModule) {
  var mod = once(function () { return loadModule(); });
  return function (payload) {
    return mod("qr").then(function (m) { return payload == null ? undefined : m.svg(payload); });
  };
}

function kasirApi(load, css) {
  // mount with `options`, or with the options `options(module)` reads (<kasir-checkout>);
  // a widget that could not load reports kasir:error on the target and rejects {code, message}
  function mount(target, options, provider, locale) {
    return load(provider, locale).then(function (m) {
      return m.mount(target, typeof options == "function" ? options(m) : options || {});
    }, function (e) {
      var el = typeof target == "string" ? document.querySelector(target) : target;
      var o = typeof options == "object" && options || {};
      var d = { provider: o.provider, method: null, code: e.code || "network_error", message: e.message || String(e) };
      if (el) el.dispatchEvent(new CustomEvent("kasir:error", { bubbles: true, composed: true, detail: d }));
      if (typeof o.onError == "function") o.onError(d);
      throw d; // {code, message} (and the event's provider and method)
    });
  }
  // <kasir-checkout>: one render at a time per element (a chain), the latest attributes win;
  // removed from the DOM, it is destroyed (timers and polling stop)
  function render(el) {
    var g = el.g = (el.g || 0) + 1;
    el.p = (el.p || Promise.resolve()).then(function () {
      if (g != el.g) return;
      if (el.k) el.k.destroy();
      el.k = null;
      if (!el.isConnected) return;
      return mount(el, function (m) {
        return m.elementOptions(el, "");
      }, el.getAttribute("provider"), el.getAttribute("locale")).then(function (c) {
        el.k = c;
      });
    }).catch(function () {});
  }
  if (window.customElements && !customElements.get("kasir-checkout")) {
    customElements.define("kasir-checkout", class extends HTMLElement {
      static observedAttributes = ["amount", "currency", "locale"];
      connectedCallback() { render(this); }
      disconnectedCallback() { render(this); }
      attributeChangedCallback() { if (this.g) render(this); }
    });
  }
  // every [data-kasir] element, from its data-* attributes (the wasm reads the option table)
  function autoMount() {
    document.querySelectorAll("[data-kasir]:not([data-kasir-mounted])").forEach(function (el) {
      mount(el, function (m) { return m.elementOptions(el, "data-"); }, el.getAttribute("data-provider"),
        el.getAttribute("data-locale")).catch(function () {});
    });
  }
  if (document.readyState == "loading") document.addEventListener("DOMContentLoaded", autoMount);
  else autoMount();
  return {
    /** Mount the checkout into `target` (element or CSS selector). Resolves to a Checkout. */
    mount: function (target, options) {
      var o = options || {};
      return mount(target, o, o.provider, o.locale);
    },
    /** The stylesheet's URL (added to shadow roots that host a widget). */
    css: css,
    /** Start loading the widget ahead of mount (optional): the build of `provider` (Opn's
     * when not given). */
    preload: function (provider) { return load(provider || "omise").then(function () {}); },
  };
}
