// The AdyenCheckout options of both Adyen bench pages (bench/run.mjs renders them in).
{
      clientKey: "test_KASIRBENCHKASIRBENCHKASIRBENC", environment: "test", locale: "en-US",
      countryCode: "TH", amount: { value: 400000, currency: "THB" },
      paymentMethodsResponse: {{PAYMENT_METHODS}},
      analytics: { enabled: false },
      onError: function (e) { window.__errors.push(String(e && e.message || e)); },
      onSubmit: function (state, component, actions) { actions.reject(); },
    }
