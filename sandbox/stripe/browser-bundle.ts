import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/**
 * The fake Stripe.js and the element iframes' scripts are TypeScript (browser/), bundled with
 * esbuild the first time one is served, once per process: every emulator in the process shares
 * the result. Stripe.js needs the emulator's URL; the bundle leaves `SANDBOX` free and
 * `stripeJsFor()` wraps it in a function that passes it in.
 */
export type BrowserBundles = { stripeJs: string; cardFrame: string; paymentFrame: string };

const ENTRIES = {
  stripeJs: 'browser/stripe-js/stripe.ts',
  cardFrame: 'browser/frames/card-frame.ts',
  paymentFrame: 'browser/frames/payment-frame.ts',
} as const;

async function bundle(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL(entry, import.meta.url))],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: ['es2020'],
    legalComments: 'none',
    logLevel: 'silent',
  });
  const out = result.outputFiles[0];
  if (!out) throw new Error(`esbuild produced nothing for ${entry}`);
  return out.text;
}

let cached: Promise<BrowserBundles> | null = null;

export function browserBundles(): Promise<BrowserBundles> {
  cached ??= Promise.all([bundle(ENTRIES.stripeJs), bundle(ENTRIES.cardFrame), bundle(ENTRIES.paymentFrame)])
    .then(([stripeJs, cardFrame, paymentFrame]) => ({ stripeJs, cardFrame, paymentFrame }))
    .catch((err: unknown) => {
      cached = null; // a failed build is tried again on the next request
      throw err;
    });
  return cached;
}

/** Stripe.js for one emulator: the shared bundle with that emulator's URL and release train. */
export function stripeJsFor(bundleText: string, apiUrl: string, version: string): string {
  const config = JSON.stringify({ apiUrl: apiUrl.replace(/\/$/, ''), version });
  return `/* Sandbox Stripe.js (card portal sandbox; not Stripe's code). */\n(function (SANDBOX) {\n${bundleText}})(${config});\n`;
}
