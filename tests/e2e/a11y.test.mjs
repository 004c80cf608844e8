// Accessibility: axe-core (npm) on the picker, the QR screen and the result screen of a real Opn
// TrueMoney QR payment (zero serious or critical violations), and the whole payment by keyboard
// alone with focus moved to the QR heading and then to the result heading.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { startSandbox, startHost, launch, hostPage, mark } from "./harness.mjs";

const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
let sandbox, browser;
before(async () => { sandbox = await startSandbox(); browser = await launch(); });
after(async () => { await browser?.close(); sandbox?.stop(); });

// the three methods these screens were written for; the shopper inputs have their own test below
async function open(options = {}, first = /TrueMoney QR/) {
  const host = await startHost(hostPage(sandbox.url, { methods: ["truemoney_qr", "truemoney", "promptpay"], ...options }));
  const page = await browser.newPage();
  await page.goto(host.url);
  await page.getByRole("radio", { name: first }).waitFor();
  return { page, host };
}

/** axe-core on the widget's root only; fails with every serious/critical violation listed. */
async function audit(page, screen) {
  if (!(await page.evaluate(() => typeof window.axe === "object"))) await page.addScriptTag({ path: axePath });
  const r = await page.evaluate(() => axe.run(document.querySelector(".kasir")).then((res) => ({
    passes: res.passes.length,
    violations: res.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.map((n) => ({ html: n.html, fix: n.failureSummary })) })),
  })));
  const bad = r.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  assert.ok(r.passes > 0, `${screen}: axe checked nothing`);
  assert.deepEqual(bad, [], `${screen}: axe violations\n${JSON.stringify(bad, null, 2)}`);
}

async function pendingChargeId(page) {
  await page.waitForFunction(() => window.__events.some((e) => e.name === "pending"), null, { timeout: 20000 });
  return page.evaluate(() => window.__events.find((e) => e.name === "pending").detail.payment.id);
}

const focused = (page) => page.evaluate(() => {
  const a = document.activeElement;
  // the text a screen reader gets: the icons are aria-hidden
  const c = a.cloneNode(true);
  c.querySelectorAll("[aria-hidden=true]").forEach((h) => h.remove());
  return { tag: a.tagName.toLowerCase(), cls: a.className, text: c.textContent.trim(), checked: a.getAttribute("aria-checked") };
});

test("axe: picker, QR screen and result screen have no serious or critical violations", async () => {
  const { page, host } = await open();
  await audit(page, "picker");
  await page.getByRole("radio", { name: /TrueMoney QR/ }).click();
  await audit(page, "picker with a method selected");
  await page.getByRole("button", { name: /Pay/ }).click();
  await page.getByRole("img", { name: /QR code to pay ฿4,000\.00 with TrueMoney QR/ }).waitFor();
  await page.waitForFunction(() => { const i = document.querySelector("img.kasir-qr-image"); return i && i.complete && i.naturalWidth > 0; });
  await audit(page, "QR screen");
  await mark(sandbox.url, await pendingChargeId(page), "successful");
  await page.getByRole("heading", { name: "Payment successful" }).waitFor({ timeout: 20000 });
  await audit(page, "result screen");
  await page.close(); host.stop();
});

test("axe: the dark theme's picker and QR screen (colour contrast included)", async () => {
  const { page, host } = await open({ theme: "dark" });
  assert.equal(await page.getAttribute(".kasir", "data-theme"), "dark");
  await page.getByRole("radio", { name: /TrueMoney QR/ }).click();
  await audit(page, "dark picker");
  await page.getByRole("button", { name: /Pay/ }).click();
  await page.getByRole("img", { name: /QR code to pay/ }).waitFor();
  await audit(page, "dark QR screen");
  await page.close(); host.stop();
});

test("keyboard only: Tab, arrows, Tab, Enter pays; focus goes to the QR heading, then to the result", async () => {
  const { page, host } = await open();
  await page.keyboard.press("Tab");
  assert.deepEqual(await focused(page), { tag: "div", cls: "kasir-method", text: "TrueMoney QR", checked: "false" },
    "the first Tab lands on the radio group (roving tabindex: the first method)");
  await page.keyboard.press("ArrowDown"); // nothing selected yet: selects the first method
  await page.keyboard.press("ArrowDown");
  assert.equal((await focused(page)).text, "TrueMoney Wallet");
  await page.keyboard.press("ArrowUp");
  assert.deepEqual(await focused(page), { tag: "div", cls: "kasir-method", text: "TrueMoney QR", checked: "true" });
  await page.keyboard.press("Tab");
  assert.match((await focused(page)).text, /^Pay ฿4,000\.00$/);
  await page.keyboard.press("Enter");
  await page.getByRole("img", { name: /QR code to pay/ }).waitFor();
  await page.waitForFunction(() => document.activeElement?.matches("h2.kasir-heading"));
  assert.match((await focused(page)).text, /TrueMoney QR/, "QR heading focused");
  assert.deepEqual(await page.evaluate(() => window.__events.map((e) => e.name)), ["ready", "select", "select", "select", "source", "pending"]);
  await mark(sandbox.url, await pendingChargeId(page), "successful");
  await page.getByRole("heading", { name: "Payment successful" }).waitFor({ timeout: 20000 });
  await page.waitForFunction(() => document.activeElement?.textContent.trim() === "Payment successful");
  assert.equal((await focused(page)).tag, "h2", "result heading focused");
  await page.close(); host.stop();
});

test("axe and keyboard: the shopper inputs (phone, bank, plan, email) with their errors shown", async () => {
  for (const [options, name, controls] of [
    [{ methods: ["truemoney"] }, /TrueMoney Wallet/, ["textbox"]],
    [{ methods: ["installment"], amount: 300000 }, /Installments/, ["combobox", "combobox"]],
    [{ methods: ["fpx"], currency: "MYR", amount: 9900 }, /FPX/, ["combobox", "textbox"]],
  ]) {
    const { page, host } = await open(options, name);
    // keyboard only: the radio, Space selects, Tab reaches the first control
    await page.keyboard.press("Tab");
    await page.keyboard.press(" ");
    // the inputs are drawn by the flows' chunk (src/flows.rs), a moment after the selection
    await page.getByRole(controls[0]).first().waitFor();
    await page.keyboard.press("Tab");
    const role = await page.evaluate(() => document.activeElement.tagName.toLowerCase());
    assert.equal(role, controls[0] === "textbox" ? "input" : "select", `${name}: Tab reaches the first input`);
    await audit(page, `${name} inputs`);
    await page.getByRole("button", { name: /^Pay/ }).click();
    await page.locator(".kasir-field-error:not(:empty)").first().waitFor();
    const invalid = await page.locator("[aria-invalid=true]").count();
    assert.equal(invalid, controls.length, `${name}: every empty control is invalid`);
    await audit(page, `${name} inputs with errors`);
    await page.close(); host.stop();
  }
});
