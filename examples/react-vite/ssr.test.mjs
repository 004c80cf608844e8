// Server side (Node, no window, no DOM): the installed package and @kasir/checkout/react import
// without throwing, KasirCheckout renders to a plain <div>, and loadKasir() rejects with the
// named KasirLoadError (code "no_browser"). Run in examples/react-vite, where the packed
// tarball is installed (make examples).
import { test } from "node:test";
import assert from "node:assert/strict";
import { createElement } from "react";
import { renderToString } from "react-dom/server";

test("the package and @kasir/checkout/react import without a DOM", async () => {
  assert.equal(typeof globalThis.window, "undefined");
  assert.equal(typeof globalThis.document, "undefined");
  const kasir = await import("@kasir/checkout");
  const react = await import("@kasir/checkout/react");
  assert.equal(typeof kasir.loadKasir, "function");
  assert.equal(typeof react.KasirCheckout, "function");
  const html = renderToString(createElement(react.KasirCheckout, {
    id: "pay", provider: "omise", publicKey: "pkey_test_kasir", amount: 40000, currency: "THB", onSuccess() {},
  }));
  assert.equal(html, '<div id="pay"></div>');
});

test("loadKasir() on the server rejects with KasirLoadError no_browser", async () => {
  const { loadKasir, KasirLoadError } = await import("@kasir/checkout");
  await assert.rejects(loadKasir(), (e) => {
    assert.ok(e instanceof KasirLoadError);
    assert.ok(e instanceof Error);
    assert.equal(e.name, "KasirLoadError");
    assert.equal(e.code, "no_browser");
    return true;
  });
  await assert.rejects(loadKasir({ src: "https://cdn.example/kasir.js" }), { code: "no_browser" });
});
