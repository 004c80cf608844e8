// Inlined at the top of every bench page's <head> (not counted as widget bytes). Records when
// the first payment-method radio exists (`seen`) and when the frame showing it has been painted
// (`ready`: a requestAnimationFrame after the element appears, then a task, which runs after the
// frame is committed), and every long task (> 50 ms, the Long Tasks API). Times are
// performance.now(), i.e. milliseconds since navigation start.
(function () {
  var sel = __SELECTOR__;
  var b = (window.__bench = { longTasks: [] });
  try {
    new PerformanceObserver(function (list) {
      list.getEntries().forEach(function (e) { b.longTasks.push({ start: e.startTime, duration: e.duration }); });
    }).observe({ type: "longtask", buffered: true });
  } catch (e) { b.longTasks = null; }
  function check() {
    if (b.seen || !document.querySelector(sel)) return;
    b.seen = performance.now();
    if (performance.mark) performance.mark("kasir-bench-seen"); // for the traced runs (run.mjs 2b)
    obs.disconnect();
    requestAnimationFrame(function () { setTimeout(function () { b.ready = performance.now(); }, 0); });
  }
  var obs = new MutationObserver(check);
  obs.observe(document, { childList: true, subtree: true, attributes: true });
  // every wasm memory the page's modules export (run.mjs reads their sizes). CDP's
  // Runtime.queryObjects, which found them before, never answers on a page whose wasm has a
  // chunk instantiated on its memory and table (Kasir's flows, src/flows.rs; Chromium 156)
  var W = window.WebAssembly, mems = (b.wasmMemories = []);
  function note(r) {
    var exp = r && (r.instance || r).exports;
    for (var k in exp || {}) if (exp[k] instanceof W.Memory && mems.indexOf(exp[k]) < 0) mems.push(exp[k]);
    return r;
  }
  if (W) {
    ["instantiate", "instantiateStreaming"].forEach(function (f) {
      var orig = W[f];
      if (orig) W[f] = function () { return orig.apply(W, arguments).then(note); };
    });
  }
})();
