// @kasir/checkout/react: <KasirCheckout {...options} onSuccess={…}/>. React is a peer
// dependency (not bundled). One widget per mounted component: under <React.StrictMode> the
// effect runs, is cleaned up and runs again before the widget has loaded, so the first run
// never mounts (and a mount that lands after its cleanup is destroyed at once); unmounting
// destroys the widget (its timers and polling stop). Only a change of an option that is not a
// function re-mounts it; the callbacks and hooks are always the latest props'.
import React from "react";
import { loadKasir } from "./index.mjs";

const own = new Set(["className", "id", "src", "integrity"]);

export function KasirCheckout(props) {
  const ref = React.useRef(null);
  const latest = React.useRef(props);
  latest.current = props;
  const data = {};
  const fns = [];
  for (const [k, v] of Object.entries(props)) {
    if (own.has(k) || k === "children") continue;
    if (typeof v === "function") fns.push(k);
    else data[k] = v;
  }
  const key = JSON.stringify(data) + fns.sort().join();
  React.useEffect(() => {
    let live = true;
    let checkout = null;
    const options = { ...data };
    for (const k of fns) options[k] = (...args) => latest.current[k]?.(...args);
    const { src, integrity } = latest.current;
    loadKasir(src ? { src, integrity } : {})
      .then((kasir) => (live ? kasir.mount(ref.current, options) : null))
      .then((c) => { if (!c) return; if (live) checkout = c; else c.destroy(); })
      .catch(() => {}); // reported as kasir:error / onError
    return () => { live = false; checkout?.destroy(); };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return React.createElement("div", { ref, className: props.className, id: props.id });
}
