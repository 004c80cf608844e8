// Compile test of npm/kasir.d.ts (`npx tsc -p tests/types --noEmit`): realistic use of the API,
// and `@ts-expect-error` lines that must stay errors.
import type {
  Checkout, KasirCreatePaymentRequest, KasirEventDetail, KasirOptions, KasirPayment, KasirResult,
} from "@kasir/checkout";

async function createCharge(req: KasirCreatePaymentRequest): Promise<KasirPayment> {
  const r = await fetch("/shop/api/omise/charges", {
    method: "POST",
    headers: { "Content-Type": "application/json", "Idempotency-Key": req.idempotencyKey },
    body: JSON.stringify({ orderId: req.orderId, source: req.source?.id, amount: req.amount, currency: req.currency,
      return_uri: req.returnUrl, mobile: req.device.mobile, os: req.device.os }),
  });
  return (await r.json()) as KasirPayment;
}

const options: KasirOptions = {
  provider: "omise",
  publicKey: "pkey_test_kasir",
  apiBase: "http://127.0.0.1:8080",
  amount: 400000,
  currency: "THB",
  orderId: "order_2024_0042",
  methods: ["truemoney_qr", "truemoney"],
  locale: "th",
  theme: "auto",
  appearance: { "--kasir-accent": "#0a7d5a", "--kasir-radius": "12px" },
  strings: { "pay.button": "ชำระเงิน" },
  createPayment: createCharge,
  retrievePayment: async (p) => (await fetch(`/shop/api/omise/charges?id=${p.id}`)).json(),
  cancelPayment: (p) => { void fetch(`/shop/api/omise/charges/${p.id}/cancel`, { method: "POST" }); },
  onSuccess: (d) => console.log("paid", d.payment?.id, d.method),
  onError: (d) => console.warn(d.code, d.message),
};

function describe(r: KasirResult): string {
  switch (r.status) {
    case "succeeded": return `paid with ${r.method ?? "?"} (${r.provider}) ${String(r.payment.id)}`;
    case "failed": return `failed: ${r.code}: ${r.message}`;
    case "expired": return "expired";
    case "canceled": return "canceled";
  }
}

async function main(): Promise<void> {
  const el = document.getElementById("pay")!;
  el.addEventListener("kasir:pending", (e) => {
    const d: KasirEventDetail = e.detail; // typed through HTMLElementEventMap
    console.log(d.provider, d.method, d.payment?.status);
  });
  el.addEventListener("kasir:failure", (e) => console.log(e.detail.code === "failed_processing"));
  await window.Kasir.preload();
  let checkout: Checkout;
  try {
    checkout = await Kasir.mount(el, options);
  } catch (e) {
    console.error((e as { code: string }).code);
    return;
  }
  console.log(checkout.element.id, describe(await checkout.result));
  checkout.destroy();

  // WooshPay with an intent created by the server, ecommpay by project id, mount by selector.
  await Kasir.mount("#pay2", { provider: "wooshpay", publicKey: "pk_test_kasir", amount: 15000,
    currency: "THB", clientSecret: "pi_1_secret_2", redirectTarget: "_top", parentOrigin: "https://shop.example" });
  await Kasir.mount("#pay3", { provider: "ecommpay", projectId: 4242, amount: 250000, currency: "IDR",
    locale: "id", createPaymentUrl: "/api/pay", retrievePaymentUrl: "/api/pay" });

  // Opn with the account's capability read by the server (no capability request from the page).
  await Kasir.mount("#pay4", { ...options, capability: { object: "capability", payment_methods: [
    { object: "payment_method", name: "promptpay", currencies: ["THB"] }], zero_interest_installments: false } });

  // Wrong usage the types must reject:
  // @ts-expect-error capability is GET /capability's object, not a list of method names
  await Kasir.mount(el, { ...options, capability: ["promptpay"] });
  // @ts-expect-error amount is an integer of minor units, not a string
  await Kasir.mount(el, { ...options, amount: "4000.00" });
  // @ts-expect-error unknown provider
  await Kasir.mount(el, { ...options, provider: "stripe" });
  // @ts-expect-error unknown method
  await Kasir.mount(el, { ...options, methods: ["card"] });
  // @ts-expect-error locale not supported
  await Kasir.mount(el, { ...options, locale: "fr" });
  // @ts-expect-error appearance keys are --kasir-* custom properties
  await Kasir.mount(el, { ...options, appearance: { color: "red" } });
  // @ts-expect-error theme is light, dark or auto
  await Kasir.mount(el, { ...options, theme: "sepia" });
  // @ts-expect-error amount and currency are required
  await Kasir.mount(el, { provider: "omise", publicKey: "pkey_test_kasir" });
  // @ts-expect-error misspelled detail field (paymnet)
  el.addEventListener("kasir:success", (e) => console.log(e.detail.paymnet));
  // @ts-expect-error the result status is "succeeded", never "success"
  if ((await checkout.result).status === "success") console.log("never");
  // @ts-expect-error the request's device.os is android, ios or other
  const bad: KasirCreatePaymentRequest["device"] = { mobile: true, os: "windows" };
  void bad;
}

void main();
