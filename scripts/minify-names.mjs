#!/usr/bin/env node
// Shorten the names the wasm and its wasm-bindgen glue know each other by, and drop the glue of
// the exports build-wasm.sh removed. wasm-bindgen names every import `__wbg_<name>_<hash>` and
// some exports after their Rust paths (≈ 9.6 KB of names in the wasm, the same again in the
// glue, the hashes incompressible); wasm-opt's --minify-imports-and-exports-and-modules renames
// them to one or two letters and prints the mapping, which this applies to the glue.
// Refuses (exit 1, nothing written) unless every import of the wasm is defined by the glue and
// every export the glue uses is one the wasm has.
// It also drops what the widget never calls: the glue of imports the optimised wasm no longer has,
// and `initSync`.
// Usage: minify-names.mjs <glue.js> <module_bg.wasm> <mapping.json> [<class to drop, if present>…]
import { readFileSync, writeFileSync } from "node:fs";

const [gluePath, wasmPath, mapPath, ...dropped] = process.argv.slice(2);
const fail = (why) => {
  console.error(`minify-names: ${why}`);
  process.exit(1);
};
let glue = readFileSync(gluePath, "utf8");
const map = JSON.parse(readFileSync(mapPath, "utf8"));
const escape = (s) => s.replace(/[$.*+?()[\]{}|^\\]/g, "\\$&");

// the glue of the exported classes whose exports wasm-opt removed (server_fn's wasm-streams)
const gone = [];
for (const c of dropped) {
  if (!glue.includes(`export class ${c} `)) continue; // a module without them (the QR module)
  gone.push(c);
  const before = glue;
  glue = glue.replace(new RegExp(`^export class ${c} \\{\\n[\\s\\S]*?\\n\\}\\n` +
    `if \\(Symbol\\.dispose\\) ${c}\\.prototype\\[Symbol\\.dispose\\] = ${c}\\.prototype\\.free;\\n`, "m"), "")
    .replace(new RegExp(`^const ${c}Finalization = [^;]*;\\n`, "m"), "");
  if (glue.length >= before.length || glue.includes(c)) fail(`could not drop class ${c} from ${gluePath}`);
}

// imports: the keys of the glue's import object, and that object's module name
// (a split build's link module, "./__wasm_split.js": scripts/split-glue.mjs made its loaders
// entries of the glue's one import object, renamed here like the others)
const modules = new Set(map.imports.map(([m]) => m).filter((m) => m !== "./__wasm_split.js"));
for (const [module, from, to] of map.imports) {
  const key = new RegExp(`^(\\s+)${escape(from)}: function\\(`, "gm");
  const n = (glue.match(key) || []).length;
  if (n !== 1) fail(`import ${module}.${from} is defined ${n} times in ${gluePath}`);
  glue = glue.replace(key, (_, indent) => `${indent}${JSON.stringify(to)}: function(`);
}
const renamedModule = [...modules];
if (renamedModule.length !== 1) fail(`expected the imports of one module, got ${renamedModule.join(", ")}`);

// exports: every `wasm.<name>` of the glue
const exportsTo = new Map(map.exports.map(([f, t]) => [f, t]));
glue = glue.replace(/\bwasm\.([A-Za-z_$][\w$]*)/g, (all, name) => {
  if (!exportsTo.has(name)) fail(`the glue uses wasm.${name}, which the wasm does not export`);
  return `wasm.${exportsTo.get(name)}`;
});

// the module name: what the wasm's imports now name
const wasm = new WebAssembly.Module(readFileSync(wasmPath));
const imports = WebAssembly.Module.imports(wasm);
const newModules = new Set(imports.map((i) => i.module));
if (newModules.size !== 1) fail(`the wasm imports from ${[...newModules].join(", ")}, expected one module`);
const [newModule] = newModules;
const moduleKey = `${JSON.stringify(renamedModule[0])}: import0,`;
if (glue.split(moduleKey).length !== 2) fail(`the glue's import object names ${renamedModule[0]} not once`);
glue = glue.replace(moduleKey, `${JSON.stringify(newModule)}: import0,`);

// the glue's import functions the wasm no longer imports (wasm-opt removed their last caller
// after wasm-bindgen wrote the glue): each is one `        <name>: function(…` entry up to the next
const wanted = new Set(imports.map((i) => JSON.stringify(i.name)));
const entry = /^ {8}("[^"]+"|[A-Za-z_$][\w$]*): function\(/;
const lines = glue.split("\n");
const start = lines.findIndex((l) => /^ {4}const import0 = \{$/.test(l));
const end = lines.findIndex((l, n) => n > start && /^ {4}\};$/.test(l));
if (start < 0 || end < 0) fail(`no import object in ${gluePath}`);
const kept = [];
let unused = 0;
let keep = true;
for (const [n, l] of lines.entries()) {
  const m = n > start && n < end && entry.exec(l);
  if (m) {
    keep = wanted.has(m[1].startsWith('"') ? m[1] : JSON.stringify(m[1]));
    if (!keep) unused++;
  } else if (n >= end) keep = true;
  if (keep) kept.push(l);
}
glue = kept.join("\n");

// `initSync` (a synchronous instantiation nothing of Kasir calls: kasir.js awaits the default
// export with the fetched response) and its deprecation warning
const exportLine = "export { initSync, __wbg_init as default };";
if (glue.split(exportLine).length !== 2) fail(`${gluePath} does not end with \`${exportLine}\``);
glue = glue.replace(exportLine, "export { __wbg_init as default };");

// check: each import of the wasm is a key of the glue's import object
for (const i of imports) {
  if (!glue.includes(`${JSON.stringify(i.name)}: function(`)) fail(`the wasm imports ${i.module}.${i.name}, which the glue does not define`);
}
const exported = new Set(WebAssembly.Module.exports(wasm).map((e) => e.name));
for (const [, t] of exportsTo) if (!exported.has(t)) fail(`the mapping names export ${t}, which the wasm lacks`);
writeFileSync(gluePath, glue);
console.log(`minify-names: ${map.imports.length} imports, ${map.exports.length} exports renamed, ` +
  `${unused} unused imports dropped` +
  (gone.length ? `; dropped ${gone.join(", ")}` : ""));
