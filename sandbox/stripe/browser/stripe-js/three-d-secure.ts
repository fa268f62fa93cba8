/* 3-D Secure as Stripe.js shows it: a modal over the page with the bank's challenge in an
   iframe (named "stripe-challenge-frame", as on Stripe), here the emulator's test page with
   "Complete authentication" / "Fail authentication". */
import { THREE_DS_MESSAGE } from '../protocol';
import type { Intent } from './api';
import { API_ORIGIN, isObject, navigateAway } from './util';

function runChallenge(url: string, source: unknown): Promise<void> {
  return new Promise((resolve) => {
    const overlay = document.createElement('div');
    overlay.setAttribute('data-stripe-sandbox', '3ds-modal');
    overlay.setAttribute('role', 'dialog');
    overlay.setAttribute('aria-modal', 'true');
    overlay.setAttribute('aria-label', '3D Secure authentication');
    overlay.style.cssText =
      'position: fixed !important; inset: 0 !important; z-index: 2147483647 !important; background: rgba(0, 0, 0, 0.45) !important; display: flex !important; align-items: center !important; justify-content: center !important;';
    const box = document.createElement('div');
    box.style.cssText =
      'background: #fff; border-radius: 8px; overflow: hidden; width: min(500px, 96vw); height: min(620px, 92vh); box-shadow: 0 10px 40px rgba(0,0,0,.3);';
    const iframe = document.createElement('iframe');
    iframe.name = 'stripe-challenge-frame';
    iframe.title = '3D Secure authentication';
    iframe.style.cssText = 'border: 0; width: 100%; height: 100%;';
    iframe.src = `${url}${url.includes('?') ? '&' : '?'}frame=1&origin=${encodeURIComponent(window.location.origin)}`;
    box.appendChild(iframe);
    overlay.appendChild(box);
    document.body.appendChild(overlay);
    const onMessage = (event: MessageEvent<unknown>) => {
      const data = event.data;
      if (event.origin !== API_ORIGIN || !isObject(data) || data.type !== THREE_DS_MESSAGE || data.source !== source) return;
      window.removeEventListener('message', onMessage);
      overlay.parentNode?.removeChild(overlay);
      resolve();
    };
    window.addEventListener('message', onMessage);
  });
}

/**
 * Performs an intent's `next_action`: the modal for `use_stripe_sdk`, a full-page redirect for
 * `redirect_to_url` (the returned promise then never settles, as the page leaves).
 */
export function performNextAction(intent: Intent): Promise<void> {
  const action = intent.next_action;
  if (!action) return Promise.resolve();
  const redirect = action.redirect_to_url;
  if (action.type === 'redirect_to_url' && isObject(redirect)) return navigateAway(String(redirect.url));
  const sdk = action.use_stripe_sdk;
  if (action.type === 'use_stripe_sdk' && isObject(sdk)) return runChallenge(String(sdk.stripe_js), sdk.source);
  return Promise.resolve();
}
