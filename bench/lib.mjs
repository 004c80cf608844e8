// Shared helpers for bench/run.mjs: static "CDN" and host-page servers, the sandbox, Chromium.
import { spawn } from "node:child_process";
import { createServer } from "node:http";
import { mkdtempSync, readFileSync, existsSync, statSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, extname } from "node:path";
import { brotliCompressSync, gzipSync, constants as Z } from "node:zlib";
import { chromium } from "playwright-core";

export const root = new URL("../", import.meta.url).pathname;
export const ADYEN_DIR = join(root, "node_modules/@adyen/adyen-web/dist/cjs");

const TYPES = { ".js": "text/javascript", ".cjs": "text/javascript", ".mjs": "text/javascript",
  ".wasm": "application/wasm", ".css": "text/css", ".html": "text/html; charset=utf-8", ".json": "application/json" };

function listen(server) {
  return new Promise((r) => server.listen(0, "127.0.0.1", () => r(`http://127.0.0.1:${server.address().port}`)));
}

/**
 * The "CDN" origin: serves Kasir's dist/ at /kasir/* and Adyen Web's single-file bundle + CSS at
 * /adyen/adyen.js and /adyen/adyen.css, both identically (no compression, no-store, CORS *), so
 * neither widget gets a transport advantage. /qr/bench.wasm is the QR micro-benchmark.
 */
export async function startCdn(extra = {}) {
  const map = (p) => {
    if (p.startsWith("/kasir/")) return join(root, "dist", p.slice(7));
    if (p === "/adyen/adyen.js") return join(ADYEN_DIR, "index.cjs");
    if (p === "/adyen/adyen.css") return join(ADYEN_DIR, "adyen.css");
    return extra[p] || null;
  };
  const server = createServer((req, res) => {
    const p = decodeURIComponent(new URL(req.url, "http://x").pathname);
    const f = map(p);
    if (!f || p.includes("..") || !existsSync(f) || !statSync(f).isFile()) { res.writeHead(404).end(); return; }
    res.writeHead(200, { "Content-Type": TYPES[extname(f)] || "application/octet-stream",
      "Access-Control-Allow-Origin": "*", "Cache-Control": "no-store" });
    res.end(readFileSync(f));
  });
  const url = await listen(server);
  return { url, stop: () => server.close() };
}

/** The merchant origin: serves named pages (already rendered HTML strings). */
export async function startHost(pages) {
  const server = createServer((req, res) => {
    const p = new URL(req.url, "http://x").pathname;
    if (p === "/favicon.ico") { res.writeHead(204).end(); return; }
    const html = pages[p];
    if (!html) { res.writeHead(404).end(); return; }
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" });
    res.end(html);
  });
  const url = await listen(server);
  return { url, stop: () => server.close() };
}

/** A kasir-sandbox binary on 127.0.0.1:0 with a fresh database. */
export async function startSandbox(bin, extraArgs = []) {
  const dir = mkdtempSync(join(tmpdir(), "kasir-bench-"));
  const db = join(dir, "sandbox.db");
  const proc = spawn(bin, ["--addr", "127.0.0.1:0", "--db", db, "--fresh", "--dist", join(root, "dist"), ...extraArgs],
    { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, RUST_LOG: "warn" } });
  proc.stderr.resume();
  const url = await new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error("sandbox did not start: " + out)), 20000);
    proc.stdout.on("data", (d) => {
      out += d;
      const m = out.match(/kasir-sandbox listening on (http:\/\/\S+)/);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    proc.on("exit", (code) => reject(new Error(`sandbox exited ${code}: ${out}`)));
  });
  return { url, pid: proc.pid,
    stop: () => new Promise((r) => {
      proc.removeAllListeners("exit");
      proc.on("exit", () => { rmSync(dir, { recursive: true, force: true }); r(); });
      proc.kill("SIGTERM");
    }) };
}

/** Create a demo shop order through the sandbox's test control `POST /_sandbox/orders` (standing
 * in for the merchant's own checkout: the shop refuses a payment without a known order); its id. */
export async function createOrder(sandbox, order) {
  const r = await fetch(`${sandbox}/_sandbox/orders`, {
    method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(order),
  });
  const o = await r.json();
  if (r.status !== 201) throw new Error(`order ${JSON.stringify(order)}: HTTP ${r.status} ${JSON.stringify(o)}`);
  return o.id;
}

/** Headless Debian Chromium (never a downloaded browser). */
export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
      "--enable-precise-memory-info"],
  });
}

/** raw / gzip -9 / brotli -q 11 (lgwin 24, as the brotli CLI) sizes of a buffer. */
export function sizes(buf) {
  return {
    raw: buf.length,
    gzip: gzipSync(buf, { level: 9 }).length,
    brotli: brotliCompressSync(buf, { params: { [Z.BROTLI_PARAM_QUALITY]: 11, [Z.BROTLI_PARAM_LGWIN]: 24,
      [Z.BROTLI_PARAM_SIZE_HINT]: buf.length } }).length,
  };
}

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b), n = s.length;
  return n ? (n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2) : NaN;
}
export function stats(xs) {
  return { n: xs.length, median: median(xs), min: Math.min(...xs), max: Math.max(...xs) };
}
