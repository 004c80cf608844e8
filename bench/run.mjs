#!/usr/bin/env node
// `make bench`: Kasir vs Adyen Web Drop-in (npm @adyen/adyen-web, rendered offline from
// bench/payment-methods.json with every call to Adyen's servers aborted by Playwright routing) in
// two builds: tree-shaken ESM (bench/adyen-esm/entry.mjs through esbuild, as a merchant's bundler
// builds it: issue 13's reference) and the all-components single file (as Adyen's CDN serves it),
// in the same headless Debian Chromium, alternating; then Kasir-only QR timings and the sandbox
// under wrk. Prints one table and writes target/bench/report.md + report.json.
//
// Options (env): BENCH_RUNS (picker runs per page, default 20, minimum 15), BENCH_MEM_RUNS (5),
// BENCH_QR_RUNS (30), BENCH_WRK_SECS (10), BENCH_RATE (fixed-rate target, charges/s, 100),
// BENCH_SKIP_WRK=1, SANDBOX_BIN (default target/release/kasir-sandbox, else target/debug).
import { readFileSync, writeFileSync, mkdirSync, existsSync } from "node:fs";
import { execFileSync, spawn } from "node:child_process";
import { createServer } from "node:http";
import { cpus, loadavg, totalmem, release as osRelease } from "node:os";
import { join } from "node:path";
import { root, ADYEN_DIR, startCdn, startHost, startSandbox, launch, sizes, stats, median, createOrder } from "./lib.mjs";

const env = (k, d) => (process.env[k] ? Number(process.env[k]) : d);
const RUNS = process.env.BENCH_QUICK ? env("BENCH_RUNS", 2) : Math.max(15, env("BENCH_RUNS", 20)); // BENCH_QUICK: smoke test only
const MEM_RUNS = env("BENCH_MEM_RUNS", 5);
const QR_RUNS = env("BENCH_QR_RUNS", 30);
const WRK_SECS = env("BENCH_WRK_SECS", 10);
const RATE = env("BENCH_RATE", 100);
const bench = join(root, "bench");
const out = join(root, "target/bench");
mkdirSync(out, { recursive: true });
const log = (...a) => console.error("[bench]", ...a);

const release = join(root, "target/release/kasir-sandbox");
const debug = join(root, "target/debug/kasir-sandbox");
const SANDBOX_BIN = process.env.SANDBOX_BIN || (existsSync(release) ? release : debug);
if (!existsSync(SANDBOX_BIN)) throw new Error(`no sandbox binary at ${SANDBOX_BIN}: cargo build --release -p kasir-sandbox`);
const loaderSrc = readFileSync(join(root, "dist/kasir.js"), "utf8");
/** Everything kasir.js can load for Opn (brotli -q 11): itself, the first paint's files and the
 * parts it loads on demand (the five text tables; the QR module only for a build whose glue
 * takes its encoder, which Opn's does not), as scripts/size-check.sh counts them. */
function kasirEverything() {
  const glue = loaderSrc.match(/kasir-omise-[0-9a-f]+\.js/)[0];
  const qr = readFileSync(join(root, "dist", glue), "utf8").includes("setQrEncoder") ? "|kasir-qr-[0-9a-f]+(_bg\\.wasm|\\.js)" : "";
  const names = new Set(loaderSrc.match(new RegExp(`kasir-omise-[0-9a-f]+(_bg\\.wasm|\\.js)${qr}|kasir-[0-9a-f]+\\.css|kasir-(th|id|ko|ru|ja)-[0-9a-f]+\\.json`, "g")));
  // the flows' chunk its glue fetches once the picker is drawn (src/flows.rs)
  for (const f of readFileSync(join(root, "dist", glue), "utf8").match(/kasir-omise-[0-9a-f]+_flows\.wasm/g) || []) names.add(f);
  return ["kasir.js", ...names].reduce((t, f) => t + sizes(readFileSync(join(root, "dist", f))).brotli, 0);
}
if (!/kasir-omise-[0-9a-f]+_bg\.wasm/.test(loaderSrc)) throw new Error("dist/kasir.js does not name Opn's wasm: run make widget");

const report = {
  date: new Date().toISOString(),
  machine: {
    cpus: cpus().length, model: cpus()[0]?.model, memGiB: +(totalmem() / 2 ** 30).toFixed(1), kernel: osRelease(),
    loadavgStart: loadavg().map((x) => +x.toFixed(2)), node: process.version,
  },
  config: { RUNS, MEM_RUNS, QR_RUNS, WRK_SECS, RATE, sandbox: SANDBOX_BIN.replace(root, "") },
};

// ---------------------------------------------------------------- pages
const SELECTOR = "#pay [role=radio], #pay input[type=radio]";
const probe = "<script>" + readFileSync(join(bench, "probe.js"), "utf8").replace("__SELECTOR__", JSON.stringify(SELECTOR)) + "</script>";
const paymentMethods = readFileSync(join(bench, "payment-methods.json"), "utf8");
const qrWasm = join(root, "target/bench-qr/wasm32-unknown-unknown/release/kasir_qr_bench.wasm");

// Adyen tree-shaken: bundled now with the esbuild in node_modules (minified IIFE + stylesheet).
const adyenEsm = join(out, "adyen-esm");
mkdirSync(adyenEsm, { recursive: true });
execFileSync(join(root, "node_modules/.bin/esbuild"), [join(bench, "adyen-esm/entry.mjs"), "--bundle", "--minify",
  "--format=iife", "--target=es2020", "--log-level=warning", `--outfile=${join(adyenEsm, "adyen.js")}`], { stdio: "inherit" });
report.config.esbuild = execFileSync(join(root, "node_modules/.bin/esbuild"), ["--version"]).toString().trim();

const sandbox = await startSandbox(SANDBOX_BIN, ["--no-shop-webhooks"]);
const cdn = await startCdn({ "/qr/bench.wasm": qrWasm, "/adyen-esm/adyen.js": join(adyenEsm, "adyen.js"),
  "/adyen-esm/adyen.css": join(adyenEsm, "adyen.css") });
// The Kasir page's order, created before the page is served and rendered into it (as a merchant's
// server renders its order id), so the measured page does no extra request before it mounts.
const orderId = await createOrder(sandbox.url, { amount: 400000, currency: "THB", provider: "omise" });
// both Adyen pages create their checkout with the same options (bench/adyen-options.js)
const adyenOptions = readFileSync(join(bench, "adyen-options.js"), "utf8").trim();
const render = (file) => readFileSync(join(bench, file), "utf8").replace("<!--PROBE-->", probe)
  .replace(/\/\*\{\{ADYEN_OPTIONS\}\}[^*]*\*\//, adyenOptions)
  .replaceAll("{{CDN}}", cdn.url).replaceAll("{{SANDBOX}}", sandbox.url).replaceAll("{{ORDER_ID}}", orderId)
  .replace("{{PAYMENT_METHODS}}", paymentMethods.trim());
// The account's capability as the merchant's server reads it (GET /capability with its key) for
// the "kasir-cap" page, which renders it into the options as Adyen's pages render
// paymentMethodsResponse, and names the provider on kasir.js's script tag (data-provider: the
// build loads while the page is parsed): the same page as "kasir" otherwise.
const capability = await (await fetch(`${sandbox.url}/capability`, {
  headers: { Authorization: "Basic " + Buffer.from("pkey_test_kasir:").toString("base64") } })).json();
if (capability.object !== "capability") throw new Error(`GET /capability: ${JSON.stringify(capability)}`);
const host = await startHost({ "/kasir.html": render("kasir.html"), "/adyen.html": render("adyen.html"),
  "/kasir-cap.html": render("kasir.html").replace("/*{{CAPABILITY}}*/", `capability: ${JSON.stringify(capability)},`)
    .replace('/kasir/kasir.js">', '/kasir/kasir.js" data-provider="omise">'),
  "/adyen-esm.html": render("adyen-esm.html"),
  "/floor.html": render("floor.html"), "/blank.html": "<!doctype html><title>blank</title>" });
log(`sandbox ${sandbox.url} (${report.config.sandbox}), cdn ${cdn.url}, host ${host.url}`);

const browser = await launch();
report.machine.chromium = browser.version();
const PAGES = ["kasir", "kasir-cap", "adyen-esm", "adyen", "floor"];
const WIDGETS = ["kasir", "adyen-esm", "adyen"];
const offNet = /^https?:\/\/(?!127\.0\.0\.1[:/])/; // everything not on loopback: Adyen's CDN, analytics, df.

/** Fresh context + page with the cache disabled and every off-loopback request aborted. */
async function freshPage() {
  const context = await browser.newContext();
  const blocked = [];
  await context.route(offNet, (r) => { blocked.push(r.request().url()); return r.abort(); });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  return { context, page, cdp, blocked, errors };
}

/** `fn()` run in the page through CDP, awaited, its result by value. Unlike Playwright's
 * `evaluate` and `waitForFunction`, this injects no helper script into the page: compiling
 * Playwright's (≈ 28 ms on this machine, traced) landed on the measured main thread at a random
 * point, before or after the picker, and counted as a long task. */
async function inPage(p, fn, timeout = 30000) {
  let timer;
  const late = new Promise((_, no) => { timer = setTimeout(() => no(new Error(`page did not answer in ${timeout} ms: ${fn}`)), timeout); });
  const r = await Promise.race([late, p.cdp.send("Runtime.evaluate", { expression: `(${fn})()`, awaitPromise: true, returnByValue: true })])
    .finally(() => clearTimeout(timer));
  if (r.exceptionDetails) throw new Error(`in page: ${r.exceptionDetails.exception?.description || r.exceptionDetails.text}`);
  return r.result.value;
}

async function loadPicker(name, p, timeout = 30000) {
  await p.page.goto(`${host.url}/${name}.html`, { waitUntil: "commit" });
  return inPage(p, () => new Promise(function wait(ok) {
    if (window.__bench && window.__bench.ready) ok();
    else setTimeout(() => wait(ok), 50);
  }).then(() => ({ ...window.__bench, longTasks: (window.__bench.longTasks || []).slice(),
    radios: document.querySelectorAll("#pay [role=radio], #pay input[type=radio]").length, errors: window.__errors || [] })), timeout);
}

// ---------------------------------------------------------------- 1. bytes
const isAsset = (url, ct) => /\.(js|cjs|mjs|wasm|css)$/.test(new URL(url).pathname) || /javascript|wasm|css/.test(ct || "");
report.bytes = {};
report.render = {};
for (const name of WIDGETS) {
  const p = await freshPage();
  const responses = [];
  p.page.on("response", (r) => responses.push(r));
  const r = await loadPicker(name, p);
  await p.page.waitForTimeout(300);
  // what the page asked for until the first radio existed (issue 13: "everything the page loads
  // until the first enabled method radio is in the DOM"); a file asked for later (Kasir's flows
  // chunk, fetched once the picker is drawn) is not on that path
  const before = new Set(await inPage(p, () => performance.getEntriesByType("resource")
    .filter((e) => e.startTime <= window.__bench.seen).map((e) => e.name)));
  const files = [];
  for (const res of responses) {
    const url = res.url();
    if (!url.startsWith(cdn.url) || !isAsset(url, res.headers()["content-type"]) || !before.has(url)) continue;
    const body = await res.body();
    files.push({ file: new URL(url).pathname, ...sizes(body) });
  }
  const total = files.reduce((t, f) => ({ raw: t.raw + f.raw, gzip: t.gzip + f.gzip, brotli: t.brotli + f.brotli }), { raw: 0, gzip: 0, brotli: 0 });
  report.bytes[name] = { files, total, requests: responses.length, blockedOffLoopback: p.blocked.length };
  const names = await p.page.evaluate(() => [...document.querySelectorAll("#pay [role=radio]")].map((e) => e.textContent.trim().replace(/\s+/g, " ")));
  report.render[name] = { methods: names, blocked: [...new Set(p.blocked.map((u) => new URL(u).host + new URL(u).pathname.replace(/[^/]+$/, "…")))],
    pageErrors: p.errors, widgetErrors: r.errors };
  if (names.length < 2) throw new Error(`${name}: the picker rendered ${names.length} methods: ${JSON.stringify(r)} ${p.errors}`);
  log(`${name}: ${files.length} files, ${total.raw} B raw, ${total.brotli} B brotli; methods: ${names.join(", ")}`);
  await p.context.close();
}
for (const n of ["adyen-esm", "adyen"]) report.bytes[n].everything = report.bytes[n].total.brotli;
report.bytes.kasir.everything = kasirEverything();
report.bytes.adyenNote = "Adyen: dist/cjs/index.cjs (all components, as the CDN UMD build) + dist/cjs/adyen.css, as requested by the page; " +
  `the method logos (${report.render.adyen.blocked.length} URL groups) come from Adyen's CDN and were blocked, so they are not counted.`;

// ---------------------------------------------------------------- 2. navigation → picker ready
report.ready = Object.fromEntries(PAGES.map((n) => [n, []]));
report.ready.seen = Object.fromEntries(PAGES.map((n) => [n, []]));
report.longTasks = Object.fromEntries(PAGES.map((n) => [n, []])); // per run: the longest task (ms) until ready + 1 s
report.timeline = []; // Kasir's runs: when each file arrived and the account answered (ms since navigation)
/** Where Kasir's time to the picker goes: the Resource Timing of its files and of the capability
 * call (Opn's `GET /capability`, which the widget sends when it mounts, and the picker waits for). */
async function kasirTimeline(p) {
  return inPage(p, () => {
    const at = {};
    const nav = performance.getEntriesByType("navigation")[0];
    at.html = nav ? nav.responseEnd : 0;
    for (const e of performance.getEntriesByType("resource")) {
      const f = new URL(e.name).pathname;
      const k = /\/kasir\.js$/.test(f) ? "loader" : /\.css$/.test(f) ? "css" : /_bg\.wasm$/.test(f) ? "wasm"
        : /kasir-omise-[0-9a-f]+\.js$/.test(f) ? "glue" : /\/capability$/.test(f) ? "capability" : null;
      if (!k || at[k + "Start"] !== undefined) continue;
      at[k + "Start"] = e.startTime;
      at[k] = e.responseEnd;
    }
    return at;
  });
}
for (let i = 0; i < RUNS; i++) {
  const order = PAGES.map((_, k) => PAGES[(i + k) % PAGES.length]); // rotate who goes first
  for (const name of order) {
    const p = await freshPage();
    const r = await loadPicker(name, p);
    report.ready[name].push(r.ready);
    report.ready.seen[name].push(r.seen);
    if (name === "kasir") report.timeline.push({ ...(await kasirTimeline(p)), seen: r.seen, ready: r.ready });
    await p.page.waitForTimeout(1000);
    const tasks = await inPage(p, () => window.__bench.longTasks);
    report.longTasks[name].push(Math.max(0, ...tasks.map((t) => t.duration)));
    await p.context.close();
  }
  if (i % 5 === 4) log(`picker runs ${i + 1}/${RUNS}`);
}

// ---------------------------------------------------------------- 2b. Kasir's main thread until the picker (traced)
// Chromium compiles each wasm function (Liftoff) on the main thread the first time it runs: the
// trace's wasm.CompileLazy events until the first radio exists (probe.js marks it) say how much
// of Kasir's readiness is compiling the code its first screen runs, and how many functions that is.
const TRACE_RUNS = env("BENCH_TRACE_RUNS", 3);
report.lazyCompile = [];
for (let i = 0; i < TRACE_RUNS; i++) {
  const p = await freshPage();
  await browser.startTracing(p.page, { categories: ["v8.wasm", "blink.user_timing"] });
  await loadPicker("kasir", p);
  const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
  await p.context.close();
  const seen = events.find((e) => e.name === "kasir-bench-seen");
  if (!seen) throw new Error("trace: no kasir-bench-seen mark");
  const lazy = events.filter((e) => e.name === "wasm.CompileLazy" && e.pid === seen.pid && e.ts < seen.ts && e.dur);
  report.lazyCompile.push({ ms: lazy.reduce((t, e) => t + e.dur, 0) / 1000,
    functions: new Set(lazy.map((e) => e.args?.func_index ?? e.ts)).size });
}
log(`lazy compile until the radio: ${report.lazyCompile.map((r) => `${r.ms.toFixed(1)} ms / ${r.functions} fns`).join(", ")}`);

// ---------------------------------------------------------------- 3. memory
async function heap(cdp) {
  const h = await cdp.send("Runtime.getHeapUsage");
  return h.usedSize;
}
async function wasmMemories(cdp) {
  // the memories the page's wasm modules export (probe.js notes them as they are instantiated)
  const r = await cdp.send("Runtime.evaluate", { returnByValue: true,
    expression: "window.__bench.wasmMemories.map(function (m) { return m.buffer.byteLength; })" });
  return r.result.value;
}
const MEM_PAGES = PAGES.filter((n) => n !== "kasir-cap");
report.memory = Object.fromEntries(MEM_PAGES.map((n) => [n, []]));
log("memory");
for (let i = 0; i < MEM_RUNS; i++) {
  for (const name of MEM_PAGES.map((_, k) => MEM_PAGES[(i + k) % MEM_PAGES.length])) {
    const p = await freshPage();
    await loadPicker(name, p);
    await p.page.waitForTimeout(500);
    const after = await heap(p.cdp);
    await p.cdp.send("HeapProfiler.enable");
    await p.cdp.send("HeapProfiler.collectGarbage");
    await p.cdp.send("HeapProfiler.collectGarbage");
    const gc = await heap(p.cdp);
    const wasm = await wasmMemories(p.cdp);
    const pm = await p.page.evaluate(() => performance.memory && performance.memory.usedJSHeapSize);
    report.memory[name].push({ heapAfterRender: after, heapAfterGc: gc, wasmMemory: wasm.reduce((a, b) => a + b, 0), wasmMemories: wasm.length, perfMemoryUsed: pm });
    await p.context.close();
  }
}

// ---------------------------------------------------------------- 4a. Pay (TrueMoney QR) → QR visible, Kasir only
report.qrFlow = [];
log("Pay → QR");
{
  const context = await browser.newContext();
  await context.route(offNet, (r) => r.abort());
  for (let i = 0; i < QR_RUNS; i++) {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    await page.goto(`${host.url}/kasir.html`, { waitUntil: "commit" });
    await page.waitForFunction(() => window.__bench && window.__bench.ready, null, { polling: 100 });
    const r = await page.evaluate(async () => {
      const frame = () => new Promise((res) => requestAnimationFrame(() => setTimeout(res, 0)));
      const until = (ok) => new Promise((res) => {
        const check = () => { if (ok()) { obs.disconnect(); document.removeEventListener("load", check, true); res(); } };
        const obs = new MutationObserver(check);
        obs.observe(document, { childList: true, subtree: true, attributes: true });
        document.addEventListener("load", check, true);
        check();
      });
      document.querySelector('#pay [role=radio][data-method="truemoney_qr"]').click();
      const pay = () => document.querySelector("#pay button.kasir-pay");
      await until(() => pay() && !pay().disabled);
      await frame();
      const t0 = performance.now();
      pay().click();
      await until(() => { const i = document.querySelector("#pay img.kasir-qr-image"); return i && i.complete && i.naturalWidth > 0; });
      const tQr = performance.now();
      await frame();
      const img = document.querySelector("#pay img.kasir-qr-image");
      return { ms: performance.now() - t0, decodedMs: tQr - t0, alt: img.alt, events: window.__events.map((e) => e.name) };
    });
    if (!/QR code to pay/.test(r.alt) || !r.events.includes("pending")) throw new Error("QR flow: " + JSON.stringify(r));
    report.qrFlow.push(r.ms);
    await page.close();
  }
  await context.close();
  log(`QR flow ${QR_RUNS} runs: median ${median(report.qrFlow).toFixed(1)} ms`);
}

// ---------------------------------------------------------------- 4b. QR encode + SVG render (300 chars)
report.qrEncode = {};
{
  const env2 = { ...process.env, CARGO_TERM_COLOR: "never" };
  const manifest = join(bench, "qr/Cargo.toml");
  const td = join(root, "target/bench-qr");
  execFileSync("cargo", ["build", "--release", "--offline", "--locked", "--manifest-path", manifest, "--target-dir", td], { env: env2, stdio: ["ignore", "ignore", "inherit"] });
  execFileSync("cargo", ["build", "--release", "--offline", "--locked", "--lib", "--target", "wasm32-unknown-unknown", "--manifest-path", manifest, "--target-dir", td], { env: env2, stdio: ["ignore", "ignore", "inherit"] });
  report.qrEncode.native = JSON.parse(execFileSync(join(td, "release/kasir-qr-bench"), ["300"]).toString());
  const page = await browser.newPage();
  await page.goto(`${host.url}/blank.html`);
  report.qrEncode.wasm = await page.evaluate(async (url) => {
    const { instance } = await WebAssembly.instantiateStreaming(fetch(url), {});
    const e = instance.exports;
    e.bench(20); // warm-up (tier-up)
    const n = 300, t = performance.now();
    const total = e.bench(n);
    const ms = performance.now() - t;
    return { iterations: n, payload_chars: e.payload_len(), mean_us: (ms * 1000) / n, svg_bytes: total / n };
  }, `${cdn.url}/qr/bench.wasm`);
  await page.close();
}
// ---------------------------------------------------------------- 4c. the component layer's floor
// bench/leptos-floor: three radios + one signal in Leptos 0.8, built as the widget's builds are.
{
  const dir = join(out, "leptos-floor");
  mkdirSync(dir, { recursive: true });
  execFileSync("bash", [join(root, "scripts/build-wasm.sh"), dir, "release", "leptos-floor", "--lib",
    "--manifest-path", join(bench, "leptos-floor/Cargo.toml"), "--target-dir", join(root, "target/bench-floor")],
  { stdio: ["ignore", "ignore", "inherit"] });
  const { readdirSync } = await import("node:fs");
  report.leptosFloor = readdirSync(dir).filter((f) => /^leptos-floor-/.test(f))
    .map((f) => ({ file: f, ...sizes(readFileSync(join(dir, f))) }));
}
await browser.close();
await sandbox.stop();
cdn.stop(); host.stop();

// ---------------------------------------------------------------- 5. sandbox under wrk
async function receiver() {
  // Slow and failing webhook receiver: every 3rd delivery 500s (so the outbox retries), the
  // others answer 200 after 250 ms.
  let n = 0; const seen = { total: 0, s500: 0, s200: 0 };
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      seen.total++; n++;
      if (n % 3 === 0) { seen.s500++; res.writeHead(500).end("no"); }
      else setTimeout(() => { seen.s200++; res.writeHead(200).end("ok"); }, 250);
    });
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  return { url: `http://127.0.0.1:${server.address().port}/hook`, seen, stop: () => server.close() };
}
function wrk(url, args, extraEnv = {}) {
  return new Promise((resolve, reject) => {
    const p = spawn("wrk", [...args, "-s", join(bench, "wrk-charges.lua"), url + "/charges"],
      { env: { ...process.env, ...extraEnv } });
    let so = "", se = "";
    p.stdout.on("data", (d) => (so += d)); p.stderr.on("data", (d) => (se += d));
    p.on("exit", (c) => {
      const m = so.match(/^WRKJSON (.*)$/m);
      if (c !== 0 || !m) reject(new Error(`wrk exited ${c}: ${so}${se}`)); else resolve(JSON.parse(m[1]));
    });
  });
}
if (!process.env.BENCH_SKIP_WRK) {
  report.wrk = { binary: SANDBOX_BIN.replace(root, ""), rate: RATE, secs: WRK_SECS };
  const conns = Math.max(4, Math.round(RATE / 10)), delayMs = Math.round((conns * 1000) / RATE);
  report.wrk.fixedConns = conns; report.wrk.fixedDelayMs = delayMs;
  for (const mode of ["plain", "webhooks"]) {
    const rcv = mode === "webhooks" ? await receiver() : null;
    const sb = await startSandbox(SANDBOX_BIN, ["--no-shop-webhooks", "--retry-base-ms", "100",
      ...(rcv ? ["--omise-webhook", rcv.url] : [])]);
    const max = await wrk(sb.url, ["-t2", "-c16", `-d${WRK_SECS}s`]);
    const fixed = await wrk(sb.url, ["-t2", `-c${conns}`, `-d${WRK_SECS}s`], { WRK_DELAY_MS: String(delayMs) });
    await sb.stop();
    report.wrk[mode] = { max, fixed, webhookReceiver: rcv ? { ...rcv.seen } : null };
    rcv?.stop();
    log(`wrk ${mode}: max ${max.rps.toFixed(0)}/s; fixed ${fixed.rps.toFixed(1)}/s p50 ${fixed.p50_ms} ms p99 ${fixed.p99_ms} ms`);
  }
}
report.machine.loadavgEnd = loadavg().map((x) => +x.toFixed(2));

// ---------------------------------------------------------------- report
const kb = (b) => b.toLocaleString("en-US");
const ms = (x) => x.toFixed(1);
const ratio = (a, b) => (b ? (a / b).toFixed(2) + "×" : "–");
const memMed = (name, k) => median(report.memory[name].map((m) => m[k]));
const rs = Object.fromEntries(PAGES.map((n) => [n, stats(report.ready[n])]));
const rows = [];
// Every row: Kasir, Adyen tree-shaken (ESM + esbuild), ratio, Adyen all-components, ratio, notes.
const row = (what, k, a, r, a2 = "n/a", r2 = "", note = "") => rows.push([what, k, a, r, a2, r2, note]);
const B = report.bytes;
const rowOf = (what, f, note = "") => row(what, f("kasir").text, f("adyen-esm").text, ratio(f("kasir").v, f("adyen-esm").v),
  f("adyen").text, ratio(f("kasir").v, f("adyen").v), note);
for (const c of ["raw", "gzip", "brotli"]) rowOf(`bytes before picker usable, ${c === "raw" ? "raw" : c === "gzip" ? "gzip -9" : "brotli -q 11"}`,
  (n) => ({ v: B[n].total[c], text: kb(B[n].total[c]) }),
  c === "raw" ? WIDGETS.map((n) => B[n].files.length).join(" / ") + " files" : c === "brotli" ? "issue 13 target: ≤ 0.50× tree-shaken" : "");
rowOf("bytes the widget can ever load (one provider), brotli -q 11", (n) => ({ v: B[n].everything, text: kb(B[n].everything) }),
  "Kasir: every file of the provider's build; Adyen: the same files (no lazy chunks in these builds)");
rowOf(`navigation → picker ready, median ms (min–max), n=${RUNS}`, (n) => ({ v: rs[n].median, text: `${ms(rs[n].median)} (${ms(rs[n].min)}–${ms(rs[n].max)})` }),
  `floor (static radios) ${ms(rs.floor.median)} (${ms(rs.floor.min)}–${ms(rs.floor.max)}); target ≤ 0.60× tree-shaken`);
rowOf("  same, minus the floor median", (n) => ({ v: rs[n].median - rs.floor.median, text: ms(rs[n].median - rs.floor.median) }));
row("  Kasir given the account (capability) + data-provider on kasir.js, median ms (min–max)",
  `${ms(rs["kasir-cap"].median)} (${ms(rs["kasir-cap"].min)}–${ms(rs["kasir-cap"].max)})`,
  ms(rs["adyen-esm"].median), ratio(rs["kasir-cap"].median, rs["adyen-esm"].median), ms(rs.adyen.median),
  ratio(rs["kasir-cap"].median, rs.adyen.median),
  "same page with GET /capability read by the server and rendered into the options (as both Adyen pages render paymentMethodsResponse), and the build named on the script tag");
{
  const T = (k) => median(report.timeline.map((t) => t[k]).filter((x) => x !== undefined));
  report.timelineMedian = Object.fromEntries(["html", "loaderStart", "loader", "cssStart", "css", "glueStart", "glue", "wasmStart", "wasm",
    "capabilityStart", "capability", "seen", "ready"].map((k) => [k, T(k)]));
  const m = report.timelineMedian;
  row("  Kasir: where the time goes, median ms since navigation", `kasir.js ${ms(m.loader)}, wasm ${ms(m.wasmStart)}→${ms(m.wasm)}, ` +
    `account ${ms(m.capabilityStart)}→${ms(m.capability)}, radio ${ms(m.seen)}, painted ${ms(m.ready)}`, "", "", "", "",
    "Resource Timing: loader, wasm fetch, the capability call (sent at mount, the picker waits for it)");
}
{
  const lc = stats(report.lazyCompile.map((r) => r.ms));
  row(`  Kasir: wasm compiled lazily on the main thread until the radio, median ms (functions), n=${TRACE_RUNS}`,
    `${ms(lc.median)} (${median(report.lazyCompile.map((r) => r.functions))})`, "", "", "", "",
    "trace: wasm.CompileLazy (Liftoff, first call of each function); fewer functions on the first screen's path shorten it");
}
const lt = (n) => stats(report.longTasks[n]);
rowOf("longest task until ready + 1 s, median ms (max)", (n) => ({ v: lt(n).median, text: `${ms(lt(n).median)} (${ms(lt(n).max)})` }),
  "Long Tasks API (> 50 ms only; 0 = none); target: none on Kasir's side");
rowOf(`JS heap used after render, median KiB, n=${MEM_RUNS}`, (n) => ({ v: memMed(n, "heapAfterRender"), text: kb(Math.round(memMed(n, "heapAfterRender") / 1024)) }),
  `floor ${kb(Math.round(memMed("floor", "heapAfterRender") / 1024))}`);
rowOf("JS heap used after GC, median KiB", (n) => ({ v: memMed(n, "heapAfterGc"), text: kb(Math.round(memMed(n, "heapAfterGc") / 1024)) }),
  `floor ${kb(Math.round(memMed("floor", "heapAfterGc") / 1024))}`);
const wasmKiB = (n) => (memMed(n, "wasmMemory") ? kb(memMed(n, "wasmMemory") / 1024) : "0 (no wasm)");
row("wasm linear memory, KiB", wasmKiB("kasir"), wasmKiB("adyen-esm"), "–", wasmKiB("adyen"), "–", "WebAssembly.Memory buffers the modules export (probe.js); outside the JS heap");
const both = (n) => median(report.memory[n].map((m) => m.heapAfterGc + m.wasmMemory));
rowOf("JS heap after GC + wasm memory, median KiB", (n) => ({ v: both(n), text: kb(Math.round(both(n) / 1024)) }),
  `floor ${kb(Math.round(both("floor") / 1024))}`);
const qf = stats(report.qrFlow);
row(`click Pay (TrueMoney QR) → QR visible, ms, n=${QR_RUNS}`, `${ms(qf.median)} (${ms(qf.min)}–${ms(qf.max)})`, "n/a", "", "n/a", "",
  "sandbox on loopback: source + charge + QR SVG download; target ≤ 150 ms");
const lf = report.leptosFloor.reduce((t, f) => t + f.brotli, 0);
row("component layer floor: Leptos 0.8, 3 radios + 1 signal, brotli", kb(lf), "n/a", "", "n/a", "",
  `bench/leptos-floor (glue + wasm, same profile and wasm-opt flags); Kasir's first paint is ${ratio(B.kasir.total.brotli, lf)} of it`);
row("QR encode + SVG, 300 chars, wasm in Chromium, µs", ms(report.qrEncode.wasm.mean_us), "n/a", "", "n/a", "", `mean of ${report.qrEncode.wasm.iterations}; crates/kasir-qr (the QR module loaded on demand), opt-level z`);
row("QR encode + SVG, 300 chars, native, µs", ms(report.qrEncode.native.mean_us), "n/a", "", "n/a", "", `mean of ${report.qrEncode.native.iterations}; x86-64, opt-level z`);
if (report.wrk) {
  for (const mode of ["plain", "webhooks"]) {
    const w = report.wrk[mode];
    const label = mode === "plain" ? "sandbox" : "sandbox + slow/500 webhooks";
    row(`${label}: charges/s, closed loop (16 conns)`, w.max.rps.toFixed(0), "n/a", "", "n/a", "", `p50 ${w.max.p50_ms} ms, p99 ${w.max.p99_ms} ms, non-2xx ${w.max.non2xx}`);
    row(`${label}: p50 / p99 ms at ~${RATE}/s`, `${w.fixed.p50_ms} / ${w.fixed.p99_ms}`, "n/a", "", "n/a", "",
      `achieved ${w.fixed.rps.toFixed(1)}/s, non-2xx ${w.fixed.non2xx}` + (w.webhookReceiver ? `; receiver got ${w.webhookReceiver.total} deliveries (${w.webhookReceiver.s500} answered 500)` : ""));
  }
}
const header = ["measure", "Kasir", "Adyen tree-shaken", "Kasir/tree-shaken", "Adyen all-components", "Kasir/all", "notes"];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
const line = (r) => "| " + r.map((c, i) => String(c).padEnd(widths[i])).join(" | ") + " |";
const table = [line(header), "|" + widths.map((w) => "-".repeat(w + 2)).join("|") + "|", ...rows.map(line)].join("\n");
console.log(table);

const M = report.machine;
const fileTable = (name) => ["| file | raw | gzip -9 | brotli -q 11 |", "|---|---:|---:|---:|",
  ...B[name].files.map((f) => `| \`${f.file}\` | ${kb(f.raw)} | ${kb(f.gzip)} | ${kb(f.brotli)} |`),
  `| **total** | **${kb(B[name].total.raw)}** | **${kb(B[name].total.gzip)}** | **${kb(B[name].total.brotli)}** |`].join("\n");
const wh = report.wrk?.webhooks;
const findings = [
  `- Methods rendered: Kasir ${report.render.kasir.methods.length}, Adyen tree-shaken ${report.render["adyen-esm"].methods.length}, all-components ${report.render.adyen.methods.length} (both pickers are complete for their config).`,
  wh ? `- Webhook delivery is serial: in the webhooks run the receiver saw ${wh.webhookReceiver.total} deliveries while ${wh.max.requests + wh.fixed.requests} charges were created, so the outbox backlog grows without bound under load; charge creation latency is unaffected.` : "",
  `- Timings were taken with load average ${report.machine.loadavgStart.join("/")} → ${report.machine.loadavgEnd.join("/")} on ${report.machine.cpus} cores; compare ratios, not absolute ms, and re-run on an idle machine for absolute numbers.`,
].filter(Boolean).join("\n");
const md = `# Kasir vs Adyen Web Drop-in (tree-shaken and all-components) — bench report

${report.date} · ${M.cpus} × ${M.model} · ${M.memGiB} GiB · Linux ${M.kernel} · load average ${M.loadavgStart.join(" ")} at start, ${M.loadavgEnd.join(" ")} at end ·
${M.chromium ? "Chromium " + M.chromium : ""} headless (Debian, via playwright-core) · Node ${M.node} · sandbox binary \`${report.config.sandbox}\`

${table}

${findings}

## How it was measured
- Both widgets are served by the same local static server (no compression, \`Cache-Control: no-store\`,
  CORS \`*\`) to a merchant page on another origin; every run uses a fresh browser context with the
  cache disabled (CDP \`Network.setCacheDisabled\`); pages are run alternately, the first page rotating.
- Adyen tree-shaken: \`bench/adyen-esm/entry.mjs\` imports \`AdyenCheckout, Dropin, Card, PromptPay, Redirect\` and
  \`adyen.css\` from the package's ESM build; esbuild ${report.config.esbuild} bundles and minifies it (one IIFE + one
  stylesheet), the page passes those three components to the Drop-in (\`paymentMethodComponents\`).
- Adyen all-components: Adyen Web ${JSON.parse(readFileSync(join(root, "node_modules/@adyen/adyen-web/package.json"), "utf8")).version} Drop-in renders from \`bench/payment-methods.json\` (${report.render.adyen.methods.length} methods:
  ${report.render.adyen.methods.join(", ")}), every component registered as the \`auto\`/UMD build does, analytics off.
  Every request off loopback is aborted by Playwright routing; Adyen still tried: ${report.render.adyen.blocked.join(", ")}.
  The npm package has no UMD file, so the page loads the single-file \`dist/cjs/index.cjs\` as a classic script
  with a two-line CommonJS shim (the equivalent of Adyen's CDN UMD \`adyen.js\`).
- Kasir renders ${report.render.kasir.methods.length} methods (${report.render.kasir.methods.join(", ")}) for Opn/THB.
- "Bytes before picker usable": the files (js, wasm, css) the page asked for before the first radio existed
  (Resource Timing \`startTime\` ≤ that moment), for every widget alike. Kasir's flows chunk (pay, poll, resume:
  \`src/flows.rs\`), asked for once the picker is drawn, is in "bytes the widget can ever load".
- "Picker ready": the first \`[role=radio]\` in the widget exists (MutationObserver), then one
  \`requestAnimationFrame\` + a task (so the frame showing it has been painted); \`performance.now()\`, i.e. since
  navigation start. The floor is a static page with three \`<input type=radio>\`.
- Lazy compilation: \`BENCH_TRACE_RUNS\` (default 3) more loads of Kasir's page under a Chromium trace
  (\`v8.wasm\`, \`blink.user_timing\`); the \`wasm.CompileLazy\` events of the page's renderer before the probe's
  \`kasir-bench-seen\` mark, summed, and their distinct function indices. Tracing slows the page a little.
- JS heap: CDP \`Runtime.getHeapUsage\` (usedSize) 500 ms after ready, then after two \`HeapProfiler.collectGarbage\`.
  Wasm linear memory: every \`WebAssembly.Memory\` the page's wasm modules export (probe.js notes each instance of
  \`WebAssembly.instantiate\`/\`instantiateStreaming\`; CDP's \`Runtime.queryObjects\` never answers once a wasm chunk
  shares a module's memory), \`buffer.byteLength\`.
- QR flow: TrueMoney QR selected, then Pay clicked in the page; stops when \`img.kasir-qr-image\` has loaded and
  the next frame is painted. Includes the source and charge requests to the sandbox and the QR SVG download.
- QR encode: \`bench/qr\` — the QR module's \`qr_svg\` (\`crates/kasir-qr\`, qrcodegen 1.8.0, \`opt-level = "z"\`) on a
  300-character payload, built natively and for wasm32 (run in the same Chromium). Native ≠ wasm; both are shown.
- Sandbox: \`wrk\` with \`bench/wrk-charges.lua\` (POST /charges, Basic \`skey_test_kasir\`, inline
  \`source[type]=truemoney_qr\`, 400000 THB, no Idempotency-Key, a unique description per request).
  Closed loop: 2 threads × 16 connections. "Fixed rate": Debian's wrk has no \`-R\` (that is wrk2), so ${report.wrk?.fixedConns} connections
  each wait ${report.wrk?.fixedDelayMs} ms before every request (wrk's \`delay()\`), which approximates ${RATE}/s; the achieved rate is shown.
  Webhooks run: \`--omise-webhook\` to a local receiver that answers every 3rd delivery with 500 and the others
  after 250 ms, \`--retry-base-ms 100\`. wrk, the sandbox and the receiver share the same ${M.cpus} cores.

## Files loaded before the picker is usable
### Kasir
${fileTable("kasir")}

### Adyen Web Drop-in, tree-shaken ESM (esbuild ${report.config.esbuild}: \`bench/adyen-esm/entry.mjs\`)
${fileTable("adyen-esm")}

### Adyen Web Drop-in, all components
${fileTable("adyen")}

(${report.bytes.adyenNote})
`;
writeFileSync(join(out, "report.md"), md);
writeFileSync(join(out, "report.json"), JSON.stringify(report, null, 2));
log(`wrote ${join(out, "report.md")} and report.json`);
