"""Drive kasir-sandbox with the official, unmodified PSP clients.

Usage: .venv/bin/python tests/sandbox_clients/test_official_clients.py http://127.0.0.1:PORT
Requires: pip install -r requirements-dev.txt  (omise==0.16.0, ecommpay-sdk==1.0.6)
The sandbox must run with the default test keys (pkey_test_kasir / skey_test_kasir, project 4242 / kasir_secret).
"""
import http.server
import json
import sys
import threading
import time
import urllib.error
import urllib.request

import omise
from payment_page_sdk.gate import Gate
from payment_page_sdk.payment import Payment
from payment_page_sdk.signature_handler import SignatureHandler

BASE = sys.argv[1].rstrip("/") if len(sys.argv) > 1 else "http://127.0.0.1:8080"
SECRET = "kasir_secret"
PROJECT = 4242


def post_json(url, body):
    req = urllib.request.Request(url, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=10) as r:
        return r.status, json.loads(r.read())


def test_omise():
    omise.api_secret = "skey_test_kasir"
    omise.api_public = "pkey_test_kasir"
    omise.api_version = "2019-05-29"
    omise.api_main = BASE
    omise.api_vault = BASE

    src = omise.Source.create(type="truemoney_qr", amount=40000, currency="THB")
    assert src.id.startswith("src_test_"), src.id
    assert src.flow == "offline"
    ch = omise.Charge.create(amount=40000, currency="THB", source=src.id, return_uri="http://shop.test/done")
    assert ch.status == "pending", ch.status
    uri = ch.source.scannable_code.image.download_uri
    with urllib.request.urlopen(uri, timeout=10) as r:
        assert r.status == 200 and b"<svg" in r.read()
    again = omise.Charge.retrieve(ch.id)
    assert again.id == ch.id and again.amount == 40000
    listed = omise.Charge.retrieve()
    assert any(c.id == ch.id for c in listed), "charge missing from list"

    try:
        omise.Charge.create(amount=100, currency="THB", source={"type": "truemoney_qr"})
        raise AssertionError("out-of-limit amount accepted")
    except omise.errors.InvalidChargeError as e:
        assert "greater than or equal to 10000" in str(e), e

    status, _ = post_json(f"{BASE}/_sandbox/charges/{ch.id}/mark", {"status": "successful"})
    assert status == 200
    ch.reload()
    assert ch.status == "successful" and ch.paid
    refund = ch.refund(amount=40000)
    assert refund.amount == 40000 and refund.voided, refund
    assert ch.refunded_amount == 40000
    events = omise.Event.retrieve()
    keys = [e.key for e in events]
    for k in ("charge.create", "charge.complete", "refund.create"):
        assert k in keys, (k, keys)
    ev = omise.Event.retrieve(events[len(keys) - 1].id)
    assert ev.key in keys

    omise.api_secret = "skey_test_wrong"
    try:
        omise.Charge.retrieve(ch.id)
        raise AssertionError("wrong key accepted")
    except omise.errors.AuthenticationFailureError:
        pass
    omise.api_secret = "skey_test_kasir"
    print("omise-python 0.16.0: OK")


class Receiver(http.server.BaseHTTPRequestHandler):
    bodies = []

    def do_POST(self):
        n = int(self.headers.get("Content-Length", 0))
        Receiver.bodies.append(self.rfile.read(n).decode())
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, *args):
        pass


def test_ecommpay():
    gate = Gate(SECRET, f"{BASE}/payment")
    pid = f"py-{int(time.time() * 1000)}"
    payment = Payment(str(PROJECT), pid)
    payment.payment_amount = 10000
    payment.payment_currency = "THB"
    payment.customer_id = "customer 1"
    payment.force_payment_method = "true-money"
    payment.payment_description = "official SDK test"
    url = gate.get_purchase_payment_page_url(payment)
    with urllib.request.urlopen(url, timeout=10) as r:
        page = r.read().decode()
        assert r.status == 200 and 'value="approve"' in page, page[:500]
    try:
        urllib.request.urlopen(url.replace("payment_amount=10000", "payment_amount=10001"), timeout=10)
        raise AssertionError("tampered Payment Page URL accepted")
    except urllib.error.HTTPError as e:
        assert e.code == 400

    srv = http.server.HTTPServer(("127.0.0.1", 0), Receiver)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    cb_url = f"http://127.0.0.1:{srv.server_address[1]}/callback"
    gid = pid + "-gate"
    body = {
        "general": {"project_id": PROJECT, "payment_id": gid, "merchant_callback_url": cb_url},
        "payment": {"amount": 10000, "currency": "THB", "description": "sdk"},
        "customer": {"id": "c1", "ip_address": "203.0.113.5"},
        "return_url": {"success": "http://shop.test/ok", "decline": "http://shop.test/fail"},
    }
    body["general"]["signature"] = SignatureHandler(SECRET).sign(body)
    status, sync = post_json(f"{BASE}/v2/payment/wallet/true-money/sale", body)
    assert status == 200 and sync["status"] == "success", sync
    post_json(f"{BASE}/_sandbox/charges/{gid}/mark", {"status": "successful"})
    deadline = time.time() + 15
    while len(Receiver.bodies) < 2 and time.time() < deadline:
        time.sleep(0.1)
    assert len(Receiver.bodies) >= 2, Receiver.bodies
    inter = gate.handle_callback(Receiver.bodies[0])
    assert inter.get_payment_status() == "awaiting redirect result", inter.get_payment_status()
    final = gate.handle_callback(Receiver.bodies[1])
    assert final.get_payment_id() == gid and final.get_payment_status() == "success"
    try:
        Gate("wrong_secret").handle_callback(Receiver.bodies[1])
        raise AssertionError("callback verified with a wrong secret")
    except Exception as e:  # ProcessException
        assert "invalid" in str(e).lower(), e
    srv.shutdown()
    print("ecommpay-sdk 1.0.6: OK")


if __name__ == "__main__":
    test_omise()
    test_ecommpay()
    print("all official client checks passed")
