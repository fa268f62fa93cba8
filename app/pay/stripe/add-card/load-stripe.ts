import type { Stripe } from '@stripe/stripe-js';
// The pure entry injects nothing on import; it loads Stripe.js only when loadStripe is called.
import { loadStripe } from '@stripe/stripe-js/pure';

let loading: { key: string; promise: Promise<Stripe> } | null = null;

/** The sandbox's Stripe.js, run before `loadStripe`, which then finds `window.Stripe` and uses it. */
function runScript(src: string): Promise<void> {
  if (window.Stripe) return Promise.resolve();
  return new Promise((resolve, reject) => {
    document.querySelectorAll('script[data-stripe-sandbox]').forEach((old) => old.remove());
    const script = document.createElement('script');
    script.src = src;
    script.async = true;
    script.dataset.stripeSandbox = '';
    script.onload = () => (window.Stripe ? resolve() : reject(new Error('Stripe.js not available')));
    script.onerror = () => reject(new Error('Failed to load Stripe.js'));
    document.head.appendChild(script);
  });
}

/**
 * Stripe.js, once per key and locale; a failure is forgotten so "Try again" loads it anew.
 * `stripeJsUrl` is set only in sandbox mode; with real keys `loadStripe` loads js.stripe.com.
 */
export function openStripe(publishableKey: string, stripeJsUrl: string | null, locale: 'da' | 'en'): Promise<Stripe> {
  const key = `${publishableKey}|${locale}`;
  if (loading?.key === key) return loading.promise;
  const promise = (async () => {
    if (stripeJsUrl) await runScript(stripeJsUrl);
    const stripe = await loadStripe(publishableKey, { locale });
    if (!stripe) throw new Error('Stripe.js not available');
    return stripe;
  })();
  loading = { key, promise };
  promise.catch(() => {
    if (loading?.promise === promise) loading = null;
  });
  return promise;
}
