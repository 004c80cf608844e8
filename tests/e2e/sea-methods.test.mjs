// Southeast Asian coverage through the real widget and the real sandbox: the picker per
// country, the shopper's inputs (invalid → named error and no request; valid → the PSP receives
// exactly that field), and one payment per flow kind (QR, redirect, app redirect on a phone).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startSandbox, startHost, launch, hostPage, mark } from "./harness.mjs";

let sandbox, browser;
before(async () => { sandbox = await startSandbox(); browser = await launch(); });
after(async () => { await browser?.close(); sandbox?.stop(); });

const IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1";

async function open(options, context = browser) {
  const host = await startHost(hostPage(sandbox.url, options));
  const page = await context.newPage();
  const sources = [];
  page.on("request", (r) => { if (r.method() === "POST" && r.url().endsWith("/sources")) sources.push(r.postDataJSON()); });
  await page.goto(host.url);
  await page.waitForFunction(() => window.__checkout !== undefined, null, { timeout: 20000 });
  await page.locator(".kasir-method").first().waitFor({ timeout: 20000 });
  return { host, page, sources, close: async () => { await page.close(); host.stop(); } };
}

const methodsOf = (page) => page.$$eval(".kasir-method", (els) => els.map((e) => e.dataset.method));

async function succeeded(page) {
  await page.waitForFunction(() => window.__events.some((e) => e.name === "success"), null, { timeout: 30000 });
  return page.evaluate(() => window.__events.find((e) => e.name === "success").detail);
}

async function approveOnSandbox(page, host) {
  await page.waitForURL((u) => u.href.startsWith(sandbox.url), { timeout: 20000 });
  await page.getByRole("button", { name: "Approve payment" }).click();
  await page.waitForURL((u) => u.href.startsWith(host.url), { timeout: 20000 });
  await page.waitForFunction(() => window.__checkout !== undefined, null, { timeout: 20000 });
}

test("the picker per country: Thailand, Singapore, Malaysia (Opn) and Indonesia (WooshPay)", async () => {
  const cases = [
    [{ currency: "THB", amount: 400000 }, ["promptpay", "truemoney", "truemoney_qr", "rabbit_linepay", "shopeepay", "mobile_banking", "installment"]],
    [{ currency: "SGD", amount: 2500 }, ["shopeepay", "grabpay", "paynow"]],
    [{ currency: "MYR", amount: 9900 }, ["shopeepay", "grabpay", "duitnow_qr", "fpx", "touch_n_go"]],
    [{ provider: "wooshpay", publicKey: "pk_test_kasir", currency: "IDR", amount: 5000000,
       createPaymentUrl: `${sandbox.url}/shop/api/wooshpay/payment_intents`, retrievePaymentUrl: `${sandbox.url}/shop/api/wooshpay/payment_intents` },
     ["qris", "akulaku"]],
  ];
  for (const [options, expected] of cases) {
    const o = await open(options);
    assert.deepEqual(await methodsOf(o.page), expected, options.currency);
    await o.close();
  }
});

test("Opn TrueMoney Wallet on a desktop: an invalid phone is a named error and sends nothing; a valid one reaches Opn", async () => {
  const o = await open({ methods: ["truemoney"] });
  const { page } = o;
  await page.getByRole("radio", { name: "TrueMoney Wallet" }).click();
  const phone = page.getByRole("textbox", { name: /Phone/ });
  await phone.fill("12345");
  await page.getByRole("button", { name: /^Pay/ }).click();
  await page.getByText("Enter a Thai mobile number").waitFor();
  assert.equal(await phone.getAttribute("aria-invalid"), "true");
  assert.equal(o.sources.length, 0, "no source request for an invalid number");
  await phone.fill("081-234-5678");
  await page.getByRole("button", { name: /^Pay/ }).click();
  await approveOnSandbox(page, o.host);
  const success = await succeeded(page);
  assert.equal(o.sources.length, 1);
  assert.equal(o.sources[0].type, "truemoney");
  assert.equal(o.sources[0].phone_number, "0812345678", "exactly the national form");
  assert.equal(success.payment.source.phone_number, "0812345678");
  await o.close();
});

test("FPX: bank and email are asked, validated, and sent as Opn's fields", async () => {
  const o = await open({ currency: "MYR", amount: 9900, methods: ["fpx"] });
  const { page } = o;
  await page.getByRole("radio", { name: "FPX" }).click();
  await page.getByRole("button", { name: /^Pay/ }).click();
  await page.getByText("Choose your bank").waitFor();
  await page.getByText("Enter a valid email address").waitFor();
  assert.equal(o.sources.length, 0);
  await page.getByRole("combobox", { name: "Bank" }).selectOption("cimb");
  await page.getByRole("textbox", { name: "Email" }).fill("siti@example.my");
  await page.getByRole("button", { name: /^Pay/ }).click();
  await approveOnSandbox(page, o.host);
  const success = await succeeded(page);
  assert.deepEqual([o.sources[0].type, o.sources[0].bank, o.sources[0].email], ["fpx", "cimb", "siti@example.my"]);
  assert.equal(success.payment.source.bank, "cimb");
  await o.close();
});

test("Instalments: bank then plan with the monthly amount; the type carries the bank and the term is sent", async () => {
  const o = await open({ amount: 300000, methods: ["installment"] });
  const { page } = o;
  await page.getByRole("radio", { name: "Installments" }).click();
  await page.getByRole("combobox", { name: "Bank" }).selectOption("kbank");
  const plan = page.getByRole("combobox", { name: "Installment plan" });
  const texts = await plan.locator("option").allTextContents();
  assert.ok(texts.includes("10 months × ฿300.00"), texts.join(" | "));
  await plan.selectOption("10");
  await page.getByRole("button", { name: /^Pay/ }).click();
  await approveOnSandbox(page, o.host);
  const success = await succeeded(page);
  assert.equal(o.sources[0].type, "installment_kbank");
  assert.equal(o.sources[0].installment_term, 10);
  assert.equal(success.payment.source.installment_term, 10);
  await o.close();
});

test("PayNow (SGD): an offline QR with the PSP's expiry, paid through the sandbox", async () => {
  const o = await open({ currency: "SGD", amount: 2500, methods: ["paynow"] });
  const { page } = o;
  await page.getByRole("radio", { name: "PayNow" }).click();
  await page.getByRole("button", { name: /^Pay/ }).click();
  await page.getByRole("img", { name: /QR code to pay S\$25.00 with PayNow/ }).waitFor({ timeout: 20000 });
  assert.match(await page.locator(".kasir-countdown").first().textContent(), /\d+:\d\d/);
  const pending = await page.evaluate(() => window.__events.find((e) => e.name === "pending").detail);
  await mark(sandbox.url, pending.payment.id, "successful");
  const success = await succeeded(page);
  assert.equal(success.payment.source.type, "paynow");
  await o.close();
});

test("Thai mobile banking on a phone: app redirect with the bank in the type and the platform; disabled on a desktop", async () => {
  const desktop = await open({ methods: ["mobile_banking", "promptpay"] });
  const mb = desktop.page.getByRole("radio", { name: /Mobile banking/ });
  assert.equal(await mb.getAttribute("aria-disabled"), "true");
  assert.match(await mb.textContent(), /Open this page on your phone/);
  await desktop.close();
  const phone = await browser.newContext({ userAgent: IPHONE, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const o = await open({ methods: ["mobile_banking"] }, phone);
  const { page } = o;
  await page.getByRole("radio", { name: /Mobile banking/ }).click();
  await page.getByRole("combobox", { name: "Bank" }).selectOption("scb");
  await page.getByRole("button", { name: /^Pay/ }).click();
  await approveOnSandbox(page, o.host);
  const success = await succeeded(page);
  assert.deepEqual([o.sources[0].type, o.sources[0].platform_type], ["mobile_banking_scb", "IOS"]);
  assert.equal(success.payment.source.flow, "app_redirect");
  await o.close();
  await phone.close();
});

// Regression: the sandbox's GET /capability answered no CORS, so the widget's call from the
// shopper's browser always failed and fell back to the catalogue (silently, by design).
test("capability filtering: what the account has disabled is not offered, an inactive bank is shown disabled", async () => {
  const control = `${sandbox.url}/_sandbox/omise/capability`;
  const set = await fetch(control, { method: "POST", headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ disabled: ["promptpay", "installment_kbank"], inactive_banks: ["fpx:rhb"] }) });
  assert.equal(set.status, 200, await set.text());
  try {
    const th = await open({ amount: 300000 });
    const methods = await methodsOf(th.page);
    assert.ok(!methods.includes("promptpay") && methods.includes("truemoney_qr"), methods.join());
    await th.page.getByRole("radio", { name: "Installments" }).click();
    const banks = await th.page.getByRole("combobox", { name: "Bank" }).locator("option").evaluateAll((os) => os.map((o) => o.value));
    assert.ok(!banks.includes("kbank") && banks.includes("scb"), banks.join());
    await th.close();
    const my = await open({ currency: "MYR", amount: 9900, methods: ["fpx"] });
    await my.page.getByRole("radio", { name: "FPX" }).click();
    const rhb = my.page.getByRole("combobox", { name: "Bank" }).locator("option[value=rhb]");
    assert.equal(await rhb.getAttribute("disabled"), "");
    assert.match(await rhb.textContent(), /not available now/);
    await my.close();
  } finally {
    await fetch(control, { method: "DELETE" });
  }
});

// The merchant's server reads the account (GET /capability with its key) and renders it into the
// options: the shopper's browser sends no capability request, the picker offers what that
// account has, and the payment goes through as usual.
test("capability given by the merchant's server: no capability request from the browser, the account's methods, a QR payment", async () => {
  const control = `${sandbox.url}/_sandbox/omise/capability`;
  const set = await fetch(control, { method: "POST", headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ disabled: ["promptpay"] }) });
  assert.equal(set.status, 200, await set.text());
  try {
    const capability = await (await fetch(`${sandbox.url}/capability`, {
      headers: { Authorization: "Basic " + Buffer.from("pkey_test_kasir:").toString("base64") } })).json();
    assert.equal(capability.object, "capability");
    const host = await startHost(hostPage(sandbox.url, { capability }));
    const page = await browser.newPage();
    const asked = [];
    page.on("request", (r) => { if (new URL(r.url()).pathname === "/capability") asked.push(r.url()); });
    await page.goto(host.url);
    await page.locator(".kasir-method").first().waitFor({ timeout: 20000 });
    const methods = await methodsOf(page);
    assert.ok(!methods.includes("promptpay") && methods.includes("truemoney_qr"), methods.join());
    await page.getByRole("radio", { name: "TrueMoney QR" }).click();
    await page.getByRole("button", { name: /^Pay/ }).click();
    await page.getByRole("img", { name: /QR code to pay/ }).waitFor({ timeout: 20000 });
    const pending = await page.evaluate(() => window.__events.find((e) => e.name === "pending").detail);
    await mark(sandbox.url, pending.payment.id, "successful");
    assert.equal((await succeeded(page)).payment.source.type, "truemoney_qr");
    assert.deepEqual(asked, [], "the widget asked for the capability itself");
    await page.close();
    host.stop();
  } finally {
    await fetch(control, { method: "DELETE" });
  }
});
