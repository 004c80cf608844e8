// E2E harness: the real sandbox binary on a random port, a plain host page on a *different*
// origin (another port) that embeds the widget by script tag, and Debian's Chromium driven by
// playwright-core (never a downloaded browser).
import { spawn } from "node:child_process";
import { createServer } from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";

const root = new URL("../../", import.meta.url).pathname;

/** Start target/debug/kasir-sandbox on 127.0.0.1:0 with a fresh database (its temporary
 * directory removed when the sandbox has stopped). */
export async function startSandbox(extraArgs = []) {
  const dir = mkdtempSync(join(tmpdir(), "kasir-e2e-"));
  const db = join(dir, "sandbox.db");
  const proc = spawn(join(root, "target/debug/kasir-sandbox"),
    ["--addr", "127.0.0.1:0", "--db", db, "--fresh", "--dist", join(root, "dist"), ...extraArgs],
    { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, RUST_LOG: process.env.RUST_LOG || "warn" } });
  const url = await new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error("sandbox did not start: " + out)), 20000);
    proc.stdout.on("data", (d) => {
      out += d;
      const m = out.match(/kasir-sandbox listening on (http:\/\/\S+)/);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    proc.stderr.on("data", (d) => { if (process.env.KASIR_E2E_VERBOSE) process.stderr.write(d); });
    proc.on("exit", (code) => reject(new Error(`sandbox exited ${code}: ${out}`)));
  });
  proc.on("exit", () => rmSync(dir, { recursive: true, force: true }));
  return { url, db, stop: () => proc.kill("SIGTERM") };
}

/** Serve one HTML page on its own origin (plus `files`: {"/page.js": {type, body}}, if any). */
export async function startHost(html, headers = {}, files = {}) {
  const server = createServer((req, res) => {
    if (req.url === "/favicon.ico") { res.writeHead(204).end(); return; }
    const file = files[req.url];
    if (file) { res.writeHead(200, { "Content-Type": file.type }).end(file.body); return; }
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", ...headers });
    res.end(typeof html === "function" ? html(req) : html);
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  return { url: `http://127.0.0.1:${server.address().port}/`, stop: () => server.close() };
}

/** Launch headless Debian Chromium. */
export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
  });
}

/** The order a merchant page creates before it mounts: `POST /_sandbox/orders` (the test control
 * standing in for the merchant's own checkout) with the options' amount, currency and provider.
 * Inline page JavaScript: `createOrder(sandbox, opts, then)` sets `opts.orderId` and calls `then`;
 * a refused order leaves it unset (the shop then answers 404 unknown_order) and is logged. */
export const createOrderJs = `function createOrder(sandbox, opts, then) {
  fetch(sandbox + "/_sandbox/orders", { method: "POST", headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ amount: opts.amount, currency: opts.currency, provider: opts.provider }) })
    .then(function (r) { return r.json().then(function (o) { if (!r.ok) throw new Error(r.status + " " + JSON.stringify(o)); return o; }); })
    .then(function (o) { opts.orderId = o.id; }, function (e) { console.error("kasir e2e: no order: " + e.message); })
    .then(function () { then(opts); });
}`;

/** A merchant page on another origin: embeds kasir.js by script tag, creates its order (unless
 * `options` names one, `orderId`) and mounts with `options` and that `orderId`. */
export function hostPage(sandbox, options) {
  const opts = JSON.stringify({
    provider: "omise", publicKey: "pkey_test_kasir", apiBase: sandbox, amount: 400000, currency: "THB", locale: "en",
    createPaymentUrl: `${sandbox}/shop/api/omise/charges`, retrievePaymentUrl: `${sandbox}/shop/api/omise/charges`,
    ...options,
  });
  const ownOrder = Object.prototype.hasOwnProperty.call(options, "orderId");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Merchant</title>
<script src="${sandbox}/kasir/kasir.js"></script></head>
<body><main><h1>Checkout</h1><div id="pay"></div></main>
<script>
  window.__events = [];
  var el = document.getElementById("pay");
  ["ready","select","source","pending","success","failure","expired","cancel","error"].forEach(function (n) {
    el.addEventListener("kasir:" + n, function (e) { window.__events.push({ name: n, detail: e.detail }); });
  });
  ${createOrderJs}
  function mount(opts) {
    Kasir.mount(el, opts).then(function (c) { window.__checkout = c; c.result.then(function (r) { window.__result = r; }); });
  }
  ${ownOrder ? `mount(${opts});` : `createOrder(${JSON.stringify(sandbox)}, ${opts}, mount);`}
</script></body></html>`;
}

/** Names of the kasir events seen so far. */
export async function eventNames(page) {
  return page.evaluate(() => window.__events.map((e) => e.name));
}

/** Drive the sandbox's test-mode control. */
export async function mark(sandbox, id, status) {
  const r = await fetch(`${sandbox}/_sandbox/charges/${id}/mark`, {
    method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ status }),
  });
  if (!r.ok) throw new Error(`mark ${id} ${status}: HTTP ${r.status} ${await r.text()}`);
  return r.json();
}
