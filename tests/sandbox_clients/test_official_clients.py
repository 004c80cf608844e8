"""Drive kasir-sandbox with the official, unmodified PSP clients (and, for WooshPay, plain HTTP in
Stripe's form encoding, as stripe-python sends it).

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
import urllib.parse
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


# Opn source types whose charge is a QR to scan, and those that open an app.
OFFLINE = {"promptpay", "truemoney_qr", "paynow", "duitnow_qr"}
APP = {"truemoney_jumpapp", "shopeepay_jumpapp", "touch_n_go"}
# Every Opn row of the catalogue (issue 11), bank-in-name rows per bank.
OPN_TYPES = (["promptpay", "truemoney", "truemoney_jumpapp", "truemoney_qr", "rabbit_linepay", "shopeepay",
              "shopeepay_jumpapp", "grabpay", "paynow", "duitnow_qr", "fpx", "touch_n_go"]
             + [f"mobile_banking_{b}" for b in ("kbank", "scb", "bay", "bbl", "ktb")]
             + [f"installment_{b}" for b in ("bay", "bbl", "first_choice", "kbank", "ktc", "scb", "ttb", "uob")])
AMOUNTS = {"THB": 300000, "SGD": 10000, "MYR": 10000}


def expect_error(fn, message, code=None):
    try:
        fn()
    except omise.errors.BaseError as e:
        assert str(e) == message, (str(e), message)
        if code:
            assert type(e).__name__ == code, type(e).__name__
        return
    raise AssertionError(f"accepted; expected {message!r}")


def source_params(method, currency):
    p = {"type": method["name"], "amount": AMOUNTS[currency], "currency": currency}
    name = method["name"]
    if name == "truemoney":
        p["phone_number"] = "0812345678"
    if name.startswith("mobile_banking_"):
        p["platform_type"] = "IOS"
    if name.startswith("installment_"):
        p["installment_term"] = method["installment_terms"][0]
    if name == "fpx":
        p["bank"] = next(b["code"] for b in method["banks"] if b["active"])
        p["email"] = "shopper@example.my"
    return p


def test_omise_methods():
    omise.api_public = "pkey_test_kasir"
    omise.api_secret = "skey_test_kasir"
    cap = omise.Capability.retrieve()
    methods = {m["name"]: m for m in cap.payment_methods}  # plain dicts: the client has no payment_method class
    assert sorted(methods) == sorted(OPN_TYPES), sorted(set(methods) ^ set(OPN_TYPES))
    assert cap.limits.installment_amount.min == 200000
    made = 0
    for name in OPN_TYPES:
        m = methods[name]
        for currency in m["currencies"]:
            src = omise.Source.create(**source_params(m, currency))
            want = "offline" if name in OFFLINE else "app_redirect" if name in APP or name.startswith("mobile_banking_") else "redirect"
            assert src.flow == want, (name, src.flow, want)
            ch = omise.Charge.create(amount=src.amount, currency=currency, source=src.id, return_uri="http://shop.test/done")
            assert ch.status == "pending" and ch.expires_at, (name, ch.status)
            if want == "offline":
                img = ch.source.scannable_code.image
                with urllib.request.urlopen(img.download_uri, timeout=10) as r:
                    body = r.read()
                if name == "paynow":
                    assert img.filename == "qrcode.png" and body.startswith(b"\x89PNG"), name
                else:
                    assert img.filename == "qrcode.svg" and b"<svg" in body, name
            else:
                with urllib.request.urlopen(ch.authorize_uri, timeout=10) as r:
                    assert r.status == 200 and b'value="approve"' in r.read(), name
            made += 1
    assert made == len(OPN_TYPES) + 5, made  # shopeepay and shopeepay_jumpapp in THB, SGD, MYR; grabpay in SGD, MYR

    S = omise.Source.create
    expect_error(lambda: S(type="truemoney", amount=2000, currency="THB"), "phone_number is required")
    expect_error(lambda: S(type="truemoney", amount=2000, currency="THB", phone_number="12345"), "phone_number is invalid")
    expect_error(lambda: S(type="fpx", amount=10000, currency="MYR", bank="kbank", email="a@b.my"), "bank is not supported")
    expect_error(lambda: S(type="fpx", amount=10000, currency="MYR", bank="cimb", email="nope"), "email is in invalid format")
    expect_error(lambda: S(type="installment_kbank", amount=300000, currency="THB", installment_term=4),
                 "installment_term is not supported for this type")
    expect_error(lambda: S(type="installment_scb", amount=300000, currency="THB", installment_term=10),
                 "amount per month must be at least 50000 (thb subunits) for installment_scb")
    expect_error(lambda: S(type="mobile_banking_scb", amount=10000, currency="THB"), "platform_type is required")
    expect_error(lambda: S(type="mobile_banking_scb", amount=10000, currency="THB", platform_type="WEB"),
                 "platform_type must be IOS or ANDROID")
    expect_error(lambda: S(type="paynow", amount=10000, currency="MYR"), "currency is currently not supported")
    expect_error(lambda: omise.Charge.create(amount=2000, currency="THB", return_uri="http://shop.test/r",
                                             source={"type": "truemoney"}),
                 "phone_number is required", "InvalidChargeError")

    # the account without PromptPay and with RHB inactive: capability and sources follow
    status, _ = post_json(f"{BASE}/_sandbox/omise/capability", {"disabled": ["promptpay"], "inactive_banks": ["fpx:rhb"]})
    assert status == 200
    cap = omise.Capability.retrieve()
    names = [m["name"] for m in cap.payment_methods]
    assert "promptpay" not in names and "paynow" in names
    fpx = next(m for m in cap.payment_methods if m["name"] == "fpx")
    assert {"code": "rhb", "name": "RHB Now", "active": False} in fpx["banks"]
    expect_error(lambda: S(type="promptpay", amount=10000, currency="THB"), "type is currently not supported")
    expect_error(lambda: S(type="fpx", amount=10000, currency="MYR", bank="rhb", email="a@b.my"), "bank is currently unavailable")
    req = urllib.request.Request(f"{BASE}/_sandbox/omise/capability", method="DELETE")
    with urllib.request.urlopen(req, timeout=10) as r:
        assert r.status == 200
    assert "promptpay" in [m["name"] for m in omise.Capability.retrieve().payment_methods]
    print(f"omise-python 0.16.0: {made} sources and charges over {len(OPN_TYPES)} source types, errors: OK")


def stripe_encode(params, prefix=None):
    """Stripe's form encoding (stripe-python's _api_encode): nested keys in brackets, lists indexed."""
    out = []
    items = params.items() if isinstance(params, dict) else enumerate(params)
    for k, v in items:
        key = f"{prefix}[{k}]" if prefix else str(k)
        if isinstance(v, (dict, list)):
            out.extend(stripe_encode(v, key))
        elif isinstance(v, bool):
            out.append((key, "true" if v else "false"))
        elif v is not None:
            out.append((key, str(v)))
    return out


def stripe_post(path, params, key="sk_test_kasir"):
    body = urllib.parse.urlencode(stripe_encode(params)).encode()
    req = urllib.request.Request(f"{BASE}{path}", data=body, headers={
        "Authorization": f"Bearer {key}", "Content-Type": "application/x-www-form-urlencoded",
        "Stripe-Version": "2020-08-27"})
    try:
        with urllib.request.urlopen(req, timeout=10) as r:
            return r.status, json.loads(r.read())
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read())


# Every WooshPay row of the catalogue: (payment_method_type, currency, amount in minor units).
WOOSHPAY_ROWS = [("promptpay", "thb", 10000), ("truemoney", "thb", 10000), ("rabbit_line_pay", "thb", 10000),
                 ("shopeepay", "thb", 10000), ("shopeepay", "sgd", 10000), ("shopeepay", "myr", 10000),
                 ("grabpay", "sgd", 10000), ("grabpay", "myr", 10000), ("paynow", "sgd", 10000),
                 ("fpx", "myr", 10000), ("touchngo", "myr", 10000), ("qris", "idr", 15000000),
                 ("akulaku", "idr", 15000000)]


def test_wooshpay_methods():
    for wire, currency, amount in WOOSHPAY_ROWS:
        s, pi = stripe_post("/v1/payment_intents", {"amount": amount, "currency": currency,
                                                     "payment_method_types": [wire], "return_url": "http://shop.test/r",
                                                     "metadata": {"order": "o-1"}})
        assert s == 200, (wire, pi)
        s, c = stripe_post(f"/v1/payment_intents/{pi['id']}/confirm",
                           {"client_secret": pi["client_secret"], "payment_method_data": {"type": wire}}, "pk_test_kasir")
        assert s == 200 and c["status"] == "requires_action", (wire, c)
        na = c["next_action"]
        if wire == "qris":
            q = na["qris_display_qr_code"]
            assert na["type"] == "qris_display_qr_code" and q["expires_at"] > time.time(), na
            with urllib.request.urlopen(q["image_url_png"], timeout=10) as r:
                assert r.read().startswith(b"\x89PNG")
            with urllib.request.urlopen(q["image_url_svg"], timeout=10) as r:
                assert b"<svg" in r.read()
        else:
            assert na["type"] == f"{wire}_handle_redirect", na
            with urllib.request.urlopen(na[na["type"]]["url"], timeout=10) as r:
                assert b'value="approve"' in r.read()
    for params, code in [({"amount": 10000, "currency": "thb", "payment_method_types": ["qris"]}, "payment_method_currency_mismatch"),
                         ({"amount": 500001, "currency": "thb", "payment_method_types": ["promptpay"]}, "amount_too_large"),
                         ({"amount": 99, "currency": "idr", "payment_method_types": ["qris"]}, "amount_too_small")]:
        s, e = stripe_post("/v1/payment_intents", params)
        assert s == 400 and e["error"]["code"] == code, (params, e)
    print(f"WooshPay (Stripe form encoding): {len(WOOSHPAY_ROWS)} rows confirmed, errors: OK")


# Every ecommpay row: (force_payment_method, currency, min, max).
ECOMMPAY_ROWS = [("true-money", "THB", 10000, 50000000), ("promptpay", "THB", 50000, 50000000),
                 ("online-banking", "MYR", 5000, 5000000), ("touch-n-go", "MYR", 100, 5000000)]


def test_ecommpay_methods():
    gate = Gate(SECRET, f"{BASE}/payment")
    for n, (code, currency, lo, hi) in enumerate(ECOMMPAY_ROWS):
        for amount, ok in [(lo, True), (hi, True), (lo - 1, False), (hi + 1, False)]:
            payment = Payment(str(PROJECT), f"py-{code}-{amount}-{int(time.time() * 1000)}")
            payment.payment_amount = amount
            payment.payment_currency = currency
            payment.customer_id = "customer 1"
            payment.force_payment_method = code
            url = gate.get_purchase_payment_page_url(payment)
            try:
                with urllib.request.urlopen(url, timeout=10) as r:
                    assert ok and r.status == 200 and b'value="approve"' in r.read(), (code, amount)
            except urllib.error.HTTPError as e:
                assert not ok and e.code == 400, (code, amount, e.code)
    print(f"ecommpay-sdk 1.0.6: Payment Page URLs for {len(ECOMMPAY_ROWS)} codes, limits: OK")


if __name__ == "__main__":
    test_omise()
    test_omise_methods()
    test_wooshpay_methods()
    test_ecommpay()
    test_ecommpay_methods()
    print("all official client checks passed")
