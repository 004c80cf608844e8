// Compile test of @kasir/checkout/react.
import { StrictMode } from "react";
import { KasirCheckout } from "@kasir/checkout/react";

export function Shop({ orderId }: { orderId: string }) {
  return (
    <StrictMode>
      <KasirCheckout id="pay" provider="omise" publicKey="pkey_test_kasir" amount={40000} currency="THB"
        orderId={orderId} methods={["promptpay"]} createPaymentUrl="/api/charges" retrievePaymentUrl="/api/charges"
        onSuccess={(d) => console.log(d.payment?.id)} />
    </StrictMode>
  );
}

export function Wrong() {
  // @ts-expect-error amount is an integer of minor units
  return <KasirCheckout provider="omise" amount="400.00" currency="THB" />;
}
