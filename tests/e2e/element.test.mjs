// <kasir-checkout>: defined by kasir.js, mounts from its kebab-case attributes (the option table
// of src/options.rs, read by the wasm), re-renders when amount / currency / locale change,
// its kasir:* events bubble, and removing it destroys the widget: no timer left, no more polls.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startSandbox, startHost, launch, createOrderJs } from "./harness.mjs";

let sandbox, browser;
before(async () => { sandbox = await startSandbox(); browser = await launch(); });
after(async () => { await browser?.close(); sandbox?.stop(); });

// the page's timers, counted: intervals running, timeouts not yet fired or cleared
const timers = `(() => {
  const live = new Set(); window.__timers = live;
  const si = setInterval, ci = clearInterval, st = setTimeout, ct = clearTimeout;
  window.setInterval = function (f, ms, ...a) { const id = si.call(window, f, ms, ...a); live.add("i" + id); return id; };
  window.clearInterval = function (id) { live.delete("i" + id); return ci.call(window, id); };
  window.setTimeout = function (f, ms, ...a) {
    const id = st.call(window, function () { live.delete("t" + id); return typeof f == "function" ? f.apply(this, arguments) : undefined; }, ms, ...a);
    live.add("t" + id); return id;
  };
  window.clearTimeout = function (id) { live.delete("t" + id); return ct.call(window, id); };
})();`;

function page(sandbox) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Element</title>
<script src="${sandbox}/kasir/kasir.js"></script></head>
<body><main><h1>Checkout</h1><div id="host"></div></main>
<script>
  window.__events = [];
  ["ready","select","source","pending","success","failure","error"].forEach(function (n) {
    document.addEventListener("kasir:" + n, function (e) { window.__events.push({ name: n, tag: e.target.localName, detail: e.detail }); });
  });
  ${createOrderJs}
  window.addCheckout = function (amount) {
    createOrder(${JSON.stringify(sandbox)}, { amount: amount, currency: "THB", provider: "omise" }, function (o) {
      var el = document.createElement("kasir-checkout");
      el.id = "checkout";
      el.setAttribute("provider", "omise");
      el.setAttribute("public-key", "pkey_test_kasir");
      el.setAttribute("api-base", ${JSON.stringify(sandbox)});
      el.setAttribute("amount", String(amount));
      el.setAttribute("currency", "THB");
      el.setAttribute("locale", "en");
      el.setAttribute("methods", "truemoney_qr promptpay");
      el.setAttribute("order-id", o.orderId);
      el.setAttribute("create-payment-url", ${JSON.stringify(sandbox + "/shop/api/omise/charges")});
      el.setAttribute("retrieve-payment-url", ${JSON.stringify(sandbox + "/shop/api/omise/charges")});
      document.getElementById("host").appendChild(el);
    });
  };
</script></body></html>`;
}

test("<kasir-checkout> mounts from its attributes, re-renders on amount and locale, events bubble from it", async () => {
  const host = await startHost(page(sandbox.url));
  const p = await browser.newPage();
  const errors = [];
  p.on("pageerror", (e) => errors.push(String(e)));
  await p.goto(host.url);
  assert.equal(await p.evaluate(() => typeof customElements.get("kasir-checkout")), "function", "defined by kasir.js");
  await p.evaluate(() => window.addCheckout(400000));
  await p.locator("kasir-checkout").getByRole("radio", { name: /TrueMoney QR/ }).waitFor();
  const radios = await p.locator("kasir-checkout").getByRole("radio").allTextContents();
  assert.equal(radios.length, 2, `methods="truemoney_qr promptpay" is read: ${radios}`);
  const ready = await p.evaluate(() => window.__events.filter((e) => e.name == "ready"));
  assert.equal(ready.length, 1);
  assert.equal(ready[0].tag, "kasir-checkout", "kasir:ready bubbles from the element");
  await p.getByRole("radio", { name: /TrueMoney QR/ }).click();
  await p.getByRole("button", { name: "Pay ฿4,000.00" }).waitFor();

  await p.evaluate(() => document.getElementById("checkout").setAttribute("amount", "50000"));
  await p.getByRole("radio", { name: /TrueMoney QR/ }).click();
  await p.getByRole("button", { name: "Pay ฿500.00" }).waitFor();
  assert.equal(await p.locator("kasir-checkout .kasir").count(), 1, "one widget after a re-render");
  await p.evaluate(() => document.getElementById("checkout").setAttribute("locale", "th"));
  await p.getByRole("radiogroup", { name: "เลือกวิธีการชำระเงิน" }).waitFor();
  assert.equal(await p.locator("kasir-checkout .kasir").count(), 1);
  assert.equal(await p.evaluate(() => window.__events.filter((e) => e.name == "ready").length), 3);
  // an attribute that is not amount / currency / locale does not re-render
  await p.evaluate(() => document.getElementById("checkout").setAttribute("theme", "dark"));
  await p.waitForTimeout(300);
  assert.equal(await p.evaluate(() => window.__events.filter((e) => e.name == "ready").length), 3);
  assert.deepEqual(errors, []);
  await p.close(); host.stop();
});

test("a removed <kasir-checkout> is destroyed: no timer left running, no more polling", async () => {
  const host = await startHost(page(sandbox.url));
  const p = await browser.newPage();
  await p.addInitScript(timers);
  const polls = [];
  p.on("request", (r) => { if (r.method() == "GET" && r.url().includes("/shop/api/omise/charges")) polls.push(Date.now()); });
  await p.goto(host.url);
  await p.evaluate(() => window.addCheckout(400000));
  await p.getByRole("radio", { name: /TrueMoney QR/ }).click();
  await p.getByRole("button", { name: /Pay/ }).click();
  await p.getByRole("img", { name: /QR code to pay ฿4,000\.00/ }).waitFor();
  await p.waitForFunction(() => window.__events.some((e) => e.name == "pending"));
  await p.waitForTimeout(2500); // the countdown ticks and polling runs
  assert.ok(await p.evaluate(() => [...window.__timers].some((t) => t[0] == "i")), "the countdown interval runs");
  assert.ok(polls.length >= 1, "polling ran");
  await p.evaluate(() => document.getElementById("checkout").remove());
  const removedAt = Date.now();
  assert.equal(await p.locator(".kasir").count(), 0, "the widget's DOM is gone");
  await p.waitForTimeout(6000); // longer than the polling delay in flight
  assert.deepEqual(await p.evaluate(() => [...window.__timers]), [], "no timer left");
  const late = polls.filter((t) => t > removedAt + 500);
  assert.deepEqual(late, [], "no poll after removal");
  await p.close(); host.stop();
});

// The screens after the picker are drawn by the flows' chunk under an owner of their own
// (src/ui/screens.rs), outside the root's: leaving one for the picker must take its DOM and its
// timers with it, as the root's own views did.
test("the QR screen left for the picker is gone with its countdown, and a second QR shows once", async () => {
  const host = await startHost(page(sandbox.url));
  const p = await browser.newPage();
  await p.addInitScript(timers);
  await p.goto(host.url);
  await p.evaluate(() => window.addCheckout(400000));
  await p.getByRole("radio", { name: /TrueMoney QR/ }).click();
  await p.getByRole("button", { name: /Pay/ }).click();
  await p.getByRole("img", { name: /QR code to pay/ }).waitFor();
  assert.ok(await p.evaluate(() => [...window.__timers].some((t) => t[0] == "i")), "the countdown interval runs");
  await p.getByRole("button", { name: "Choose another method" }).click();
  await p.getByRole("radio", { name: /TrueMoney QR/ }).waitFor();
  assert.equal(await p.locator(".kasir-qr, .kasir-heading").count(), 0, "the QR screen is gone");
  assert.ok(!(await p.evaluate(() => [...window.__timers].some((t) => t[0] == "i"))), "no countdown left");
  // the picker again, then a second QR: one screen, before the alert region
  await p.getByRole("radio", { name: /TrueMoney QR/ }).click();
  await p.getByRole("button", { name: /Pay/ }).click();
  await p.getByRole("img", { name: /QR code to pay/ }).waitFor();
  assert.equal(await p.locator("h2.kasir-heading").count(), 1, "one screen drawn");
  assert.equal(await p.evaluate(() => document.querySelector(".kasir > .kasir-error").previousElementSibling?.tagName), "SECTION");
  await p.close(); host.stop();
});
