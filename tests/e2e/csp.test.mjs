// Strict CSP: the merchant page (another origin) is served with the policy the README publishes,
// no 'unsafe-inline', no 'unsafe-eval', and a whole Opn TrueMoney QR payment must work without a
// single securitypolicyviolation. Widget, PSP and shop are all the sandbox's origin here. The
// page has no inline script: its own script is /page.js from the host origin, so script-src also
// carries 'self' for that one file (a merchant's own scripts, not the widget's needs). That script
// creates the page's order on the sandbox first (the shop refuses a payment without one):
// connect-src already allows the sandbox's origin.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startSandbox, startHost, launch, mark, createOrderJs } from "./harness.mjs";

let sandbox, browser;
before(async () => { sandbox = await startSandbox(); browser = await launch(); });
after(async () => { await browser?.close(); sandbox?.stop(); });

function policy(origin) {
  const widget = origin, psp = origin, shop = origin;
  return `default-src 'none'; script-src 'self' ${widget} 'wasm-unsafe-eval'; style-src ${widget}; ` +
    `img-src ${widget} ${psp} data:; connect-src ${psp} ${shop}; form-action ${psp}`;
}

// First script of the page: records violations, then mounts once kasir.js (the next script) ran.
const pageJs = (sandbox) => `
window.__violations = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__violations.push({ directive: e.effectiveDirective, blocked: e.blockedURI, source: e.sourceFile,
    line: e.lineNumber, sample: e.sample });
}, true);
window.__events = [];
document.addEventListener("DOMContentLoaded", function () {
  var el = document.getElementById("pay");
  ["ready","select","source","pending","success","failure","expired","cancel","error"].forEach(function (n) {
    el.addEventListener("kasir:" + n, function (e) { window.__events.push({ name: n, detail: e.detail }); });
  });
  // the order first (connect-src allows the sandbox), then mount with its orderId
  createOrder(${JSON.stringify(sandbox)}, { provider: "omise", publicKey: "pkey_test_kasir", apiBase: ${JSON.stringify(sandbox)},
    amount: 400000, currency: "THB", locale: "en", theme: "dark", appearance: { "--kasir-color-primary": "#0a7d5a" },
    createPaymentUrl: ${JSON.stringify(sandbox + "/shop/api/omise/charges")},
    retrievePaymentUrl: ${JSON.stringify(sandbox + "/shop/api/omise/charges")} }, function (opts) {
    Kasir.mount(el, opts).then(function (c) { c.result.then(function (r) { window.__result = r; }); });
  });
});
${createOrderJs}`;

async function openStrict(extraBody = "") {
  const origin = new URL(sandbox.url).origin;
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Merchant</title>
<script src="/page.js"></script><script src="${sandbox.url}/kasir/kasir.js"></script></head>
<body><main><h1>Checkout</h1><div id="pay"></div>${extraBody}</main></body></html>`;
  const host = await startHost(html, { "Content-Security-Policy": policy(origin) },
    { "/page.js": { type: "text/javascript", body: pageJs(sandbox.url) } });
  assert.notEqual(new URL(host.url).origin, origin, "host page is cross-origin");
  const page = await browser.newPage();
  const cspConsole = [];
  page.on("console", (m) => { if (/Content Security Policy/i.test(m.text())) cspConsole.push(m.text()); });
  const response = await page.goto(host.url);
  assert.equal(response.headers()["content-security-policy"], policy(origin));
  return { page, host, cspConsole };
}

test("a full Opn TrueMoney QR payment under the strict policy: zero violations", async () => {
  const { page, host, cspConsole } = await openStrict();
  await page.getByRole("radio", { name: /TrueMoney QR/ }).click();
  await page.getByRole("button", { name: /Pay/ }).click();
  await page.getByRole("img", { name: /QR code to pay ฿4,000\.00 with TrueMoney QR/ }).waitFor();
  await page.waitForFunction(() => { const i = document.querySelector("img.kasir-qr-image"); return i && i.complete && i.naturalWidth > 0; });
  // the stylesheet no longer declares --kasir-* itself (a merchant's value on an ancestor wins), so read what it sets
  const font = await page.evaluate(() => getComputedStyle(document.querySelector(".kasir")).fontFamily);
  assert.match(font, /system-ui/, "the widget's stylesheet was allowed and applies");
  const primary = await page.evaluate(() => getComputedStyle(document.querySelector(".kasir")).getPropertyValue("--kasir-color-primary"));
  assert.equal(primary.trim(), "#0a7d5a", "appearance variables are set without inline style attributes");
  const id = await page.evaluate(() => window.__events.find((e) => e.name === "pending").detail.payment.id);
  await mark(sandbox.url, id, "successful");
  await page.getByRole("heading", { name: "Payment successful" }).waitFor({ timeout: 20000 });
  await page.waitForFunction(() => window.__result);
  assert.equal(await page.evaluate(() => window.__result.status), "succeeded");
  assert.deepEqual(await page.evaluate(() => window.__events.map((e) => e.name)),
    ["ready", "select", "source", "pending", "success"]);
  const violations = await page.evaluate(() => window.__violations);
  assert.deepEqual({ violations, cspConsole }, { violations: [], cspConsole: [] });
  await page.close(); host.stop();
});

test("control: the recorder does see a violation (an inline script under the same policy)", async () => {
  const { page, host } = await openStrict(`<script>window.__inline = true;</script>`);
  await page.getByRole("radio", { name: /TrueMoney QR/ }).waitFor();
  assert.equal(await page.evaluate(() => window.__inline), undefined, "inline script blocked");
  const v = await page.evaluate(() => window.__violations);
  assert.equal(v.length, 1, JSON.stringify(v));
  assert.equal(v[0].directive, "script-src-elem");
  assert.equal(v[0].blocked, "inline");
  await page.close(); host.stop();
});
