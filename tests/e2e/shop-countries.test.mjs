// The demo shop's country cards (issue 11): Thailand, Singapore and Malaysia with Opn, Indonesia
// with WooshPay. Each card offers its country's methods and pays end to end in Chromium: the QR
// method of each country (PromptPay SVG, PayNow PNG, DuitNow QR, QRIS display_qr_code) is paid by
// the PSP (the sandbox's test control) and the widget shows the success.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startSandbox, launch, mark } from "./harness.mjs";

let sandbox, browser;
before(async () => { sandbox = await startSandbox(); browser = await launch(); });
after(async () => { await browser?.close(); sandbox?.stop(); });

const CARDS = [
  { id: "th-opn", radios: [/PromptPay/, /TrueMoney Wallet/, /TrueMoney QR/, /Rabbit LINE Pay/, /ShopeePay/, /Installments/], pay: /PromptPay/, create: "/shop/api/omise/charges", ctype: "image/svg+xml" },
  { id: "sg-opn", radios: [/PayNow/, /GrabPay/, /ShopeePay/], pay: /PayNow/, create: "/shop/api/omise/charges", ctype: "image/png" },
  { id: "my-opn", radios: [/DuitNow QR/, /FPX/, /GrabPay/, /ShopeePay/, /Touch 'n Go/], pay: /DuitNow QR/, create: "/shop/api/omise/charges", ctype: "image/svg+xml" },
  { id: "id-wooshpay", radios: [/QRIS/, /Akulaku/], pay: /QRIS/, create: "/shop/api/wooshpay/payment_intents", ctype: null },
];

// The QR images the PSP answered for a payment: Opn's scannable_code document, WooshPay's
// qris_display_qr_code PNG and SVG (read back from the intent the widget confirmed).
async function images(card, created) {
  if (card.ctype) return [[created.source.scannable_code.image.download_uri, card.ctype]];
  const pi = await (await fetch(`${sandbox.url}${card.create}?id=${created.id}`)).json();
  assert.equal(pi.next_action.type, "qris_display_qr_code");
  const q = pi.next_action.qris_display_qr_code;
  assert.ok(q.expires_at * 1000 > Date.now(), "the QR has its own expiry");
  return [[q.image_url_png, "image/png"], [q.image_url_svg, "image/svg+xml"]];
}

for (const card of CARDS) {
  test(`the ${card.id} card offers its country's methods and pays by QR`, async () => {
    const page = await browser.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(`${sandbox.url}/`);
    const w = page.locator(`#${card.id}`);
    await w.locator("[role=radio]").first().waitFor();
    for (const name of card.radios) {
      assert.equal(await w.getByRole("radio", { name }).count() > 0, true, `${card.id}: ${name}`);
    }
    await w.getByRole("radio", { name: card.pay }).click();
    const answered = page.waitForResponse((r) => r.url().endsWith(card.create) && r.request().method() === "POST");
    await w.getByRole("button", { name: /Pay/ }).click();
    const created = await (await answered).json();
    await w.getByRole("img", { name: /QR code to pay/ }).waitFor({ timeout: 20000 });
    for (const [url, ctype] of await images(card, created)) {
      const res = await fetch(url);
      assert.equal(res.status, 200, url);
      assert.equal(res.headers.get("content-type"), ctype, `${card.id}: ${url}`);
    }
    await mark(sandbox.url, created.id, "successful");
    await w.getByRole("heading", { name: "Payment successful" }).waitFor({ timeout: 20000 });
    assert.deepEqual(errors, []);
    await page.close();
  });
}
