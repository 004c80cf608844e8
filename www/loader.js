/*! Kasir checkout widget: https://github.com/kasir */
(function () {
  "use strict";
  if (window.Kasir && window.Kasir.mount) return;
  var me = document.currentScript;
  var base = (me && me.src) || document.baseURI;
  var url = function (name) { return new URL(name, base).href; };
  var css = url("__CSS__");
  // per provider (and the QR module): [glue, its integrity, wasm, its integrity]
  var builds = __BUILDS__;
  // per locale but English: [its text table, its integrity]
  var texts = __TEXTS__;
  var own = function (o, k) { return Object.prototype.hasOwnProperty.call(o, k); };
  // every file is loaded with its Subresource Integrity (scripts/make-loader.sh writes them):
  // the stylesheet and the glue by <link integrity>, the wasm by fetch(…, {integrity})
  function module(b) {
    var glue = url(b[0]);
    return Promise.all([
      linked("modulepreload", glue, b[1]).then(function () { return import(glue); }),
      checked(url(b[2]), b[3]),
    ]).then(function (r) {
      return r[0].default({ module_or_path: r[1] }).then(function () { return r[0]; });
    });
  }
  // the QR module (a payload to encode in the browser), fetched the first time it is asked for
  var qr = qrEncoder(function () { return module(builds.qr); });
  // a locale's texts, fetched once when a widget shows it (a failed fetch is tried again)
  var table = once(function (tag) {
    return checked(url(texts[tag][0]), texts[tag][1]).then(function (r) { return r.json(); });
  });
  function strings(tag) {
    return own(texts, tag) ? table(tag) : Promise.reject(tag);
  }
  // a provider's build with the stylesheet, loaded once (a failed load is tried again)
  var build = once(function (p) {
    return Promise.all([linked("stylesheet", css, "__CSS_SRI__"), module(builds[p])]).then(function (r) {
      // only the builds whose PSP answers payloads to encode have it (cargo feature qr-encoder)
      if (r[1].setQrEncoder) r[1].setQrEncoder(qr);
      r[1].setLocaleLoader(strings);
      return r[1];
    });
  });
  // the name of `provider`'s build, or nothing for a provider without one
  function buildOf(provider) {
    var p = provider == "opn" ? "omise" : String(provider);
    return own(builds, p) && p != "qr" ? p : "";
  }
  // the wasm of `provider` (an unknown one gets Opn's, whose validation names the error)
  function load(provider, locale) {
    // the locale's texts along with the wasm, when the options name it
    var tag = String(locale || "").toLowerCase().slice(0, 2);
    if (own(texts, tag)) strings(tag).catch(function () {});
    return build(buildOf(provider) || "omise");
  }
  window.Kasir = kasirApi(load, css);
  // <script src=".../kasir.js" data-provider="omise" data-locale="th">: that provider's build,
  // the stylesheet and the locale's texts start loading now, while the page is still parsed,
  // rather than when it mounts (files only: no request reaches a PSP before a mount's options
  // are validated). An unknown provider loads nothing; a failed load is tried again by the mount.
  var hint = me && buildOf(me.getAttribute("data-provider"));
  if (hint) load(hint, me.getAttribute("data-locale")).catch(function () {});
  /* __API__ */
})();
