// Inside an iframe the widget reports to its parent with postMessage — to the exact
// `parentOrigin` only, never "*" — and obeys messages only from that origin.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startSandbox, startHost, launch, hostPage, mark } from "./harness.mjs";

let sandbox, browser;
before(async () => { sandbox = await startSandbox(); browser = await launch(); });
after(async () => { await browser?.close(); sandbox?.stop(); });

test("postMessage to parentOrigin only; messages from another origin are ignored", async () => {
  const urls = {};
  // the merchant page (parent), the widget frame, and an unrelated frame: three origins
  const parent = await startHost(() => `<!doctype html><html lang="en"><title>Merchant</title><body>
    <iframe name="widget" title="Checkout" src="${urls.frame}" width="480" height="640"></iframe>
    <script>window.__messages = []; window.addEventListener("message", function (e) {
      window.__messages.push({ origin: e.origin, type: e.data && e.data.type, detail: e.data && e.data.detail }); });</script></body></html>`);
  urls.parent = parent.url;
  const frame = await startHost(() => hostPage(sandbox.url, { parentOrigin: new URL(urls.parent).origin }));
  urls.frame = frame.url;
  const evil = await startHost(`<!doctype html><title>other</title><script>
    window.parent.frames["widget"].postMessage({ type: "kasir:cancel" }, "*");
    window.parent.postMessage({ type: "other:sent" }, "*");</script>`);
  const page = await browser.newPage();
  await page.goto(parent.url);
  const widget = page.frameLocator("iframe[name=widget]");
  await widget.getByRole("radio", { name: /TrueMoney QR/ }).click();
  await widget.getByRole("button", { name: /Pay/ }).click();
  await widget.locator("img.kasir-qr-image").waitFor();
  await page.waitForFunction(() => window.__messages.some((m) => m.type === "kasir:pending"));
  const messages = await page.evaluate(() => window.__messages);
  const frameOrigin = new URL(frame.url).origin;
  assert.ok(messages.every((m) => m.origin === frameOrigin));
  assert.deepEqual(messages.map((m) => m.type), ["kasir:ready", "kasir:select", "kasir:source", "kasir:pending"]);
  const chargeId = messages.at(-1).detail.payment.id;

  // a frame from another origin tells the widget to cancel: ignored
  await page.evaluate((src) => { const f = document.createElement("iframe"); f.src = src; document.body.appendChild(f); }, evil.url);
  await page.waitForFunction(() => window.__messages.some((m) => m.type === "other:sent"));
  await page.waitForTimeout(1000);
  assert.equal(await widget.locator("img.kasir-qr-image").count(), 1, "still on the QR");
  // the parent itself (the parentOrigin) may cancel
  await page.evaluate(() => window.frames["widget"].postMessage({ type: "kasir:cancel" }, "*"));
  await widget.getByRole("radiogroup").waitFor();
  await page.waitForFunction(() => window.__messages.some((m) => m.type === "kasir:cancel"));
  assert.equal((await mark(sandbox.url, chargeId, "expired")).status, "expired");
  await page.close(); parent.stop(); frame.stop(); evil.stop();
});

test("a parent on another origin than parentOrigin receives nothing", async () => {
  const urls = {};
  const parent = await startHost(() => `<!doctype html><html lang="en"><title>Merchant</title><body>
    <iframe name="widget" title="Checkout" src="${urls.frame}"></iframe>
    <script>window.__messages = []; window.addEventListener("message", function (e) { window.__messages.push(e.origin); });</script></body></html>`);
  const frame = await startHost(hostPage(sandbox.url, { parentOrigin: "https://shop.example" }));
  urls.frame = frame.url;
  const page = await browser.newPage();
  await page.goto(parent.url);
  await page.frameLocator("iframe[name=widget]").getByRole("radio", { name: /TrueMoney QR/ }).click();
  await page.waitForTimeout(1000);
  assert.deepEqual(await page.evaluate(() => window.__messages), []);
  await page.close(); parent.stop(); frame.stop();
});
