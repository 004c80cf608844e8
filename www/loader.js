/*! Kasir checkout widget: https://github.com/kasir — classic script, defines window.Kasir */
(function () {
  "use strict";
  if (window.Kasir && window.Kasir.mount) return;
  var me = document.currentScript;
  var base = (me && me.src) || document.baseURI;
  var url = function (name) { return new URL(name, base).href; };
  var css = "__CSS__";
  var loading = null;
  function load() {
    if (!loading) {
      if (css && !document.querySelector('link[data-kasir-css]')) {
        var link = document.createElement("link");
        link.rel = "stylesheet";
        link.href = url(css);
        link.setAttribute("data-kasir-css", "");
        document.head.appendChild(link);
      }
      loading = import(url("__GLUE__")).then(function (m) {
        return m.default({ module_or_path: url("__WASM__") }).then(function () { return m; });
      });
    }
    return loading;
  }
  window.Kasir = {
    /** Mount the checkout into `target` (element or CSS selector). Resolves to a Checkout. */
    mount: function (target, options) {
      return load().then(function (m) { return m.mount(target, options || {}); });
    },
    /** The stylesheet's URL (added to shadow roots that host a widget). */
    css: css ? url(css) : "",
    /** Start loading the widget ahead of mount (optional). */
    preload: function () { return load().then(function () {}); },
  };
  function autoMount() {
    var els = document.querySelectorAll("[data-kasir]");
    if (els.length) load().then(function (m) { m.autoMount(); });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", autoMount);
  else autoMount();
})();
