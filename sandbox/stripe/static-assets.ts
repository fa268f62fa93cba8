import { readFileSync } from 'node:fs';
import type http from 'node:http';
import { sendHtml } from '../http';
import type { Router } from '../router';
import { browserBundles, stripeJsFor } from './browser-bundle';
import { STRIPE_JS_VERSION } from './config';

/**
 * What the browser loads from the emulator: the fake Stripe.js and the element iframes. Their
 * scripts are TypeScript under browser/, bundled at first use (browser-bundle.ts).
 */
const JS = 'application/javascript; charset=utf-8';
const noCache = { 'cache-control': 'no-cache', 'access-control-allow-origin': '*' };
const FRAME_CSS = readFileSync(new URL('./browser/frame.css', import.meta.url), 'utf8');

function frameHtml(kind: 'card' | 'payment'): string {
  const title = kind === 'card' ? 'Secure card payment input frame' : 'Secure payment input frame';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/elements/assets/frame.css"></head>
<body class="${kind}"><div id="root"></div>
<script src="/elements/assets/${kind}-frame.js"></script>
</body></html>`;
}

function send(res: http.ServerResponse, type: string, body: string): void {
  res.writeHead(200, { 'content-type': type, 'content-length': Buffer.byteLength(body), ...noCache });
  res.end(body);
}

export function registerStaticAssets(router: Router, publicUrl: string): void {
  const serveStripeJs = async ({ res }: { res: http.ServerResponse }) =>
    send(res, JS, stripeJsFor((await browserBundles()).stripeJs, publicUrl, STRIPE_JS_VERSION));
  for (const path of ['/v3', '/v3/', '/v3/stripe.js', `/${STRIPE_JS_VERSION}/stripe.js`]) router.get(path, serveStripeJs);
  router.get('/elements/card', (ctx) => sendHtml(ctx.res, 200, frameHtml('card'), { 'cache-control': 'no-cache' }));
  router.get('/elements/payment', (ctx) => sendHtml(ctx.res, 200, frameHtml('payment'), { 'cache-control': 'no-cache' }));
  router.get('/elements/assets/frame.css', (ctx) => send(ctx.res, 'text/css; charset=utf-8', FRAME_CSS));
  router.get('/elements/assets/card-frame.js', async (ctx) => send(ctx.res, JS, (await browserBundles()).cardFrame));
  router.get('/elements/assets/payment-frame.js', async (ctx) => send(ctx.res, JS, (await browserBundles()).paymentFrame));
}
