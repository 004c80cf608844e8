// The npm `ecommpay` SDK (0.1.7), unmodified, against the sandbox: a Payment Page URL it builds
// is accepted (and a tampered one refused), a Gate request signed with its signer is accepted,
// and the callbacks the sandbox sends verify with its Callback class (and fail with a wrong
// secret). Usage: node tests/sandbox_clients/ecommpay_node.mjs http://127.0.0.1:PORT
import { createRequire } from "node:module";
import { createServer } from "node:http";
import assert from "node:assert/strict";

const require = createRequire(import.meta.url);
const { Payment, Callback, signer } = require("ecommpay");
const BASE = process.argv[2];
const SECRET = "kasir_secret";
const PROJECT = 4242;

const id = `node-${Date.now()}`;
const payment = new Payment(PROJECT, SECRET, {}, BASE);
payment.paymentId = id;
payment.paymentAmount = 10000;
payment.paymentCurrency = "THB";
payment.customerId = "customer 1";
payment.forcePaymentMethod = "true-money";
const url = payment.getUrl();
let r = await fetch(url);
assert.equal(r.status, 200, await r.clone().text());
assert.match(await r.text(), /value="approve"/);
r = await fetch(url.replace("payment_amount=10000", "payment_amount=10001"));
assert.equal(r.status, 400, "tampered Payment Page URL refused");

const bodies = [];
const server = createServer((req, res) => {
  let b = "";
  req.on("data", (d) => (b += d));
  req.on("end", () => { bodies.push(b); res.end("ok"); });
});
await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
const gid = `${id}-gate`;
const body = {
  general: { project_id: PROJECT, payment_id: gid, merchant_callback_url: `http://127.0.0.1:${server.address().port}/cb` },
  payment: { amount: 10000, currency: "THB", description: "node sdk" },
  customer: { id: "c1", ip_address: "203.0.113.5" },
  return_url: { success: "http://shop.test/ok", decline: "http://shop.test/fail" },
};
body.general.signature = signer(body, SECRET);
r = await fetch(`${BASE}/v2/payment/wallet/true-money/sale`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
const sync = await r.json();
assert.equal(sync.status, "success", JSON.stringify(sync));
await fetch(`${BASE}/_sandbox/charges/${gid}/mark`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ status: "successful" }) });
const deadline = Date.now() + 15000;
while (bodies.length < 2 && Date.now() < deadline) await new Promise((ok) => setTimeout(ok, 100));
assert.ok(bodies.length >= 2, `callbacks received: ${bodies.length}`);
const inter = new Callback(SECRET, bodies[0]);
assert.equal(inter.isPaymentSuccess(), false);
assert.ok(JSON.parse(bodies[0]).redirect_data, "intermediate callback carries redirect_data");
const final = new Callback(SECRET, bodies[1]);
assert.equal(final.getPaymentId(), gid);
assert.equal(final.isPaymentSuccess(), true);
assert.throws(() => new Callback("wrong_secret", bodies[1]), /Invalid signature/);
server.close();
console.log("npm ecommpay 0.1.7: OK");
