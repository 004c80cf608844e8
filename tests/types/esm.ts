// Compile test of the ES module API (loadKasir, KasirLoadError) and <kasir-checkout>.
import { loadKasir, KasirLoadError } from "@kasir/checkout";
import type { Kasir, KasirCheckoutElement, KasirErrorCode } from "@kasir/checkout";

export async function esm(): Promise<void> {
  let kasir: Kasir;
  try {
    kasir = await loadKasir();
  } catch (e) {
    if (e instanceof KasirLoadError && e.code === "no_browser") return; // on the server
    throw e;
  }
  const fromCdn: Kasir = await loadKasir({ src: "https://cdn.example/kasir/kasir.js", integrity: "sha256-…" });
  void fromCdn;
  await kasir.mount("#pay", { provider: "omise", publicKey: "pkey_test_kasir", amount: 40000, currency: "THB" });
  const el: KasirCheckoutElement = document.createElement("kasir-checkout");
  el.setAttribute("amount", "40000");
  el.addEventListener("kasir:error", (e) => {
    const code: KasirErrorCode | undefined = e.detail.code;
    if (code === "integrity_failed") console.warn("a file does not match its integrity");
  });
  document.body.append(el);
  // @ts-expect-error loadKasir takes { src, integrity }, not a URL string
  await loadKasir("https://cdn.example/kasir.js");
  // @ts-expect-error a typo in the load options
  await loadKasir({ scr: "https://cdn.example/kasir.js" });
}
