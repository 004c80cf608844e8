// The README's screenshots (docs/*.png) are taken here, from a real payment against the sandbox,
// so they always show the widget as it is.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { statSync } from "node:fs";
import { startSandbox, startHost, launch, hostPage, mark } from "./harness.mjs";

const docs = new URL("../../docs/", import.meta.url).pathname;
let sandbox, browser;
before(async () => { sandbox = await startSandbox(); browser = await launch(); });
after(async () => { await browser?.close(); sandbox?.stop(); });

test("screenshots of the picker, the QR screen and the result screen", async () => {
  const host = await startHost(hostPage(sandbox.url, { amount: 5000 }));
  const page = await browser.newPage({ viewport: { width: 520, height: 760 }, deviceScaleFactor: 1 });
  await page.goto(host.url);
  const widget = page.locator(".kasir");
  await page.getByRole("radio", { name: /TrueMoney Wallet/ }).click();
  await widget.screenshot({ path: `${docs}picker.png` });
  await page.close();

  host.stop();
  const host2 = await startHost(hostPage(sandbox.url, {}));
  const page2 = await browser.newPage({ viewport: { width: 520, height: 760 }, deviceScaleFactor: 1 });
  await page2.goto(host2.url);
  await page2.getByRole("radio", { name: /TrueMoney QR/ }).click();
  await page2.getByRole("button", { name: /Pay/ }).click();
  await page2.waitForFunction(() => { const i = document.querySelector("img.kasir-qr-image"); return i && i.complete && i.naturalWidth > 0; });
  const w = page2.locator(".kasir");
  await w.screenshot({ path: `${docs}qr.png` });
  const id = await page2.evaluate(() => window.__events.find((e) => e.name === "pending").detail.payment.id);
  await mark(sandbox.url, id, "successful");
  await page2.getByRole("heading", { name: "Payment successful" }).waitFor({ timeout: 20000 });
  await w.screenshot({ path: `${docs}result.png` });
  for (const f of ["picker.png", "qr.png", "result.png"]) {
    const size = statSync(`${docs}${f}`).size;
    assert.ok(size > 1000 && size < 150000, `${f}: ${size} bytes`);
  }
  await page2.close(); host2.stop();
});
