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
  function load() {
    return loading || (loading = Promise.all([
      linked("stylesheet", css, "__CSS_SRI__"),
      linked("modulepreload", glue, "__GLUE_SRI__").then(function () { return import(glue); }),
      checked(wasm, "__WASM_SRI__"),
    ]).then(function (r) {
      return r[1].default({ module_or_path: r[2] }).then(function () { return r[1]; });
    }));
  }
  window.Kasir = kasirApi(load, css);
  /* __API__ */
})();
