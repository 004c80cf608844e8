#!/usr/bin/env node
// Minify the wasm-bindgen glue in trunk's staging dir with terser (trunk's own JS minifier
// cannot parse `export { … as default }`), and update its Subresource Integrity in the staged
// index.html so the development page keeps loading it. Usage: minify-glue.mjs <dir> <glue.js>
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { minify } from "terser";

const [dir, glue] = process.argv.slice(2);
const path = join(dir, glue);
const source = readFileSync(path, "utf8");
const sri = (text) => "sha256-" + createHash("sha256").update(text).digest("base64");
const before = sri(source);
// without wasm-bindgen's console warnings: one for deprecated init parameters (kasir.js passes
// the current ones), one when a server sends the wasm without `application/wasm` (the glue then
// compiles it after the download instead of during it; README: host the files)
const compress = { pure_funcs: ["console.warn"] };
const out = await minify(source, { module: true, ecma: 2020, compress, mangle: true });
if (!out.code) throw new Error(`terser produced nothing for ${glue}`);
writeFileSync(path, out.code);
const html = join(dir, "index.html");
if (existsSync(html)) {
  const page = readFileSync(html, "utf8");
  writeFileSync(html, page.split(before).join(sri(out.code)));
}
console.log(`minified ${glue}: ${source.length} -> ${out.code.length} bytes`);
