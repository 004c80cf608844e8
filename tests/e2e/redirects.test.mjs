// Redirect flows end to end through the sandbox's provider pages, including the return trip,
// a reload in the middle, and an ecommpay Gate POST redirect whose body must arrive intact.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startSandbox, startHost, launch, hostPage, eventNames, mark } from "./harness.mjs";

let sandbox, browser;
before(async () => { sandbox = await startSandbox(); browser = await launch(); });
after(async () => { await browser?.close(); sandbox?.stop(); });

const shop = (p) => `${sandbox.url}/shop/api/${p}`;
const ready = (page) => page.waitForFunction(() => window.__checkout !== undefined, null, { timeout: 20000 });
const waitEvent = (page, name) => page.waitForFunction((n) => window.__events.some((e) => e.name === n), name, { timeout: 30000 });

async function open(options) {
  const host = await startHost(hostPage(sandbox.url, options));
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(host.url);
  await ready(page);
  return { host, page, errors };
}

/** Back on the merchant page after the provider: exactly one result, and none after a reload. */
async function expectReturnWith(page, host, name) {
  await page.waitForURL((u) => u.href.startsWith(host.url), { timeout: 20000 });
  await ready(page);
  await waitEvent(page, name);
  await page.waitForTimeout(2500);
  const names = await eventNames(page);
  assert.deepEqual(names.filter((n) => n !== "ready" && n !== "pending"), [name], names.join(","));
  const detail = await page.evaluate((n) => window.__events.find((e) => e.name === n).detail, name);
  await page.reload();
  await ready(page);
  await page.waitForTimeout(2500);
  assert.deepEqual(await eventNames(page), ["ready"], "reported once, not again after a reload");
  return detail;
}

for (const [action, outcome] of [["Approve payment", "success"], ["Decline", "failure"]]) {
  test(`WooshPay TrueMoney (desktop handoff) → ${action} → kasir:${outcome} on return`, async () => {
    const { host, page } = await open({ provider: "wooshpay", publicKey: "pk_test_kasir", amount: 25000,
      createPaymentUrl: shop("wooshpay/payment_intents"), retrievePaymentUrl: shop("wooshpay/payment_intents") });
    await page.getByRole("radio", { name: /TrueMoney Wallet/ }).click();
    await page.getByRole("button", { name: /Pay/ }).click();
    await page.getByRole("heading", { name: "Pay with TrueMoney Wallet" }).waitFor();
    await page.getByRole("img", { name: /Scan this code/ }).waitFor(); // the phone handoff QR
    await page.locator(".kasir-handoff .kasir-qr-image svg path").waitFor(); // drawn by the QR module
    const pending = await page.evaluate(() => window.__events.find((e) => e.name === "pending").detail.payment);
    assert.equal(pending.object, "payment_intent");
    assert.equal(pending.status, "requires_action");
    assert.deepEqual(pending.payment_method_types, ["truemoney"]);
    assert.equal(pending.payment_method_options.truemoney.terminal_type, "WEB");
    await page.getByRole("button", { name: "Continue to TrueMoney Wallet" }).click();
    await page.getByRole("button", { name: action }).click();
    await expectReturnWith(page, host, outcome);
    await page.close(); host.stop();
  });
}

test("WooshPay Akulaku in IDR redirects at once and confirms on return", async () => {
  const { host, page } = await open({ provider: "wooshpay", publicKey: "pk_test_kasir", amount: 150000000, currency: "IDR", locale: "id",
    createPaymentUrl: shop("wooshpay/payment_intents"), retrievePaymentUrl: shop("wooshpay/payment_intents") });
  await page.getByRole("radio", { name: /Akulaku/ }).click();
  await page.getByRole("button", { name: "Bayar Rp\u00a01.500.000" }).click();
  await page.waitForURL(/\/pay\/pi_/);
  await page.getByRole("button", { name: "Approve payment" }).click();
  await expectReturnWith(page, host, "success");
  await page.close(); host.stop();
});

test("WooshPay Checkout Session sends the shopper to the session url", async () => {
  const { host, page } = await open({ provider: "wooshpay", publicKey: "pk_test_kasir", amount: 18000,
    createPaymentUrl: shop("wooshpay/checkout_sessions"), retrievePaymentUrl: shop("wooshpay/payment_intents") });
  await page.getByRole("radio", { name: /TrueMoney Wallet/ }).click();
  await page.getByRole("button", { name: /Pay/ }).click();
  await page.waitForURL((u) => u.href.startsWith(sandbox.url));
  await page.getByRole("button", { name: "Approve payment" }).click();
  await expectReturnWith(page, host, "success");
  await page.close(); host.stop();
});

test("ecommpay Payment Page: signed by the shop, opened with true-money, confirmed on return", async () => {
  const { host, page } = await open({ provider: "ecommpay", projectId: 4242, publicKey: undefined, amount: 35000,
    createPaymentUrl: shop("ecommpay/payment_page"), retrievePaymentUrl: shop("ecommpay/gate") });
  await page.getByRole("radio", { name: /TrueMoney Wallet/ }).click();
  await page.getByRole("button", { name: /Pay/ }).click();
  await page.waitForURL(/\/payment\?/);
  const url = new URL(page.url());
  assert.equal(url.searchParams.get("force_payment_method"), "true-money");
  assert.ok(url.searchParams.get("signature"));
  await page.getByRole("button", { name: "Approve payment" }).click();
  await expectReturnWith(page, host, "success");
  await page.close(); host.stop();
});

for (const [action, outcome] of [["Approve payment", "success"], ["Decline", "failure"]]) {
  test(`ecommpay Gate: redirect_data POST body arrives intact → ${action} → kasir:${outcome}`, async () => {
    const { host, page } = await open({ provider: "ecommpay", projectId: 4242, publicKey: undefined, amount: 42000,
      createPaymentUrl: shop("ecommpay/gate"), retrievePaymentUrl: shop("ecommpay/gate") });
    await page.getByRole("radio", { name: /TrueMoney Wallet/ }).click();
    await page.getByRole("button", { name: /Pay/ }).click();
    // the widget polls the shop until the intermediate callback, then POSTs the shopper on
    await page.waitForURL(/\/ecommpay\/redirect\//, { timeout: 30000 });
    const pid = decodeURIComponent(new URL(page.url()).pathname.split("/").pop());
    const callback = await (await fetch(`${shop("ecommpay/gate")}?id=${encodeURIComponent(pid)}`)).json();
    const sent = callback.redirect_data;
    assert.equal(sent.method, "POST");
    const received = await (await fetch(`${sandbox.url}/_sandbox/received/${encodeURIComponent(pid)}`)).json();
    const fields = received.fields || received.form || received;
    for (const [k, v] of Object.entries(sent.body)) assert.equal(String(fields[k]), String(v), `field ${k}`);
    await page.getByRole("button", { name: action }).click();
    const detail = await expectReturnWith(page, host, outcome);
    if (outcome === "failure") {
      assert.equal(detail.code, "20000", "operation.code of the decline callback");
      assert.equal(detail.message, "General decline");
    }
    await page.close(); host.stop();
  });
}

test("reload while the QR is shown: same QR, same charge, time left, then success once", async () => {
  const { host, page } = await open({});
  await page.getByRole("radio", { name: /TrueMoney QR/ }).click();
  await page.getByRole("button", { name: /Pay/ }).click();
  await page.locator("img.kasir-qr-image").waitFor();
  const first = await page.evaluate(() => window.__events.find((e) => e.name === "pending").detail.payment);
  const src1 = await page.locator("img.kasir-qr-image").getAttribute("src");
  const sources = [];
  page.on("request", (r) => { if (r.url().endsWith("/sources")) sources.push(r.url()); });
  await page.reload();
  await ready(page);
  await page.locator("img.kasir-qr-image").waitFor();
  assert.equal(await page.locator("img.kasir-qr-image").getAttribute("src"), src1, "the same QR");
  await page.getByText(/Expires in \d+:\d\d/).waitFor();
  const again = await page.evaluate(() => window.__events.find((e) => e.name === "pending").detail.payment);
  assert.equal(again.id, first.id, "the same charge");
  assert.deepEqual(sources, [], "no new source after the reload");
  await mark(sandbox.url, first.id, "successful");
  await waitEvent(page, "success");
  await page.waitForTimeout(2500);
  assert.deepEqual(await eventNames(page), ["ready", "pending", "success"]);
  await page.close(); host.stop();
});

test("cancel from the QR goes back to the picker with kasir:cancel", async () => {
  const { host, page } = await open({});
  await page.getByRole("radio", { name: /TrueMoney QR/ }).click();
  await page.getByRole("button", { name: /Pay/ }).click();
  await page.locator("img.kasir-qr-image").waitFor();
  await page.getByRole("button", { name: "Choose another method" }).click();
  await page.getByRole("radiogroup").waitFor();
  assert.deepEqual(await eventNames(page), ["ready", "select", "source", "pending", "cancel"]);
  await page.reload();
  await ready(page);
  await page.getByRole("radiogroup").waitFor();
  assert.equal(await page.locator("img.kasir-qr-image").count(), 0, "a canceled payment is not resumed");
  await page.close(); host.stop();
});
