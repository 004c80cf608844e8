#!/usr/bin/env node
// Write kasir.js, the stable classic-script entry point, into trunk's staging dir: www/loader.js
// with www/api.js inlined, the hashed names of the stylesheet, of each provider's glue and wasm,
// of the QR module and of each locale's text table, with their Subresource Integrity (of the final files), minified with
// terser (the /*! */ banner kept). Then dist/integrity.json: the sha256 of kasir.js (the
// <script integrity> a merchant pastes) and of every file it loads.
// Usage: write-loader.mjs <dir> <css> qr=<glue.js>,<wasm> <provider>=<glue.js>,<wasm>[,<flows chunk>]… <locale>=<table.json>…
import { readFileSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { minify } from "terser";

const [dir, css, ...modules] = process.argv.slice(2);
const www = new URL("../www/", import.meta.url);
// sha256 (the SRI spec's user agents support sha256, sha384 and sha512 alike): its base64 is 20
// characters shorter than sha384's, and kasir.js carries ten of them before the picker
const sri = (bytes) => "sha256-" + createHash("sha256").update(bytes).digest("base64");
const integrity = { [css]: sri(readFileSync(join(dir, css))) };
const builds = {};
const texts = {};
for (const m of modules) {
  const [, locale, table] = m.match(/^([a-z]+)=([^,]+\.json)$/) || [];
  if (table) {
    integrity[table] = sri(readFileSync(join(dir, table)));
    texts[locale] = [table, integrity[table]];
    continue;
  }
  // a split build's third file: its flows' chunk, which the glue fetches with its integrity
  const [, name, glue, wasm, chunk] = m.match(/^([a-z]+)=([^,]+),([^,]+)(?:,(.+))?$/) || [];
  if (!wasm) throw new Error(`write-loader: expected <name>=<glue.js>,<wasm>[,<chunk>], got ${m}`);
  for (const f of [glue, wasm, chunk].filter(Boolean)) integrity[f] = sri(readFileSync(join(dir, f)));
  builds[name] = [glue, integrity[glue], wasm, integrity[wasm]];
}
if (!builds.qr || !builds.omise) throw new Error("write-loader: the QR module and the omise build are required");
const source = readFileSync(new URL("loader.js", www), "utf8")
  .replace("/* __API__ */", readFileSync(new URL("api.js", www), "utf8"))
  .replace("__BUILDS__", JSON.stringify(builds)).replace("__TEXTS__", JSON.stringify(texts))
  .replaceAll("__CSS_SRI__", integrity[css]).replaceAll("__CSS__", css);
const out = await minify(source, { ecma: 2020, compress: { passes: 2, unsafe_arrows: true }, mangle: true, format: { comments: /^!/ } });
if (!out.code) throw new Error("terser produced nothing for kasir.js");
writeFileSync(join(dir, "kasir.js"), out.code + "\n");
writeFileSync(join(dir, "integrity.json"),
  JSON.stringify({ "kasir.js": sri(out.code + "\n"), ...integrity }, null, 2) + "\n");
console.log(`kasir.js (${out.code.length + 1} bytes) -> ${css}, ${Object.entries(builds).map(([k, v]) => `${k}: ${v[0]} + ${v[2]}`).join("; ")}; integrity.json`);
