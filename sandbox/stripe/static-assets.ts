import { readFileSync } from 'node:fs';
import { sendHtml } from '../http';
import { type Router } from '../router';
import { STRIPE_JS_VERSION } from './config';

/**
 * The fake Stripe.js and the element iframes, plain browser JavaScript read from
 * `browser/` (no build step). Stripe.js is served as one script: its parts joined inside
 * one function, with the emulator's URL filled in.
 */
const STRIPE_JS_PARTS = ['util.js', 'api.js', 'frames.js', 'element.js', 'elements.js', 'three-d-secure.js', 'confirm.js', 'stripe.js'];
const FRAME_ASSETS = ['frame.css', 'frame-common.js', 'card-frame.js', 'payment-frame.js'];

const read = (name: string): string => readFileSync(new URL(`./browser/${name}`, import.meta.url), 'utf8');

export function stripeJsSource(publicUrl: string): string {
  const config = JSON.stringify({ apiUrl: publicUrl.replace(/\/$/, ''), version: STRIPE_JS_VERSION });
  const parts = STRIPE_JS_PARTS.map((name) => `// ---- ${name}\n${read(name)}`).join('\n');
  return `/* Sandbox Stripe.js (card portal sandbox; not Stripe's code). */\n(function () {\n'use strict';\nvar SANDBOX = ${config};\n${parts}\n})();\n`;
}

const JS = 'application/javascript; charset=utf-8';
const noCache = { 'cache-control': 'no-cache', 'access-control-allow-origin': '*' };

function frameHtml(kind: 'card' | 'payment'): string {
  const title = kind === 'card' ? 'Secure card payment input frame' : 'Secure payment input frame';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/elements/assets/frame.css"></head>
<body class="${kind}"><div id="root"></div>
<script src="/elements/assets/frame-common.js"></script>
<script src="/elements/assets/${kind}-frame.js"></script>
</body></html>`;
}

export function registerStaticAssets(router: Router, publicUrl: string): void {
  const serveStripeJs = (res: Parameters<Parameters<Router['get']>[1]>[0]['res']) => {
    const body = stripeJsSource(publicUrl);
    res.writeHead(200, { 'content-type': JS, 'content-length': Buffer.byteLength(body), ...noCache });
    res.end(body);
  };
  router.get('/v3', (ctx) => serveStripeJs(ctx.res));
  router.get('/v3/', (ctx) => serveStripeJs(ctx.res));
  router.get('/v3/stripe.js', (ctx) => serveStripeJs(ctx.res));
  router.get(`/${STRIPE_JS_VERSION}/stripe.js`, (ctx) => serveStripeJs(ctx.res));
  router.get('/elements/card', (ctx) => sendHtml(ctx.res, 200, frameHtml('card'), { 'cache-control': 'no-cache' }));
  router.get('/elements/payment', (ctx) => sendHtml(ctx.res, 200, frameHtml('payment'), { 'cache-control': 'no-cache' }));
  router.get('/elements/assets/:name', (ctx) => {
    const name = ctx.params.name ?? '';
    if (!FRAME_ASSETS.includes(name)) return sendHtml(ctx.res, 404, 'Not found');
    const body = read(name);
    const type = name.endsWith('.css') ? 'text/css; charset=utf-8' : JS;
    ctx.res.writeHead(200, { 'content-type': type, 'content-length': Buffer.byteLength(body), ...noCache });
    ctx.res.end(body);
  });
}
