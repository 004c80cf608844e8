// A catalogue row is enough: Opn ShopeePay exists only as kasir-core catalogue rows (SGD, MYR),
// with no widget, sandbox or shop code of its own, and it is offered and paid end to end.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startSandbox, startHost, launch, hostPage, eventNames } from "./harness.mjs";

let sandbox, browser;
before(async () => { sandbox = await startSandbox(); browser = await launch(); });
after(async () => { await browser?.close(); sandbox?.stop(); });

for (const [currency, amount, label] of [["SGD", 2500, "Pay S$25.00"], ["MYR", 9900, "Pay RM\u00a099.00"]]) {
  test(`Opn ShopeePay in ${currency}: offered from its catalogue row and paid through the sandbox`, async () => {
    const host = await startHost(hostPage(sandbox.url, { currency, amount }));
    const page = await browser.newPage();
    await page.goto(host.url);
    await page.waitForFunction(() => window.__checkout !== undefined, null, { timeout: 20000 });
    await page.locator(".kasir-method").first().waitFor({ timeout: 20000 });
    const methods = await page.$$eval(".kasir-method", (els) => els.map((e) => e.dataset.method));
    assert.ok(methods.includes("shopeepay"), `the ${currency} picker offers its ShopeePay row: ${methods}`);
    assert.ok(!methods.includes("promptpay") && !methods.includes("truemoney"), `no THB-only method in ${currency}: ${methods}`);
    await page.getByRole("radio", { name: "ShopeePay" }).click();
    await page.getByRole("button", { name: label }).click();
    await page.waitForURL((u) => u.href.startsWith(sandbox.url), { timeout: 20000 });
    await page.getByRole("button", { name: "Approve payment" }).click();
    await page.waitForURL((u) => u.href.startsWith(host.url), { timeout: 20000 });
    await page.waitForFunction(() => window.__checkout !== undefined, null, { timeout: 20000 });
    await page.waitForFunction(() => window.__events.some((e) => e.name === "success"), null, { timeout: 30000 });
    const success = await page.evaluate(() => window.__events.find((e) => e.name === "success").detail);
    assert.equal(success.method, "shopeepay");
    assert.equal(success.payment.object, "charge");
    assert.equal(success.payment.currency, currency);
    assert.equal(success.payment.amount, amount);
    assert.equal(success.payment.source.type, "shopeepay", "the wire name from the row");
    assert.ok((await eventNames(page)).includes("success"));
    await page.close(); host.stop();
  });
}
