// Types of @kasir/checkout/react.
import type { ReactElement } from "react";
import type { KasirOptions } from "./kasir.js";

/** The mount options plus the `on*` callbacks (`KasirOptions`), and the host `<div>`'s
 * `className` / `id`; `src` / `integrity` load a CDN copy of kasir.js (as `loadKasir`). */
export interface KasirCheckoutProps extends KasirOptions {
  className?: string;
  id?: string;
  src?: string;
  integrity?: string;
}

/** The checkout in a `<div>`: one widget per mounted component (also under StrictMode),
 * destroyed on unmount; a change of a non-function prop re-mounts it. */
export declare function KasirCheckout(props: KasirCheckoutProps): ReactElement;
