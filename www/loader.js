/*! Kasir checkout widget: https://github.com/kasir */
(function () {
  "use strict";
  if (window.Kasir && window.Kasir.mount) return;
  var me = document.currentScript;
  var base = (me && me.src) || document.baseURI;
  var url = function (name) { return new URL(name, base).href; };
  var glue = url("__GLUE__"), wasm = url("__WASM__"), css = url("__CSS__");
  var loading = null;
  // every file is loaded with its Subresource Integrity (scripts/make-loader.sh writes them):
  // the stylesheet and the glue by <link integrity>, the wasm by fetch(…, {integrity})
  function module(g, gSri, w, wSri) {
    return Promise.all([
      linked("modulepreload", g, gSri).then(function () { return import(g); }),
      checked(w, wSri),
    ]).then(function (r) {
      return r[0].default({ module_or_path: r[1] }).then(function () { return r[0]; });
    });
  }
  // the QR module (a payload to encode in the browser), fetched the first time it is asked for
  var qr = qrEncoder(function () {
    return module(url("__QR_GLUE__"), "__QR_GLUE_SRI__", url("__QR_WASM__"), "__QR_WASM_SRI__");
  });
  function load() {
    return loading || (loading = Promise.all([
      linked("stylesheet", css, "__CSS_SRI__"),
      module(glue, "__GLUE_SRI__", wasm, "__WASM_SRI__"),
    ]).then(function (r) {
      r[1].setQrEncoder(qr);
      return r[1];
    }));
  }
  window.Kasir = kasirApi(load, css);
  /* __API__ */
})();
