// The merchant's page: ?sandbox=<kasir-sandbox URL>&order=<order id> (the E2E test creates the
// order, standing in for the merchant's cart). StrictMode on: effects run twice in development.
import { StrictMode, useEffect, useState } from "react";
import { createRoot } from "react-dom/client";
import { KasirCheckout } from "@kasir/checkout/react";

const query = new URLSearchParams(location.search);
const sandbox = query.get("sandbox") || "http://127.0.0.1:8080";

function App() {
  const [paid, setPaid] = useState(null);
  // how often React ran this component's effects (2 under StrictMode in development)
  useEffect(() => { window.shopEffects = (window.shopEffects || 0) + 1; }, []);
  return (
    <main>
      <h1>React + Vite shop</h1>
      <KasirCheckout
        id="pay"
        provider="omise"
        publicKey="pkey_test_kasir"
        apiBase={sandbox}
        amount={40000}
        currency="THB"
        locale="en"
        methods={["promptpay", "truemoney_qr"]}
        orderId={query.get("order") || "demo-opn-qr"}
        createPaymentUrl={`${sandbox}/shop/api/omise/charges`}
        retrievePaymentUrl={`${sandbox}/shop/api/omise/charges`}
        onSuccess={(d) => setPaid(d.payment.id)}
      />
      {paid && <p className="shop-paid">Order paid: {paid}</p>}
    </main>
  );
}

createRoot(document.getElementById("root")).render(<StrictMode><App /></StrictMode>);
