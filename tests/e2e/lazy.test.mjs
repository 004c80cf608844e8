// Each provider has its own build: a page downloads only the mounted PSP's wasm, and only the
// text table of the locale it shows (English is compiled in).
// The QR module (crates/kasir-qr) is not on the critical path: an Opn checkout, whose QR codes
// are the PSP's images, never fetches it; a WooshPay checkout fetches it once the picker shows
// (its desktop handoff draws a QR of the PSP's link) and draws the code with it. A tampered
// module is refused by its integrity: the handoff then shows no code, and the rest works.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { startSandbox, startHost, launch, hostPage } from "./harness.mjs";

const dist = new URL("../../dist/", import.meta.url);
let sandbox, browser;
before(async () => { sandbox = await startSandbox(); browser = await launch(); });
after(async () => { await browser?.close(); sandbox?.stop(); });

const shop = (p) => `${sandbox.url}/shop/api/${p}`;
const isQrModule = (u) => /\/kasir-qr-[0-9a-f]+(\.js|_bg\.wasm)$/.test(new URL(u).pathname);
const wooshpay = () => ({ provider: "wooshpay", publicKey: "pk_test_kasir", amount: 25000,
  createPaymentUrl: shop("wooshpay/payment_intents"), retrievePaymentUrl: shop("wooshpay/payment_intents") });

async function open(html, files = {}) {
  const host = await startHost(html, {}, files);
  const page = await browser.newPage();
  const requested = [];
  const types = new Map();
  page.on("request", (r) => requested.push(r.url()));
  page.on("response", (r) => types.set(r.url(), r.headers()["content-type"]));
  await page.goto(host.url);
  return { host, page, requested, types };
}

test("an Opn checkout never loads the QR module: the picker and the PSP's QR image come without it", async () => {
  const { host, page, requested, types } = await open(hostPage(sandbox.url, {}));
  await page.getByRole("radio", { name: /PromptPay/ }).click();
  await page.getByRole("button", { name: /Pay/ }).click();
  await page.waitForFunction(() => { const i = document.querySelector("img.kasir-qr-image"); return i && i.complete && i.naturalWidth > 0; });
  await page.waitForTimeout(500);
  assert.ok(requested.some((u) => /\/kasir-omise-[0-9a-f]+_bg\.wasm$/.test(u)), "the widget loaded");
  // served as the README asks (the glue has no warning for a wasm sent as anything else, which
  // the browser could only compile after the download)
  const wasm = [...types].filter(([u]) => /\/kasir-omise-[0-9a-f]+_bg\.wasm$/.test(u));
  assert.deepEqual(wasm.map(([, t]) => t), ["application/wasm"], "the sandbox sends the wasm as application/wasm");
  assert.deepEqual(requested.filter(isQrModule), [], "no QR module");
  assert.deepEqual(requested.filter((u) => /\/kasir-(wooshpay|ecommpay)-/.test(u)), [], "no other provider's build");
  await page.close(); host.stop();
});

// The flows after the picker (pay, poll, resume) are a wasm chunk of their own (src/flows.rs):
// not fetched before the picker is drawn, nor before the frame that paints it (its compilation
// delayed that paint: scripts/split-glue.mjs), then fetched once, in time for Pay.
test("an Opn checkout fetches its flows chunk once, only after the picker is drawn", async () => {
  const host = await startHost(hostPage(sandbox.url, {}));
  const page = await browser.newPage();
  await page.addInitScript(() => {
    window.__radioAt = null;
    window.__frameAt = null;
    new MutationObserver(() => {
      if (window.__radioAt !== null || !document.querySelector("[role=radio]")) return;
      window.__radioAt = performance.now();
      requestAnimationFrame(() => { window.__frameAt = performance.now(); });
    }).observe(document, { subtree: true, childList: true });
  });
  const requested = [];
  page.on("request", (r) => requested.push(r.url()));
  await page.goto(host.url);
  const chunk = () => performance.getEntriesByType("resource").find((e) => /kasir-omise-[0-9a-f]+_flows\.wasm$/.test(e.name));
  await page.waitForFunction(chunk);
  const [radioAt, frameAt, startedAt] = await page.evaluate((f) => [window.__radioAt, window.__frameAt, eval(f)().startTime], `(${chunk})`);
  assert.ok(radioAt !== null && startedAt >= radioAt, `the chunk was asked for at ${startedAt} ms, the first radio drawn at ${radioAt} ms`);
  assert.ok(frameAt !== null && startedAt >= frameAt, `the chunk was asked for at ${startedAt} ms, before the picker's frame (${frameAt} ms)`);
  await page.getByRole("radio", { name: /PromptPay/ }).click();
  await page.getByRole("button", { name: /Pay/ }).click();
  await page.locator("img.kasir-qr-image").waitFor();
  assert.equal(requested.filter((u) => /_flows\.wasm$/.test(u)).length, 1, "fetched once");
  await page.close(); host.stop();
});

test("only WooshPay's build has the QR module's client: Opn's and ecommpay's glue take no encoder", () => {
  const glue = (p) => readdirSync(dist).filter((f) => new RegExp(`^kasir-${p}-[0-9a-f]+\\.js$`).test(f));
  for (const [p, has] of [["omise", false], ["ecommpay", false], ["wooshpay", true]]) {
    assert.equal(glue(p).length, 1, `one ${p} glue in dist/`);
    assert.equal(readFileSync(new URL(glue(p)[0], dist), "utf8").includes("setQrEncoder"), has, `${p}: setQrEncoder`);
  }
});

test("a WooshPay checkout fetches the QR module after the picker shows and draws the handoff QR with it", async () => {
  const { host, page, requested } = await open(hostPage(sandbox.url, wooshpay()));
  await page.getByRole("radio", { name: /TrueMoney Wallet/ }).waitFor();
  await page.waitForFunction(() => performance.getEntriesByType("resource").some((e) => /kasir-qr-[0-9a-f]+_bg\.wasm$/.test(e.name)));
  assert.equal(requested.filter(isQrModule).length, 2, "its glue and wasm, once each");
  assert.equal(requested.filter((u) => /\/kasir-wooshpay-[0-9a-f]+(\.js|_bg\.wasm)$/.test(u)).length, 2, "WooshPay's build");
  assert.deepEqual(requested.filter((u) => /\/kasir-(omise|ecommpay)-/.test(u)), [], "no other provider's build");
  await page.getByRole("radio", { name: /TrueMoney Wallet/ }).click();
  await page.getByRole("button", { name: /Pay/ }).click();
  await page.locator(".kasir-handoff .kasir-qr-image[role=img] svg path").waitFor();
  assert.equal(requested.filter(isQrModule).length, 2, "not fetched again");
  await page.close(); host.stop();
});

test("a tampered QR module is refused: the handoff shows no code and the shopper can still continue", async () => {
  const files = {};
  for (const f of readdirSync(dist)) {
    const type = f.endsWith(".wasm") ? "application/wasm" : f.endsWith(".css") ? "text/css" : f.endsWith(".js") ? "text/javascript" : null;
    if (!type) continue;
    const body = Buffer.from(readFileSync(new URL(f, dist)));
    if (/^kasir-qr-[0-9a-f]+_bg\.wasm$/.test(f)) body[body.length - 2] ^= 1;
    files[`/cdn/${f}`] = { type, body };
  }
  const html = hostPage(sandbox.url, wooshpay()).replace(`${sandbox.url}/kasir/kasir.js`, "/cdn/kasir.js");
  const { host, page } = await open(html, files);
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.getByRole("radio", { name: /TrueMoney Wallet/ }).click();
  await page.getByRole("button", { name: /Pay/ }).click();
  await page.getByRole("heading", { name: "Pay with TrueMoney Wallet" }).waitFor();
  await page.waitForTimeout(1000);
  assert.equal(await page.locator(".kasir-handoff .kasir-qr-image svg").count(), 0, "no code from a tampered module");
  await page.getByRole("button", { name: "Continue to TrueMoney Wallet" }).click();
  await page.waitForURL(/\/pay\/pi_/);
  assert.deepEqual(errors, []);
  await page.close(); host.stop();
});

test("two checkouts of different providers on one page each run their own build", async () => {
  const html = hostPage(sandbox.url, {}).replace('<div id="pay"></div>', '<div id="pay"></div><div id="pay2"></div>')
    .replace("</script></body>", `Kasir.mount(document.getElementById("pay2"), ${JSON.stringify({ ...wooshpay(), currency: "THB" })})
      .then(function (c) { window.__second = c; });</script></body>`);
  const { host, page, requested } = await open(html);
  await page.locator("#pay [role=radio][data-method=promptpay]").waitFor();
  await page.locator("#pay2 [role=radio][data-method=truemoney]").waitFor();
  await page.waitForFunction(() => window.__second && window.__checkout);
  for (const p of ["omise", "wooshpay"]) {
    assert.equal(requested.filter((u) => new RegExp(`/kasir-${p}-[0-9a-f]+_bg\\.wasm$`).test(u)).length, 1, p);
  }
  // the Opn widget pays while the WooshPay one stays on its picker
  await page.locator("#pay [role=radio][data-method=promptpay]").click();
  await page.locator("#pay button.kasir-pay").click();
  await page.locator("#pay img.kasir-qr-image").waitFor();
  assert.equal(await page.locator("#pay2 [role=radio]").count() > 0, true);
  await page.close(); host.stop();
});

test("English is compiled in; a Thai checkout fetches only the Thai texts, with its integrity", async () => {
  const isTable = (u) => /\/kasir-[a-z]{2}-[0-9a-f]+\.json$/.test(new URL(u).pathname);
  const en = await open(hostPage(sandbox.url, {}));
  await en.page.getByRole("button", { name: "Pay ฿4,000.00" }).waitFor();
  assert.deepEqual(en.requested.filter(isTable), [], "no text table for English");
  await en.page.close(); en.host.stop();

  const th = await open(hostPage(sandbox.url, { locale: "th" }));
  await th.page.getByRole("button", { name: "ชำระเงิน ฿4,000.00" }).waitFor();
  assert.equal(await th.page.getByRole("radiogroup", { name: "เลือกวิธีการชำระเงิน" }).count(), 1);
  const tables = th.requested.filter(isTable);
  assert.equal(tables.length, 1, tables.join(", "));
  assert.match(tables[0], /\/kasir-th-[0-9a-f]+\.json$/);
  await th.page.close(); th.host.stop();
});

test("a tampered text table is refused: the checkout shows in English and works", async () => {
  const files = {};
  for (const f of readdirSync(dist)) {
    const type = f.endsWith(".wasm") ? "application/wasm" : f.endsWith(".css") ? "text/css"
      : f.endsWith(".js") ? "text/javascript" : f.endsWith(".json") ? "application/json" : null;
    if (!type) continue;
    let body = readFileSync(new URL(f, dist));
    if (/^kasir-th-[0-9a-f]+\.json$/.test(f)) body = Buffer.from(body.toString().replace("ชำระเงิน {amount}", "โอนเงินไปที่บัญชีนี้ {amount}"));
    files[`/cdn/${f}`] = { type, body };
  }
  const html = hostPage(sandbox.url, { locale: "th" }).replace(`${sandbox.url}/kasir/kasir.js`, "/cdn/kasir.js");
  const { host, page } = await open(html, files);
  await page.getByRole("button", { name: "Pay ฿4,000.00" }).waitFor();
  assert.equal(await page.getByText("โอนเงินไปที่บัญชีนี้").count(), 0, "nothing of the tampered text");
  await page.getByRole("radio", { name: /PromptPay/ }).click();
  await page.getByRole("button", { name: "Pay ฿4,000.00" }).click();
  await page.locator("img.kasir-qr-image").waitFor();
  await page.close(); host.stop();
});

// Regression: the loader looked the provider up as a plain property, so "constructor" (an
// Object built-in) was taken for a build and failed as a network error instead of being named.
test("a provider that names an Object built-in gets Opn's build and is refused as unknown_provider", async () => {
  for (const provider of ["constructor", "toString", "__proto__", "qr"]) {
    const html = hostPage(sandbox.url, { provider, orderId: "order_x" })
      .replace("Kasir.mount(el, opts).then(function (c) {", "Kasir.mount(el, opts).catch(function (e) { window.__rejected = e; throw e; }).then(function (c) {");
    const { host, page } = await open(html);
    await page.waitForFunction(() => window.__rejected, null, { timeout: 15000 });
    assert.equal((await page.evaluate(() => window.__rejected)).code, "unknown_provider", provider);
    await page.close(); host.stop();
  }
});

test("a text table that never arrives leaves the checkout in English after the timeout, not blank", async () => {
  const host = await startHost(hostPage(sandbox.url, { locale: "th" }));
  const page = await browser.newPage();
  await page.route(/\/kasir-th-[0-9a-f]+\.json$/, () => {}); // held: never answered
  await page.goto(host.url);
  const started = Date.now();
  await page.getByRole("button", { name: "Pay ฿4,000.00" }).waitFor({ timeout: 15000 });
  assert.ok(Date.now() - started >= 3000, "it waited for the table first");
  await page.getByRole("radio", { name: /PromptPay/ }).click();
  await page.getByRole("button", { name: "Pay ฿4,000.00" }).click();
  await page.locator("img.kasir-qr-image").waitFor();
  await page.close(); host.stop();
});

// <script src=kasir.js data-provider=…>: the provider's build loads while the page is parsed,
// before any mount, and sends nothing to a PSP; the mount then uses it (one download).
test("the script tag's data-provider loads that build before any mount, and the mount uses it", async () => {
  const script = `<script src="${sandbox.url}/kasir/kasir.js" data-provider="omise" data-locale="th"></script>`;
  const bare = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Merchant</title>${script}</head><body></body></html>`;
  const early = await open(bare);
  const wasm = (r) => r.filter((u) => /\/kasir-omise-[0-9a-f]+_bg\.wasm$/.test(u));
  await early.page.waitForFunction(() => performance.getEntriesByType("resource").some((e) => /kasir-th-[0-9a-f]+\.json$/.test(e.name)
    && e.responseEnd > 0) && performance.getEntriesByType("resource").some((e) => /_bg\.wasm$/.test(e.name) && e.responseEnd > 0));
  await early.page.waitForTimeout(300);
  assert.equal(wasm(early.requested).length, 1, "Opn's build, with no mount");
  assert.deepEqual(early.requested.filter((u) => /\/kasir-(wooshpay|ecommpay|qr)-/.test(u)), [], "no other build");
  assert.deepEqual(early.requested.filter((u) => u.startsWith(sandbox.url) && !new URL(u).pathname.startsWith("/kasir/")), [],
    "nothing sent to a PSP or the shop");
  await early.page.close(); early.host.stop();

  const page = hostPage(sandbox.url, {}).replace(`<script src="${sandbox.url}/kasir/kasir.js"></script>`, script);
  assert.ok(page.includes("data-provider"), "the harness's script tag changed");
  const { host, page: p, requested } = await open(page);
  await p.getByRole("radio", { name: /PromptPay/ }).waitFor({ timeout: 20000 });
  assert.equal(wasm(requested).length, 1, "one download, used by the mount");
  await p.close(); host.stop();
});

test("an unknown data-provider on the script tag loads nothing", async () => {
  const bare = `<!doctype html><html><head><meta charset="utf-8"><title>M</title>
<script src="${sandbox.url}/kasir/kasir.js" data-provider="constructor"></script></head><body></body></html>`;
  const { host, page, requested } = await open(bare);
  await page.waitForFunction(() => window.Kasir !== undefined);
  await page.waitForTimeout(500);
  assert.deepEqual(requested.filter((u) => /_bg\.wasm$|\/kasir-[0-9a-f]+\.css$/.test(u)), [], "no build, no stylesheet");
  await page.close(); host.stop();
});
