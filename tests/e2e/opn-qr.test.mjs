// Opn TrueMoney QR end to end: a merchant page on another origin embeds kasir.js, the shopper
// pays, the real sandbox creates the source and the charge, the QR image is the sandbox's own,
// and the test completes the charge through /_sandbox/charges/:id/mark.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startSandbox, startHost, launch, hostPage, eventNames, mark } from "./harness.mjs";

let sandbox, browser;
before(async () => { sandbox = await startSandbox(); browser = await launch(); });
after(async () => { await browser?.close(); sandbox?.stop(); });

async function payWithQr() {
  const host = await startHost(hostPage(sandbox.url, {}));
  assert.notEqual(new URL(host.url).origin, new URL(sandbox.url).origin, "host page is cross-origin");
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(host.url);
  await page.getByRole("radio", { name: /TrueMoney QR/ }).click();
  await page.getByRole("button", { name: /Pay/ }).click();
  const img = page.getByRole("img", { name: /QR code to pay ฿4,000\.00 with TrueMoney QR/ });
  await img.waitFor();
  await page.waitForFunction(() => { const i = document.querySelector("img.kasir-qr-image"); return i && i.complete && i.naturalWidth > 0; });
  await assert.doesNotReject(page.getByText(/Expires in \d+:\d\d/).waitFor());
  const pending = await page.evaluate(() => window.__events.find((e) => e.name === "pending").detail);
  assert.equal(pending.provider, "omise");
  assert.equal(pending.method, "truemoney_qr");
  assert.match(pending.payment.id, /^chrg_test_/);
  assert.deepEqual(await eventNames(page), ["ready", "select", "source", "pending"]);
  return { page, host, chargeId: pending.payment.id, errors };
}

test("paid QR charge reports kasir:success exactly once", async () => {
  const { page, host, chargeId, errors } = await payWithQr();
  await mark(sandbox.url, chargeId, "successful");
  await page.waitForFunction(() => window.__events.some((e) => e.name === "success"), null, { timeout: 20000 });
  await page.getByRole("heading", { name: "Payment successful" }).waitFor();
  await page.waitForTimeout(3000); // a further poll window: nothing more may be reported
  assert.deepEqual(await eventNames(page), ["ready", "select", "source", "pending", "success"]);
  const result = await page.evaluate(() => window.__result);
  assert.equal(result.status, "succeeded");
  assert.equal(result.payment.status, "successful");
  assert.deepEqual(errors, []);
  await page.close(); host.stop();
});

test("failed QR charge reports kasir:failure with the PSP's code", async () => {
  const { page, host, chargeId } = await payWithQr();
  await mark(sandbox.url, chargeId, "failed");
  await page.waitForFunction(() => window.__events.some((e) => e.name === "failure"), null, { timeout: 20000 });
  const failure = await page.evaluate(() => window.__events.find((e) => e.name === "failure").detail);
  assert.equal(failure.code, "failed_processing");
  await page.getByRole("heading", { name: "Payment failed" }).waitFor();
  await page.waitForTimeout(2500);
  assert.deepEqual(await eventNames(page), ["ready", "select", "source", "pending", "failure"]);
  await page.close(); host.stop();
});

test("expired QR charge reports kasir:expired once and a new QR can be generated", async () => {
  const { page, host, chargeId } = await payWithQr();
  await mark(sandbox.url, chargeId, "expired");
  await page.waitForFunction(() => window.__events.some((e) => e.name === "expired"), null, { timeout: 20000 });
  await page.getByRole("heading", { name: "Payment expired" }).waitFor();
  await page.getByRole("button", { name: "Generate a new QR" }).click();
  await page.waitForFunction(() => window.__events.filter((e) => e.name === "pending").length === 2, null, { timeout: 20000 });
  const ids = await page.evaluate(() => window.__events.filter((e) => e.name === "pending").map((e) => e.detail.payment.id));
  assert.notEqual(ids[0], ids[1], "a new charge, never the expired one");
  assert.deepEqual(await eventNames(page), ["ready", "select", "source", "pending", "expired", "source", "pending"]);
  await page.close(); host.stop();
});

test("a secret key is refused before any request", async () => {
  // the page names its order, so it creates none: every request seen would be the widget's
  const host = await startHost(hostPage(sandbox.url, { publicKey: "skey_test_kasir", orderId: "demo-opn-qr" }));
  const page = await browser.newPage();
  const requests = [];
  page.on("request", (r) => { if (!r.url().includes("/kasir/")) requests.push(r.url()); });
  await page.goto(host.url);
  await page.waitForFunction(() => window.__events.length > 0);
  const ev = await page.evaluate(() => window.__events);
  assert.equal(ev[0].name, "error");
  assert.equal(ev[0].detail.code, "secret_key_in_browser");
  assert.deepEqual(requests.filter((u) => !u.startsWith(host.url)), []);
  await page.close(); host.stop();
});
