// The demo shop served by the sandbox: all ten flows (six PSP flows, four country cards) auto-mounted from data attributes, the
// theme switcher, and a payment made on the shop page itself. The shop renders its Opn
// account's capability into the Opn cards (data-capability), so no widget asks for it.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startSandbox, launch, mark } from "./harness.mjs";

let sandbox, browser;
before(async () => { sandbox = await startSandbox(); browser = await launch(); });
after(async () => { await browser?.close(); sandbox?.stop(); });

test("the demo shop mounts all ten flows (six PSP flows, four country cards), themed, and takes a TrueMoney QR payment", async () => {
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  // the shop's server renders its Opn account's capability into the Opn cards: no widget asks
  const asked = [];
  page.on("request", (r) => { if (new URL(r.url()).pathname === "/capability") asked.push(r.url()); });
  await page.goto(`${sandbox.url}/?theme=dark`);
  await page.waitForFunction(() => document.querySelectorAll(".kasir").length === 10);
  assert.equal(await page.locator('.kasir[data-theme="dark"]').count(), 10);
  for (const id of ["opn-qr", "wooshpay-truemoney", "wooshpay-akulaku", "wooshpay-session", "ecommpay-page", "ecommpay-gate", "th-opn", "sg-opn", "my-opn", "id-wooshpay"]) {
    assert.equal(await page.locator(`#${id} [role=radio]`).count() > 0, true, id);
  }
  const opn = page.locator("#opn-qr");
  await opn.getByRole("radio", { name: /TrueMoney QR/ }).click();
  await opn.getByRole("button", { name: /Pay/ }).click();
  await opn.getByRole("img", { name: /QR code to pay ฿400\.00/ }).waitFor();
  const src = await opn.locator("img.kasir-qr-image").getAttribute("src");
  const chargeId = src.match(/charges\/(chrg_[^/]+)\//)[1];
  await mark(sandbox.url, chargeId, "successful");
  await opn.getByRole("heading", { name: "Payment successful" }).waitFor({ timeout: 20000 });
  assert.deepEqual(errors, []);
  assert.deepEqual(asked, [], "an Opn widget asked for the capability the shop rendered in");
  await page.close();
});
