// Development page: remount the widget with the switcher's options and log its events.
(function () {
  var form = document.getElementById("switcher");
  var target = document.getElementById("checkout");
  var log = document.getElementById("log");
  var current = null;
  ["ready", "select", "source", "pending", "success", "failure", "expired", "cancel", "error", "timeout"].forEach(function (name) {
    target.addEventListener("kasir:" + name, function (e) {
      var li = document.createElement("li");
      li.textContent = "kasir:" + name + " " + JSON.stringify(e.detail);
      log.prepend(li);
    });
  });
  function mount() {
    var f = new FormData(form);
    var provider = f.get("provider");
    var opts = {
      provider: provider,
      publicKey: provider === "wooshpay" ? "pk_test_kasir" : "pkey_test_kasir",
      projectId: 4242,
      apiBase: location.origin,
      amount: Number(f.get("amount")),
      currency: f.get("currency"),
      returnUrl: location.href,
      createPaymentUrl: "/shop/api/" + provider + (provider === "omise" ? "/charges" : provider === "wooshpay" ? "/payment_intents" : "/gate"),
      retrievePaymentUrl: "/shop/api/" + provider + (provider === "omise" ? "/charges" : provider === "wooshpay" ? "/payment_intents" : "/gate"),
    };
    var methods = String(f.get("methods") || "").trim();
    if (methods) opts.methods = methods.split(",").map(function (s) { return s.trim(); });
    if (f.get("locale")) opts.locale = f.get("locale");
    if (current) current.destroy();
    current = null;
    // the shop prices every payment from an order on its server: make one for these options
    // with the sandbox's test control (a real shop computes it from the cart)
    fetch("/_sandbox/orders", {
      method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ amount: opts.amount, currency: opts.currency, provider: provider }),
    }).then(function (r) { return r.json(); }).then(function (order) {
      if (order.id) opts.orderId = order.id;
      return Kasir.mount(target, opts);
    }).then(function (c) { current = c; }, function (e) { console.error(e); });
  }
  form.addEventListener("submit", function (e) { e.preventDefault(); mount(); });
  mount();
})();
