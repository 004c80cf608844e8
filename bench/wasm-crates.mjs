#!/usr/bin/env node
// Where the wasm bytes go, by crate: `twiggy top` of an un-stripped wasm (names kept), every item's
// shallow size summed by the crate its symbol belongs to. Used to write bench/SIZE.md.
// Usage: node bench/wasm-crates.mjs [target/shipped/wasm-bindgen/release/kasir_bg.wasm]
import { execFileSync } from "node:child_process";
const wasm = process.argv[2] || "target/shipped/wasm-bindgen/release/kasir_bg.wasm";
const csv = execFileSync("twiggy", ["top", "-n", "1000000", "--format", "csv", wasm], { maxBuffer: 1 << 28 }).toString();
const rows = csv.trim().split("\n").slice(1).map((l) => {
  const m = l.match(/^(".*"|[^,]*),(\d+),/);
  return m ? { name: m[1].replace(/^"|"$/g, "").replace(/""/g, '"'), size: +m[2] } : null;
}).filter(Boolean);
const crateOf = (n) => {
  if (/^"function names"|^custom section|^data segment|^type\[|^import |^export |^elem|^table|^global|^memory|^code section|^wasm magic|^producers/.test(n)) return "(" + n.replace(/\[.*$/, "").split(" ").slice(0, 2).join(" ") + ")";
  let s = n.replace(/^<+/, "").replace(/^(impl |dyn )/, "");
  // <(A,B) as tachys::…>, <T as core::…>, <[T] as …>: the trait's crate owns the code
  if (/^(\(|\[|[A-Z]\b|[A-Z][,> ])/.test(s)) { const t = s.match(/ as ([A-Za-z_][A-Za-z0-9_]*)/); if (t) s = t[1] + s.slice(s.indexOf(" as ") + 4 + t[1].length); }
  s = s.replace(/^&(mut )?/, "");
  const m = s.match(/^([A-Za-z_][A-Za-z0-9_]*)/);
  if (!m) return "(other: " + n.slice(0, Number(process.env.TOP || 30)) + ")";
  let c = m[1];
  if (c === "_ZN" || c.startsWith("_ZN")) return "(mangled)";
  if (/^(u8|u16|u32|u64|usize|i8|i16|i32|i64|isize|f32|f64|bool|char|str)$/.test(c)) {
    // <str as core::fmt::Debug>::fmt → the trait's crate
    const t = s.match(/ as ([A-Za-z_][A-Za-z0-9_]*)/); c = t ? t[1] : "core";
  }
  if (/^(func|code)$/.test(c) || /^\d/.test(c)) return "(unnamed functions)";
  if (c === "core" || c === "alloc") { // split the standard library by module: fmt and float printing matter
    const mod = s.replace(/\[[0-9a-f]+\]/g, "").match(/^(core|alloc)::([a-z_0-9]+)(?:::([a-z_0-9]+))?/);
    if (mod) return `${mod[1]}::${mod[2]}${mod[2] === "num" && mod[3] ? "::" + mod[3] : ""}`;
  }
  return c;
};
const by = new Map();
let total = 0;
for (const r of rows) { if (/^Σ|^\.\.\. and/.test(r.name)) continue; total += r.size; const c = crateOf(r.name); by.set(c, (by.get(c) || 0) + r.size); }
const sorted = [...by].sort((a, b) => b[1] - a[1]);
console.log(`${wasm}: ${total} bytes in ${rows.length} items`);
console.log("| crate | bytes | % |\n|---|---:|---:|");
for (const [c, s] of sorted.slice(0, Number(process.env.TOP || 30))) console.log(`| ${c} | ${s.toLocaleString("en-US")} | ${(100 * s / total).toFixed(1)} |`);
