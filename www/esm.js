// @kasir/checkout as an ES module (scripts/build-npm.sh writes it to npm/index.mjs with the
// hashed file names and www/api.js inlined). The wasm, glue and stylesheet (and the QR module's
// glue and wasm, imported on demand) are named relative
// to this module (`new URL(…, import.meta.url)`, `import("./dist/…")`), so Vite and webpack 5
// emit them as assets with no configuration. Importing it touches no browser API: on a server
// `loadKasir()` rejects with a KasirLoadError (code "no_browser").

/** Why `loadKasir()` rejected: `code` is "no_browser" (no window), "script_failed" (`src`
 * did not load) or the code of the file that failed (`integrity_failed`, `network_error`). */
export class KasirLoadError extends Error {
  constructor(code, message) {
    super(message);
    this.name = "KasirLoadError";
    this.code = code;
  }
}

let kasir = null;

/** Vite's development server runs a dependency pre-bundled into node_modules/.vite/deps/ (Vite
 * 7 and older), where `new URL("./dist/…", import.meta.url)` names no file: the package's
 * own files are served where they are installed, node_modules/@kasir/checkout/dist/. */
function asset(url) {
  return url.href.replace(/\/node_modules\/\.vite\/deps\/dist\/([^?#]*).*$/, "/node_modules/@kasir/checkout/dist/$1");
}

/** A wasm-bindgen module: its glue imported, its wasm run (and told where its flows' chunk is:
 * src/flows.rs). */
function run(glue, wasm, flows) {
  return glue().then((m) => m.default({ module_or_path: asset(wasm()) }).then(() => {
    if (flows && m.setFlowsUrl) m.setFlowsUrl(asset(flows()));
    return m;
  }));
}

// the QR module (a payload to encode in the browser), imported the first time it is asked for
const qr = qrEncoder(() => run(() => import("./dist/__QR_GLUE__"), () => new URL("./dist/__QR_WASM__", import.meta.url)));

// one build per provider (each literal, so that bundlers emit every file)
const builds = {
  omise: () => run(() => import("./dist/__OMISE_GLUE__"), () => new URL("./dist/__OMISE_WASM__", import.meta.url),
    () => new URL("./dist/__OMISE_FLOWS__", import.meta.url)),
  wooshpay: () => run(() => import("./dist/__WOOSHPAY_GLUE__"), () => new URL("./dist/__WOOSHPAY_WASM__", import.meta.url),
    () => new URL("./dist/__WOOSHPAY_FLOWS__", import.meta.url)),
  ecommpay: () => run(() => import("./dist/__ECOMMPAY_GLUE__"), () => new URL("./dist/__ECOMMPAY_WASM__", import.meta.url),
    () => new URL("./dist/__ECOMMPAY_FLOWS__", import.meta.url)),
};

// each locale's texts but English (compiled in), fetched when a widget shows it
const texts = {
  th: () => new URL("./dist/__TH_JSON__", import.meta.url),
  id: () => new URL("./dist/__ID_JSON__", import.meta.url),
  ko: () => new URL("./dist/__KO_JSON__", import.meta.url),
  ru: () => new URL("./dist/__RU_JSON__", import.meta.url),
  ja: () => new URL("./dist/__JA_JSON__", import.meta.url),
};
const table = once((tag) => fetch(asset(texts[tag]())).then((r) => {
  if (!r.ok) throw new KasirLoadError("network_error", `could not load ${r.url}`);
  return r.json();
}));
function strings(tag) {
  if (!Object.hasOwn(texts, tag)) return Promise.reject(new KasirLoadError("network_error", `no texts for ${tag}`));
  return table(tag);
}

// a provider's build with the stylesheet, loaded once (a failed load is tried again)
const build = once((p) => Promise.all([
  linked("stylesheet", asset(new URL("./dist/__CSS__", import.meta.url)), ""),
  builds[p](),
]).then(([, m]) => {
  if (m.setQrEncoder) m.setQrEncoder(qr); // the builds with the encoder (WooshPay's)
  m.setLocaleLoader(strings);
  return m;
}));

/** The build of `provider` (an unknown one gets Opn's, whose validation names the error). */
function load(provider, locale) {
  const tag = String(locale || "").toLowerCase().slice(0, 2);
  if (Object.hasOwn(texts, tag)) strings(tag).catch(() => {});
  const p = Object.hasOwn(builds, String(provider)) ? String(provider) : "omise";
  return build(p);
}

/** A CDN copy of kasir.js, by script tag (with its integrity when given). */
function script(src, integrity) {
  return new Promise((resolve, reject) => {
    const s = document.createElement("script");
    s.src = src;
    if (integrity) { s.integrity = integrity; s.crossOrigin = "anonymous"; }
    s.onload = () => window.Kasir && window.Kasir.mount ? resolve(window.Kasir)
      : reject(new KasirLoadError("script_failed", `${src} did not define window.Kasir`));
    s.onerror = () => reject(new KasirLoadError("script_failed", `could not load ${src}`));
    document.head.appendChild(s);
  });
}

/**
 * The Kasir API (`mount`, `preload`, `css`: the same object as `window.Kasir`, which it also
 * defines, with <kasir-checkout>). `options.src`: load that kasir.js (a CDN copy) instead of
 * the bundled files; `options.integrity`: its sha256 (dist/integrity.json).
 */
export function loadKasir(options = {}) {
  if (typeof window === "undefined" || typeof document === "undefined") {
    return Promise.reject(new KasirLoadError("no_browser",
      "loadKasir() needs a browser: call it in an effect or an event handler, not while rendering on the server"));
  }
  if (!kasir) {
    if (window.Kasir && window.Kasir.mount) kasir = Promise.resolve(window.Kasir);
    else if (options.src) kasir = script(options.src, options.integrity);
    else kasir = Promise.resolve(window.Kasir = kasirApi(load, asset(new URL("./dist/__CSS__", import.meta.url))));
    kasir.catch(() => { kasir = null; });
  }
  return kasir;
}

// ---- www/api.js ----
/* __API__ */
