// No webpack configuration: webpack 5's defaults (entry src/index.js, output dist/main.js)
// emit the widget's wasm, glue and stylesheet as assets from the package's
// `new URL(…, import.meta.url)`. ?sandbox=<kasir-sandbox URL>&order=<order id>.
import { loadKasir } from "@kasir/checkout";

const query = new URLSearchParams(location.search);
const sandbox = query.get("sandbox") || "http://127.0.0.1:8080";

loadKasir().then((Kasir) => Kasir.mount("#pay", {
  provider: "omise", publicKey: "pkey_test_kasir", apiBase: sandbox,
  amount: 40000, currency: "THB", locale: "en", methods: ["promptpay", "truemoney_qr"],
  orderId: query.get("order") || "demo-opn-qr",
  createPaymentUrl: `${sandbox}/shop/api/omise/charges`,
  retrievePaymentUrl: `${sandbox}/shop/api/omise/charges`,
  onSuccess: (d) => { document.getElementById("paid").textContent = `Order paid: ${d.payment.id}`; },
}));
