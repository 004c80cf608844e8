// The demo shop is the reference merchant: it keeps its orders on the server, its cards mount
// the widget with data-order-id, the widget forwards it as orderId, and the shop charges the
// order's price — a page whose amount disagrees with its order is refused and nothing is charged.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startSandbox, startHost, launch, hostPage } from "./harness.mjs";

let sandbox, browser;
before(async () => { sandbox = await startSandbox(); browser = await launch(); });
after(async () => { await browser?.close(); sandbox?.stop(); });

const auth = { Authorization: "Basic " + Buffer.from("skey_test_kasir:").toString("base64") };
const charges = async () => (await (await fetch(`${sandbox.url}/charges`, { headers: auth })).json()).total;

test("a demo shop card sends its orderId and is charged the order's price", async () => {
  const orders = await (await fetch(`${sandbox.url}/shop/api/orders`)).json();
  const order = orders.find((o) => o.id === "demo-opn-qr");
  assert.deepEqual(order, { id: "demo-opn-qr", amount: 40000, currency: "THB", provider: "omise", methods: ["truemoney_qr", "truemoney"] });
  const page = await browser.newPage();
  await page.goto(`${sandbox.url}/`);
  await page.waitForFunction(() => document.querySelectorAll(".kasir").length === 10);
  const opn = page.locator("#opn-qr");
  await opn.getByRole("radio", { name: /TrueMoney QR/ }).click();
  const sent = page.waitForRequest((r) => r.url().endsWith("/shop/api/omise/charges") && r.method() === "POST");
  const answered = page.waitForResponse((r) => r.url().endsWith("/shop/api/omise/charges") && r.request().method() === "POST");
  await opn.getByRole("button", { name: /Pay/ }).click();
  assert.equal((await sent).postDataJSON().orderId, "demo-opn-qr");
  const res = await answered;
  assert.equal(res.status(), 200);
  assert.equal((await res.json()).amount, order.amount);
  await opn.getByRole("img", { name: /QR code to pay ฿400\.00/ }).waitFor();
  await page.close();
});

test("a page whose amount disagrees with its order is refused and nothing is charged", async () => {
  const before = await charges();
  const host = await startHost(hostPage(sandbox.url, { orderId: "demo-opn-qr", amount: 100 * 100 }));
  const page = await browser.newPage();
  await page.goto(host.url);
  await page.getByRole("radio", { name: /TrueMoney QR/ }).click();
  const answered = page.waitForResponse((r) => r.url().endsWith("/shop/api/omise/charges") && r.request().method() === "POST");
  await page.getByRole("button", { name: /Pay/ }).click();
  const res = await answered;
  assert.equal(res.status(), 409);
  assert.equal((await res.json()).code, "amount_mismatch");
  await page.waitForFunction(() => window.__events.some((e) => e.name === "error" || e.name === "failure"), null, { timeout: 10000 });
  assert.equal(await charges(), before, "no charge was created");
  await page.close(); host.stop();
});
