#!/usr/bin/env node
// One glue for a build split by wasm-split-cli (scripts/build-wasm.sh): the splitter's link
// module (the code that fetches a chunk and instantiates it on the main module's memory and
// table) goes into wasm-bindgen's glue instead of being a second file the glue imports.
// - No extra request before the picker, and no file outside kasir.js's Subresource Integrity:
//   the glue is checked by kasir.js, and the chunk is fetched with the integrity the glue holds.
// - The link module's loaders become entries of the glue's import object, which
//   scripts/minify-names.mjs then renames with the others (wasm-opt puts every import in one
//   module).
// - The link module reads the main module's exports through the glue's own `wasm` (it asked
//   wasm-bindgen's `initSync`, which scripts/minify-names.mjs removes), one `wasm.<name>` each,
//   so that their renaming reaches them too.
// The chunk's name and integrity are left as __KASIR_FLOWS__ and __KASIR_FLOWS_SRI__, for the
// build to fill in once the chunk is final. The chunk is fetched beside the glue, or where
// `setFlowsUrl(url)` says.
// Usage: split-glue.mjs <glue.js> <link.js>
import { readFileSync, writeFileSync } from "node:fs";

const [gluePath, linkPath] = process.argv.slice(2);
const fail = (why) => {
  console.error(`split-glue: ${why}`);
  process.exit(1);
};
let glue = readFileSync(gluePath, "utf8");
let link = readFileSync(linkPath, "utf8");
const once = (text, what, from, to) => {
  const n = text.split(from).length - 1;
  if (n !== 1) fail(`expected ${what} once, found it ${n} times`);
  return text.replace(from, to);
};

// the glue's import of the link module, and its place in the import object
const imported = glue.match(/^import \* as (import\d+) from "\.\/__wasm_split\.js";?\n/m);
if (!imported) fail(`${gluePath} does not import ./__wasm_split.js`);
const ns = imported[1];
glue = once(glue, "the link module's import", imported[0], "");
glue = once(glue, "the link module in the import object", `        "./__wasm_split.js": ${ns},\n`, "");

// the link module: its loaders (`export const <name> = …`) as plain constants
const loaders = [...link.matchAll(/^export const ([A-Za-z_$][\w$]*) = /gm)].map((m) => m[1]);
if (loaders.length === 0) fail(`${linkPath} exports no loader`);
link = link.replace(/^export const /gm, "const ");
const initImport = link.match(/^import \{ initSync \} from "[^"]+";\n/m);
if (!initImport) fail(`${linkPath} does not import initSync`);
link = link.replace(initImport[0], "");
const shared = link.match(/const \{ ([^}]*) \} = initSync\(undefined, undefined\);\n(\s*)Object\.assign\(([^,]+), \{ [^}]* \}\);/);
if (!shared) fail(`${linkPath}: no shared imports read from initSync`);
const names = shared[1].split(",").map((s) => s.trim()).filter(Boolean);
link = link.replace(shared[0], `Object.assign(${shared[3]}, { ${names.map((n) => `${n}: wasm.${n}`).join(", ")} });`);
const fetched = link.match(/fetch\(new URL\("\.\/split_[\w]+\.wasm", import\.meta\.url\)\)/g) || [];
if (fetched.length !== 1) fail(`${linkPath}: expected one chunk fetched, found ${fetched.length}`);
// asked for once the next frame is painted (a task after the next animation frame; at once on
// a hidden page, which has none): the flows ask for the chunk as soon as the picker is drawn,
// and its compilation, when it came before that frame, delayed the picker's paint (bench/SIZE.md)
link = link.replace(fetched[0],
  'new Promise((r) => document.hidden ? r() : requestAnimationFrame(() => setTimeout(r)))' +
  '.then(() => fetch(kasirFlows, { integrity: "__KASIR_FLOWS_SRI__" }))');
// beside the glue, unless the page's loader says where (npm/index.mjs does: a bundler's
// development server may run the glue from elsewhere than the file, Vite's from .vite/deps/)
link = 'let kasirFlows = new URL("./__KASIR_FLOWS__", import.meta.url);\n' +
  "/** Where the flows' chunk is (its integrity is the glue's). */\n" +
  "export function setFlowsUrl(url) {\n    kasirFlows = url;\n}\n" + link;

// each loader an entry of the import object (minify-names renames entries of this form)
const objectStart = "    const import0 = {\n        __proto__: null,\n";
glue = once(glue, "the import object", objectStart,
  objectStart + loaders.map((l) => `        ${l}: function(arg0, arg1) {\n            return ${l}(arg0, arg1);\n        },\n`).join(""));
glue += "\n" + link;
writeFileSync(gluePath, glue);
console.log(`split-glue: ${loaders.join(", ")} in ${gluePath}, sharing ${names.join(", ")}`);
