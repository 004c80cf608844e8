// Type definitions for Kasir, the embeddable checkout: window.Kasir (kasir.js), loadKasir()
// (the ES module) and the <kasir-checkout> element. React: @kasir/checkout/react (react.d.ts).
// Amounts are integers in minor units (400000 THB = ฿4,000.00).

/** The PSP the widget talks to ("opn" is accepted as an alias of "omise"). */
export type KasirProvider = "omise" | "opn" | "wooshpay" | "ecommpay";
/** Provider as reported back in events and results (aliases resolved). */
export type KasirReportedProvider = "omise" | "wooshpay" | "ecommpay";
export type KasirMethod =
  | "promptpay" | "truemoney" | "truemoney_qr" | "rabbit_linepay" | "shopeepay"
  | "mobile_banking" | "installment" | "grabpay" | "paynow" | "duitnow_qr" | "fpx"
  | "touch_n_go" | "qris" | "akulaku";
export type KasirCurrency =
  | "THB" | "IDR" | "SGD" | "MYR" | "PHP" | "USD" | "EUR" | "GBP" | "JPY" | "KRW" | "VND";
export type KasirLocale = "en" | "th" | "id" | "ko" | "ru" | "ja";
export type KasirTheme = "light" | "dark" | "auto";

/** Codes of `kasir:error` / failures; a PSP's own code (e.g. "failed_processing") otherwise. */
export type KasirErrorCode =
  | "secret_key_in_browser" | "missing_public_key" | "invalid_amount" | "unknown_provider"
  | "unknown_method" | "unknown_currency" | "missing_create_payment" | "invalid_target"
  | "already_mounted" | "insecure_redirect" | "network_error" | "invalid_response"
  | "no_method_available" | "merchant_error" | "unknown_string" | "invalid_appearance"
  | "invalid_parent_origin" | "invalid_option" | "payment_finished" | "payment_mismatch"
  | "integrity_failed" | "provider_not_built"
  | (string & {});

/** The PSP's own object (Opn charge, WooshPay payment intent / checkout session, ecommpay answer). */
export interface KasirPayment {
  id?: string;
  object?: string;
  status?: string;
  [field: string]: unknown;
}

/** An Opn source (only Opn creates one in the browser). */
export interface KasirSource {
  id: string;
  object: "source";
  type: string;
  [field: string]: unknown;
}

/** What `createPayment` receives (and what is POSTed as JSON to `createPaymentUrl`). */
export interface KasirCreatePaymentRequest {
  provider: KasirReportedProvider;
  method: KasirMethod;
  amount: number;
  currency: KasirCurrency;
  /** The Opn source created in the browser; null for other providers. */
  source: KasirSource | null;
  returnUrl: string | null;
  /** Send it to the PSP as the Idempotency-Key header of your create call (the widget's own
   * browser-side calls, e.g. WooshPay's /confirm, use keys derived from it, one per endpoint). */
  idempotencyKey: string;
  /** The `orderId` option, when given: price the payment from this order on your server. */
  orderId?: string;
  device: { mobile: boolean; os: "android" | "ios" | "other" };
}

/** `detail` of every `kasir:*` event and the argument of every `on*` callback. */
export interface KasirEventDetail {
  provider: KasirReportedProvider;
  /** The selected method; null before one is selected. */
  method: KasirMethod | null;
  /** `kasir:source`: the Opn source; pending / success / failure / expired / cancel: the PSP object. */
  payment?: KasirPayment;
  /** `kasir:error`, `kasir:failure`. */
  code?: KasirErrorCode;
  message?: string;
}

export type KasirCallback = (detail: KasirEventDetail) => void;
/** Custom properties of the stylesheet, e.g. `{"--kasir-accent": "#0a7"}`. */
export type KasirAppearance = Record<`--kasir-${string}`, string>;

export interface KasirOptions {
  provider: KasirProvider;
  /** Opn `pkey_…` / WooshPay `pk_…`; a secret key is refused (`secret_key_in_browser`). */
  publicKey?: string;
  /** ecommpay project id. */
  projectId?: string | number;
  /** PSP base URL (default: the PSP's live API). */
  apiBase?: string;
  /** Positive integer in minor units. */
  amount: number;
  currency: KasirCurrency;
  /** Allow-list of methods (order of the catalogue is kept). */
  methods?: KasirMethod[];
  /** Default: from navigator.language, else "en". */
  locale?: KasirLocale;
  /** Where the shopper comes back after a redirect (default: this page). */
  returnUrl?: string;
  /** WooshPay: the client secret of a payment intent your server already created. */
  clientSecret?: string;
  /** Your order's id, sent to `createPayment` as `orderId`: your server prices the payment from its own order, never from what the browser sends. */
  orderId?: string;
  /** Your server creates the payment (secret key) and returns the PSP object. */
  createPayment?: (request: KasirCreatePaymentRequest) => KasirPayment | Promise<KasirPayment>;
  /** Your server returns the payment's current state (polled). */
  retrievePayment?: (payment: KasirPayment) => KasirPayment | Promise<KasirPayment>;
  /** POSTed the request as JSON instead of `createPayment`. */
  createPaymentUrl?: string;
  /** GET `?id=<payment id>` instead of `retrievePayment`. */
  retrievePaymentUrl?: string;
  /** Called when the shopper abandons a pending payment. */
  cancelPayment?: (payment: KasirPayment) => void;
  /** Window name for redirects (default "_self", "_top" inside an iframe). */
  redirectTarget?: "_self" | "_top" | "_blank" | "_parent" | (string & {});
  theme?: KasirTheme;
  appearance?: KasirAppearance;
  /** Overrides of UI strings by dotted key, e.g. `{"pay.button": "Pay now"}`. */
  strings?: Record<string, string>;
  /** Inside an iframe: the exact origin to report to with postMessage (never "*"). */
  parentOrigin?: string;
  /** Opn only: the account's `GET /capability` answer, fetched by your server with your key and
   * rendered into the page (as Adyen's `paymentMethodsResponse`). The widget then sends no
   * capability request and draws the picker while it mounts. Anything that is not a capability
   * object, or one given for another provider, is refused with `invalid_option`. */
  capability?: { object: "capability"; payment_methods: object[]; [key: string]: unknown };
  onReady?: KasirCallback;
  onSelect?: KasirCallback;
  onSource?: KasirCallback;
  onPending?: KasirCallback;
  onSuccess?: KasirCallback;
  onFailure?: KasirCallback;
  onExpired?: KasirCallback;
  /** `kasir:timeout`: still no final answer from the PSP at the polling bound (not an outcome). */
  onTimeout?: KasirCallback;
  onCancel?: KasirCallback;
  onError?: KasirCallback;
}

export type KasirStatus = "succeeded" | "failed" | "expired" | "canceled";

export interface KasirResult {
  status: KasirStatus;
  provider: KasirReportedProvider;
  method: KasirMethod | null;
  payment: KasirPayment;
  code?: KasirErrorCode;
  message?: string;
}

/** What `Kasir.mount` resolves to. */
export interface Checkout {
  /** Removes the widget, stops timers and polling. */
  destroy(): void;
  /** Settles once, with the final outcome. */
  result: Promise<KasirResult>;
  element: HTMLElement;
}

/** What `Kasir.mount` rejects with. */
export interface KasirMountError {
  code: KasirErrorCode;
  message: string;
}

export interface KasirStatic {
  /** Mount into an element or a CSS selector; rejects with a {@link KasirMountError}. */
  mount(target: HTMLElement | string, options: KasirOptions): Promise<Checkout>;
  /** Start loading the wasm, glue and stylesheet ahead of mount: the build for `provider`
   * ("omise" when not given; each provider has its own wasm). */
  preload(provider?: KasirProvider): Promise<void>;
  /** The stylesheet's URL (a shadow root that hosts a widget links it). */
  css: string;
}

/** The same object as `window.Kasir`. */
export type Kasir = KasirStatic;

export interface KasirLoadOptions {
  /** Load this kasir.js (a CDN copy) by script tag instead of the bundled files. */
  src?: string;
  /** The `sha256-…` of that kasir.js (dist/integrity.json); sets crossorigin="anonymous". */
  integrity?: string;
}

/** Why {@link loadKasir} rejected. */
export declare class KasirLoadError extends Error {
  readonly name: "KasirLoadError";
  /** "no_browser": called without a window (server rendering); "script_failed": `src` did not load. */
  readonly code: "no_browser" | "script_failed" | KasirErrorCode;
  constructor(code: string, message: string);
}

/** `import { loadKasir } from "@kasir/checkout"`: the Kasir API once the widget can load (it
 * also defines `window.Kasir` and `<kasir-checkout>`); rejects with a {@link KasirLoadError}. */
export declare function loadKasir(options?: KasirLoadOptions): Promise<Kasir>;

/** `<kasir-checkout provider="omise" public-key="pkey_…" amount="400000" currency="THB" …>`:
 * every option that is not a function, as its kebab-case attribute (the `data-*` names without
 * `data-`). Mounts when connected, is destroyed when removed, re-renders when `amount`,
 * `currency` or `locale` change; the `kasir:*` events bubble from it. */
export interface KasirCheckoutElement extends HTMLElement {}

export type KasirEventName =
  | "kasir:ready" | "kasir:select" | "kasir:source" | "kasir:pending" | "kasir:success"
  | "kasir:failure" | "kasir:expired" | "kasir:cancel" | "kasir:error"
  /** Polling reached its bound (the PSP's expiry + 60 s, or 30 min) without a final answer:
   * the shopper sees "Still confirming" with "Check again". Not an outcome. */
  | "kasir:timeout";

export type KasirEvent = CustomEvent<KasirEventDetail>;

declare global {
  interface HTMLElementEventMap extends Record<KasirEventName, KasirEvent> {}
  interface HTMLElementTagNameMap {
    "kasir-checkout": KasirCheckoutElement;
  }
  interface Window {
    Kasir: KasirStatic;
  }
  var Kasir: KasirStatic;
}
