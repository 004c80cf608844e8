// The packed @kasir/checkout installed in two merchant apps (make examples builds them):
// examples/react-vite (React 19 + Vite, <KasirCheckout> under StrictMode) and
// examples/plain-webpack (loadKasir(), webpack 5 with no configuration). Each pays an Opn
// PromptPay QR payment against the sandbox: exactly one source and one charge, and the result
// screen shows the amount, the method and the charge's id.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { extname, join, normalize } from "node:path";
import { spawn } from "node:child_process";
import { startSandbox, launch, mark } from "./harness.mjs";

const examples = new URL("../../examples/", import.meta.url).pathname;
const auth = { Authorization: "Basic " + Buffer.from("skey_test_kasir:").toString("base64") };
const types = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".wasm": "application/wasm", ".css": "text/css" };
let sandbox, browser;
before(async () => { sandbox = await startSandbox(); browser = await launch(); });
after(async () => { await browser?.close(); sandbox?.stop(); });

/** The built app as static files on its own origin. */
async function serve(dir) {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname)).replace(/^(\.\.[/\\])+/, "");
    const file = join(dir, path.endsWith("/") ? path + "index.html" : path);
    const body = await readFile(file).catch(() => null);
    if (!body) { res.writeHead(404).end(); return; }
    res.writeHead(200, { "Content-Type": types[extname(file)] || "application/octet-stream" }).end(body);
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  return { url: `http://127.0.0.1:${server.address().port}/`, stop: () => server.close() };
}

async function order() {
  const r = await fetch(`${sandbox.url}/_sandbox/orders`, { method: "POST", headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ amount: 40000, currency: "THB", provider: "omise" }) });
  assert.equal(r.status, 201, await r.clone().text());
  return (await r.json()).id;
}
const charges = async () => (await (await fetch(`${sandbox.url}/charges`, { headers: auth })).json()).total;

/** `vite` (the development server, StrictMode's double effects on) in examples/react-vite. */
async function viteDev() {
  const dir = join(examples, "react-vite");
  const proc = spawn(join(dir, "node_modules/.bin/vite"), ["--host", "127.0.0.1", "--port", "0", "--clearScreen", "false"],
    { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
  const url = await new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error("vite did not start: " + out)), 30000);
    const read = (d) => {
      out += d;
      const m = out.replace(/\x1b\[[0-9;]*m/g, "").match(/Local:\s+(http:\/\/127\.0\.0\.1:\d+\/)/);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    };
    proc.stdout.on("data", read); proc.stderr.on("data", read);
    proc.on("exit", (code) => reject(new Error(`vite exited ${code}: ${out}`)));
  });
  return { url, stop: () => proc.kill("SIGTERM") };
}

async function pay(app, paidSelector, check = async () => {}) {
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  const sources = [];
  page.on("request", (r) => { if (r.method() == "POST" && new URL(r.url()).pathname == "/sources") sources.push(r.url()); });
  await page.addInitScript(() => {
    window.kasirReady = 0;
    document.addEventListener("kasir:ready", () => { window.kasirReady++; });
  });
  const before = await charges();
  await page.goto(`${app.url}?sandbox=${encodeURIComponent(sandbox.url)}&order=${await order()}`);
  await page.getByRole("radio", { name: /PromptPay/ }).click();
  await page.getByRole("button", { name: "Pay ฿400.00" }).click();
  await page.getByRole("img", { name: /QR code to pay ฿400\.00 with PromptPay/ }).waitFor();
  assert.equal(await page.locator(".kasir").count(), 1, "one widget");
  assert.equal(await page.evaluate(() => window.kasirReady), 1, "mounted once");
  const latest = await (await fetch(`${sandbox.url}/charges?order=reverse_chronological&limit=1`, { headers: auth })).json();
  const charge = latest.data[0];
  assert.equal(charge.source.type, "promptpay");
  await mark(sandbox.url, charge.id, "successful");
  await page.getByRole("heading", { name: "Payment successful" }).waitFor({ timeout: 20000 });
  await page.getByText(`฿400.00 paid with PromptPay`).waitFor();
  assert.equal(await page.locator(".kasir-reference").textContent(), charge.id, "the PSP's reference on the result screen");
  await page.locator(paidSelector).getByText(`Order paid: ${charge.id}`).waitFor();
  await page.waitForTimeout(2500); // a further poll window
  assert.equal(sources.length, 1, "exactly one source");
  assert.equal(await charges() - before, 1, "exactly one charge");
  assert.deepEqual(errors, []);
  await check(page);
  await page.close(); app.stop();
}

async function built(dir) {
  assert.ok(existsSync(join(dir, "index.html")), `${dir} is built (make examples)`);
  return serve(dir);
}

test("React 19 + Vite dev server, <KasirCheckout> under StrictMode (effects run twice): one widget, one source, one charge", async () => {
  await pay(await viteDev(), "main", async (page) => {
    assert.equal(await page.evaluate(() => window.shopEffects), 2, "StrictMode ran the effects twice");
  });
});

test("React 19 + vite build: one source, one charge", async () => {
  await pay(await built(join(examples, "react-vite/dist")), "main");
});

test("plain webpack 5, loadKasir(): one source, one charge", async () => {
  await pay(await built(join(examples, "plain-webpack")), "#paid");
});
