import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Test-only: a page on its own origin that loads the emulator's Stripe.js, and a browser. */
const require = createRequire(import.meta.url);
const stripeJsModule = readFileSync(path.join(path.dirname(require.resolve('@stripe/stripe-js')), '..', 'dist', 'index.mjs'), 'utf8');

export function hostPage(stripeUrl: string, publishableKey: string): string {
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>Host</title>
<script src="${stripeUrl}/v3/"></script>
</head><body>
<div id="card"></div><div id="payment"></div>
<script type="module">
  import { loadStripe } from '/stripe-js.mjs';
  window.events = [];
  window.warnings = [];
  const warn = console.warn;
  console.warn = (...args) => { window.warnings.push(args.join(' ')); warn(...args); };
  window.stripe = await loadStripe(${JSON.stringify(publishableKey)});
  window.track = (element, name) => {
    element.on('ready', (e) => window.events.push({ name, kind: 'ready', e }));
    element.on('change', (e) => window.events.push({ name, kind: 'change', e }));
    return element;
  };
  window.pageReady = true;
</script>
</body></html>`;
}

export type HostServer = { url: string; close: () => Promise<void> };

export async function serveHostPage(html: string): Promise<HostServer> {
  const server = http.createServer((req, res) => {
    if (req.url === '/stripe-js.mjs') {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      return res.end(stripeJsModule);
    }
    if (req.url?.startsWith('/return')) {
      res.writeHead(200, { 'content-type': 'text/html' });
      return res.end('<!doctype html><title>Returned</title><h1>Returned</h1>');
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'],
  });
}

export async function openHost(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { pageReady?: boolean }).pageReady === true);
  return page;
}
