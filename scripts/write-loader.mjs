#!/usr/bin/env node
// Write kasir.js, the stable classic-script entry point, into trunk's staging dir: www/loader.js
// with www/api.js inlined, the hashed glue, wasm and stylesheet names and their Subresource
// Integrity (of the final files: run after minify-glue.mjs), minified with terser (the /*! */
// banner kept). Then dist/integrity.json: the sha384 of kasir.js (the <script integrity> a
// merchant pastes) and of every file it loads.
// Usage: write-loader.mjs <dir> <glue.js> <wasm> <css> <qr-glue.js> <qr-wasm>
import { readFileSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { minify } from "terser";

const [dir, glue, wasm, css, qrGlue, qrWasm] = process.argv.slice(2);
if (!qrWasm) throw new Error("usage: write-loader.mjs <dir> <glue.js> <wasm> <css> <qr-glue.js> <qr-wasm>");
const www = new URL("../www/", import.meta.url);
const sri = (bytes) => "sha384-" + createHash("sha384").update(bytes).digest("base64");
const integrity = {};
for (const f of [glue, wasm, css, qrGlue, qrWasm]) integrity[f] = sri(readFileSync(join(dir, f)));
const source = readFileSync(new URL("loader.js", www), "utf8")
  .replace("/* __API__ */", readFileSync(new URL("api.js", www), "utf8"))
  .replaceAll("__GLUE_SRI__", integrity[glue]).replaceAll("__WASM_SRI__", integrity[wasm])
  .replaceAll("__CSS_SRI__", integrity[css])
  .replaceAll("__QR_GLUE_SRI__", integrity[qrGlue]).replaceAll("__QR_WASM_SRI__", integrity[qrWasm])
  .replaceAll("__QR_GLUE__", qrGlue).replaceAll("__QR_WASM__", qrWasm)
  .replaceAll("__GLUE__", glue).replaceAll("__WASM__", wasm).replaceAll("__CSS__", css);
const out = await minify(source, { ecma: 2020, compress: { passes: 2, unsafe_arrows: true }, mangle: true, format: { comments: /^!/ } });
if (!out.code) throw new Error("terser produced nothing for kasir.js");
writeFileSync(join(dir, "kasir.js"), out.code + "\n");
writeFileSync(join(dir, "integrity.json"),
  JSON.stringify({ "kasir.js": sri(out.code + "\n"), ...integrity }, null, 2) + "\n");
console.log(`kasir.js (${out.code.length + 1} bytes) -> ${glue}, ${wasm}, ${css} (+ on demand ${qrGlue}, ${qrWasm}); integrity.json`);
