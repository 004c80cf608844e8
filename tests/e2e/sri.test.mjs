// Subresource Integrity: kasir.js names the sha256 of the stylesheet, of each provider's glue
// and wasm and of the QR module it loads on demand (scripts/write-loader.mjs, of the final files);
// each provider's glue names the one of its flows' chunk (scripts/build-wasm.sh); and
// dist/integrity.json the one of kasir.js and of all of them.
// A copy of dist/ where one file was changed (a tampered CDN) is refused with
// kasir:error integrity_failed, and nothing of it runs; the untampered copy mounts.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { createHash } from "node:crypto";
import { startSandbox, startHost, launch, hostPage } from "./harness.mjs";

const dist = new URL("../../dist/", import.meta.url);
let sandbox, browser;
before(async () => { sandbox = await startSandbox(); browser = await launch(); });
after(async () => { await browser?.close(); sandbox?.stop(); });

const types = { js: "text/javascript", wasm: "application/wasm", css: "text/css" };
/** dist/ served from the host page's own origin ("the CDN"), `tamper` changing one file. */
function cdn(tamper = () => null) {
  const files = {};
  for (const f of readdirSync(dist)) {
    const ext = f.split(".").pop();
    if (!types[ext]) continue;
    const body = readFileSync(new URL(f, dist));
    files[`/cdn/${f}`] = { type: types[ext], body: tamper(f, body) ?? body };
  }
  return files;
}

async function open(files) {
  const html = hostPage(sandbox.url, {}).replace(`${sandbox.url}/kasir/kasir.js`, "/cdn/kasir.js")
    .replace("Kasir.mount(el, opts).then(function (c) {", "Kasir.mount(el, opts).catch(function (e) { window.__rejected = e; throw e; }).then(function (c) {");
  const host = await startHost(html, {}, files);
  const page = await browser.newPage();
  await page.goto(host.url);
  return { page, host };
}

test("integrity.json holds the sha256 of kasir.js and of every file it loads", () => {
  const integrity = JSON.parse(readFileSync(new URL("integrity.json", dist), "utf8"));
  const js = readFileSync(new URL("kasir.js", dist), "utf8");
  // kasir.js, the stylesheet, a glue, a wasm and a flows chunk per provider, the QR module's,
  // five text tables
  assert.equal(Object.keys(integrity).length, 18);
  for (const l of ["th", "id", "ko", "ru", "ja"]) {
    assert.equal(Object.keys(integrity).filter((f) => new RegExp(`^kasir-${l}-[0-9a-f]+\\.json$`).test(f)).length, 1, l);
  }
  for (const m of ["omise", "wooshpay", "ecommpay", "qr"]) {
    assert.equal(Object.keys(integrity).filter((f) => new RegExp(`^kasir-${m}-[0-9a-f]+(\\.js|_bg\\.wasm)$`).test(f)).length, 2, m);
  }
  for (const p of ["omise", "wooshpay", "ecommpay"]) {
    assert.equal(Object.keys(integrity).filter((f) => new RegExp(`^kasir-${p}-[0-9a-f]+_flows\\.wasm$`).test(f)).length, 1, `${p}'s flows`);
  }
  for (const [f, sri] of Object.entries(integrity)) {
    assert.equal(sri, "sha256-" + createHash("sha256").update(readFileSync(new URL(f, dist))).digest("base64"), f);
    const chunk = f.match(/^(kasir-[a-z]+-[0-9a-f]+)_flows\.wasm$/);
    if (chunk) {
      const glue = readFileSync(new URL(`${chunk[1]}.js`, dist), "utf8");
      assert.ok(glue.includes(f) && glue.includes(sri), `its glue fetches ${f} with its integrity`);
    } else if (f != "kasir.js") assert.ok(js.includes(sri), `kasir.js loads ${f} with its integrity`);
  }
});

test("the untampered copy mounts", async () => {
  const { page, host } = await open(cdn());
  await page.getByRole("radio", { name: /TrueMoney QR/ }).waitFor();
  await page.close(); host.stop();
});

for (const [what, match] of [["wasm", /^kasir-omise-[0-9a-f]+_bg\.wasm$/], ["glue", /^kasir-omise-[0-9a-f]+\.js$/], ["stylesheet", /\.css$/]]) {
  test(`a tampered ${what} is refused with kasir:error integrity_failed`, async () => {
    const { page, host } = await open(cdn((f, body) => {
      if (!match.test(f)) return null;
      const copy = Buffer.from(body);
      copy[copy.length - 2] ^= 1; // one bit (a wasm stays a valid module: only the hash says no)
      return copy;
    }));
    await page.waitForFunction(() => window.__events.length > 0 && window.__rejected, null, { timeout: 15000 });
    const events = await page.evaluate(() => window.__events);
    assert.deepEqual(events.map((e) => e.name), ["error"]);
    assert.equal(events[0].detail.code, "integrity_failed");
    assert.match(events[0].detail.message, new RegExp(match.source.replace(/^\^|\$$/g, "")));
    assert.equal((await page.evaluate(() => window.__rejected)).code, "integrity_failed");
    assert.equal(await page.locator(".kasir").count(), 0, "nothing of the widget runs");
    await page.close(); host.stop();
  });
}

// Regression: kasir.js kept a provider build that failed to load as failed for the page's
// life, so a mount after a network blip rejected at once without fetching anything again.
test("a build that failed to load is fetched again by the next mount", async () => {
  const html = hostPage(sandbox.url, {}).replace(`${sandbox.url}/kasir/kasir.js`, "/cdn/kasir.js")
    .replace("function mount(opts) {", "function mount(opts) { window.__opts = opts;")
    .replace("Kasir.mount(el, opts).then(function (c) {", "Kasir.mount(el, opts).catch(function (e) { window.__rejected = e; throw e; }).then(function (c) {");
  const host = await startHost(html, {}, cdn());
  const page = await browser.newPage();
  let refused = 0;
  // the wasm's fetch and the loader's check of why it failed both fail: the network is down
  await page.route(/kasir-omise-[0-9a-f]+_bg\.wasm$/, (r) => (refused++ < 2 ? r.abort("internetdisconnected") : r.continue()));
  await page.goto(host.url);
  await page.waitForFunction(() => window.__rejected, null, { timeout: 15000 });
  assert.equal((await page.evaluate(() => window.__rejected)).code, "network_error");
  assert.equal(await page.locator(".kasir").count(), 0);
  await page.evaluate(() => mount(window.__opts)); // the network is back
  await page.getByRole("radio", { name: /TrueMoney QR/ }).waitFor();
  assert.ok(refused >= 3, `the wasm was requested again (${refused} requests)`);
  await page.close(); host.stop();
});

const flows = /kasir-omise-[0-9a-f]+_flows\.wasm$/;
/** Pay with TrueMoney QR, counting the requests that reach the merchant's server. */
async function pay(page) {
  const shop = [];
  page.on("request", (r) => { if (r.url().includes("/shop/api/omise/charges") && r.method() === "POST") shop.push(r.url()); });
  await page.getByRole("radio", { name: /TrueMoney QR/ }).click();
  await page.getByRole("button", { name: /Pay/ }).click();
  return shop;
}

test("a tampered flows chunk is refused: Pay shows the connection error, and nothing is sent", async () => {
  const { page, host } = await open(cdn((f, body) => {
    if (!flows.test(f)) return null;
    const copy = Buffer.from(body);
    copy[copy.length - 2] ^= 1;
    return copy;
  }));
  const shop = await pay(page);
  await page.waitForFunction(() => window.__events.some((e) => e.name === "error"), null, { timeout: 15000 });
  const events = await page.evaluate(() => window.__events);
  assert.deepEqual(events.map((e) => e.name), ["ready", "select", "error"]);
  assert.equal(events[2].detail.code, "network_error");
  assert.match(await page.locator(".kasir-error").textContent(), /Connection problem/);
  assert.equal(await page.getByRole("radio", { name: /TrueMoney QR/ }).getAttribute("aria-checked"), "true", "the picker stays");
  assert.deepEqual(shop, [], "no payment was asked of the merchant");
  await page.close(); host.stop();
});

test("a flows chunk that failed to load is fetched again by the next Pay, which then pays", async () => {
  const host = await startHost(hostPage(sandbox.url, {}).replace(`${sandbox.url}/kasir/kasir.js`, "/cdn/kasir.js"), {}, cdn());
  const page = await browser.newPage();
  let offline = true, refused = 0, asked = 0;
  // the prefetch once the picker is drawn, the selection's inputs and the first Pay: the network
  // is down
  await page.route(flows, (r) => { asked++; return offline ? (refused++, r.abort("internetdisconnected")) : r.continue(); });
  await page.goto(host.url);
  const shop = await pay(page);
  await page.waitForFunction(() => window.__events.some((e) => e.name === "error"), null, { timeout: 15000 });
  assert.deepEqual(await page.evaluate(() => window.__events.map((e) => e.name)), ["ready", "select", "error"], "one error, on Pay");
  assert.deepEqual(shop, [], "nothing sent while the chunk is missing");
  offline = false; // the network is back
  await page.getByRole("button", { name: /Pay/ }).click();
  await page.locator("img.kasir-qr-image").waitFor();
  assert.ok(refused >= 2 && asked === refused + 1, `the chunk was asked for again (${asked} times, ${refused} refused)`);
  assert.equal(shop.length, 1, "one payment");
  await page.close(); host.stop();
});

test("inputs the missing chunk could not draw are drawn by the next Pay, which does not pay without them", async () => {
  const opts = { methods: ["truemoney"] };
  const host = await startHost(hostPage(sandbox.url, opts).replace(`${sandbox.url}/kasir/kasir.js`, "/cdn/kasir.js"), {}, cdn());
  const page = await browser.newPage();
  let offline = true;
  await page.route(flows, (r) => (offline ? r.abort("internetdisconnected") : r.continue()));
  const sources = [];
  page.on("request", (r) => { if (r.method() === "POST" && new URL(r.url()).pathname === "/sources") sources.push(r.url()); });
  await page.goto(host.url);
  await page.getByRole("radio", { name: "TrueMoney Wallet" }).click();
  await page.getByRole("button", { name: /^Pay/ }).click();
  await page.waitForFunction(() => window.__events.some((e) => e.name === "error"), null, { timeout: 15000 });
  assert.equal(await page.getByRole("textbox", { name: /Phone/ }).count(), 0, "no phone field while the chunk is missing");
  offline = false;
  await page.getByRole("button", { name: /^Pay/ }).click();
  const phone = page.getByRole("textbox", { name: /Phone/ });
  await phone.waitFor();
  await page.waitForTimeout(500);
  assert.deepEqual(sources, [], "that Pay drew the phone field and sent nothing");
  await phone.fill("081-234-5678");
  await page.getByRole("button", { name: /^Pay/ }).click();
  await page.waitForFunction(() => window.__events.some((e) => e.name === "source"), null, { timeout: 15000 });
  assert.equal(sources.length, 1, "then it paid");
  await page.close(); host.stop();
});
