// Adyen Web as a merchant's bundler builds it (issue 13's reference): the ESM build, tree-shaken
// to the Drop-in with the components a Thai checkout registers, + adyen.css. bench/run.mjs
// bundles this with esbuild (minified, one IIFE file + one stylesheet) into target/bench/adyen-esm/.
import { AdyenCheckout, Dropin, Card, PromptPay, Redirect } from "@adyen/adyen-web";
import "@adyen/adyen-web/styles/adyen.css";

window.AdyenEsm = { AdyenCheckout, Dropin, Card, PromptPay, Redirect };
