import { expect, test } from '@playwright/test';
import Stripe from 'stripe';
import { sandboxSecrets } from '../lib/env/sandbox-defaults';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { AppProcess } from './support/app-process';
import { E2E } from './support/ports';
import { OutageProxy } from './support/outage-proxy';

/**
 * Each provider failing, asked for by a page first and a route after, and the other way round,
 * each order in a fresh app process (Next bundles pages, routes and instrumentation apart; an
 * error class built by one bundle must still be recognised by the others). Every answer is the
 * designed one, never a 500.
 */
const { appPort: APP_PORT, sandboxPort: SANDBOX_PORT } = E2E.outage;
let sandbox: Sandbox;
const proxies: Record<'fenerum' | 'quickpay' | 'stripe', OutageProxy> = {} as never;
const urls: Record<string, string> = {};

test.describe.configure({ mode: 'serial', timeout: 120_000 });

test.beforeAll(async () => {
  sandbox = await startSandbox({ portBase: SANDBOX_PORT, appUrl: `http://localhost:${APP_PORT}`, fast: true });
  const outageBodies = {
    fenerum: { detail: 'Service unavailable' },
    quickpay: { message: 'Service unavailable', errors: {}, error_code: null },
    stripe: { error: { type: 'api_error', message: 'Service unavailable' } },
  };
  for (const name of ['fenerum', 'quickpay', 'stripe'] as const) {
    proxies[name] = new OutageProxy(sandbox.urls[name], outageBodies[name]);
    urls[name] = await proxies[name].start();
  }
});

test.afterAll(async () => {
  await Promise.all(Object.values(proxies).map((p) => p.stop()));
  await sandbox?.stop();
});

async function startApp(): Promise<AppProcess> {
  const app = new AppProcess(APP_PORT, {
    SANDBOX_PORT: String(SANDBOX_PORT),
    FENERUM_API_URL: `${urls.fenerum}/api/v1`,
    QUICKPAY_API_URL: urls.quickpay ?? '',
    STRIPE_API_URL: urls.stripe ?? '',
    PGLITE_DIR: 'memory://', // a fresh database per app, nothing left on disk
    FENERUM_RATE_LIMIT_PER_MINUTE: '600',
  });
  await app.start();
  return app;
}

/** A customer session for `account`, opened as a customer opens their link. */
async function sessionFor(app: AppProcess, account: string): Promise<string> {
  const res = await fetch(`${app.url}/api/links`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${sandboxSecrets.PORTAL_API_KEY}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ account }),
  });
  const { url } = (await res.json()) as { url: string };
  const opened = await fetch(url.replace(/^https?:\/\/[^/]+/, app.url), { redirect: 'manual', headers: { 'Sec-Fetch-Site': 'none' } });
  return opened.headers.get('set-cookie')?.split(';')[0] ?? '';
}

/** Everything the outage checks need, made while every provider is up. */
async function prepare(app: AppProcess) {
  const cookie = await sessionFor(app, 'CUST003');
  const freshCookie = await sessionFor(app, 'CUST005'); // its cards are never cached before Fenerum fails
  const post = (path: string, body?: unknown) =>
    fetch(`${app.url}${path}`, {
      method: 'POST',
      headers: { cookie, origin: app.url, ...(body ? { 'Content-Type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
  const { setupIntentId } = (await (await post('/api/create-setup-intent')).json()) as { setupIntentId: string };
  const { url: windowUrl } = (await (await post('/api/create-quickpay-link')).json()) as { url: string };
  const token = new URL(windowUrl).pathname.split('/')[2];
  const cancel = await fetch(new URL(`/window/${token}/cancel`, windowUrl), { redirect: 'manual' });
  const registrationId = new URL(cancel.headers.get('location') ?? '', app.url).searchParams.get('r') ?? '';
  expect(setupIntentId).toMatch(/^seti_/);
  expect(registrationId).toMatch(/^[0-9a-f-]{36}$/);
  // As a browser navigates from the portal's own pages.
  const get = (path: string, c = cookie) =>
    fetch(`${app.url}${path}`, { headers: { cookie: c, 'Sec-Fetch-Site': 'same-origin', 'Sec-Fetch-Dest': 'document' } });
  return { post, get, freshCookie, setupIntentId, registrationId };
}

type Prepared = Awaited<ReturnType<typeof prepare>>;

async function expectPages({ get, freshCookie, setupIntentId, registrationId }: Prepared) {
  proxies.fenerum.down();
  const portal = await get('/pay', freshCookie);
  expect(portal.status).toBe(200);
  expect(await portal.text()).toContain('We could not load your cards just now');
  proxies.fenerum.up();

  proxies.quickpay.down();
  const qpReturn = await get(`/pay/quickpay/return?r=${registrationId}`);
  expect(qpReturn.status).toBe(200);
  expect(await qpReturn.text()).toContain('Finishing');
  proxies.quickpay.up();

  proxies.stripe.down();
  const stripeReturn = await get(`/pay/stripe/return?setup_intent=${setupIntentId}`);
  expect(stripeReturn.status).toBe(200);
  expect(await stripeReturn.text()).toContain('Finishing');
  proxies.stripe.up();
}

async function expectRoutes(app: AppProcess, { post, get, setupIntentId }: Prepared) {
  const links = (account: string) =>
    fetch(`${app.url}/api/links`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${sandboxSecrets.PORTAL_API_KEY}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ account }),
    });
  expect((await links('NO-SUCH-ACCOUNT')).status).toBe(404);
  proxies.fenerum.down();
  const outage = await links('CUST001');
  expect(outage.status).toBe(503);
  expect(await outage.json()).toEqual({ error: 'Fenerum is not answering right now; please try again in a minute', code: 'provider-unavailable' });
  proxies.fenerum.up();

  proxies.quickpay.down();
  expect((await post('/api/create-quickpay-link')).status).toBe(503);
  const plainLink = await get('/add-payment-card');
  expect(plainLink.status).toBe(503);
  expect(await plainLink.text()).toContain('QuickPay is not available right now');
  proxies.quickpay.up();

  proxies.stripe.down();
  expect((await post('/api/create-setup-intent')).status).toBe(503);
  expect((await post('/api/register-payment-card', { setupIntentId })).status).toBe(503);
  proxies.stripe.up();
}

test('a page first, then the routes: each provider down gets the designed answer', async () => {
  const app = await startApp();
  try {
    const prepared = await prepare(app);
    await expectPages(prepared);
    await expectRoutes(app, prepared);
  } finally {
    await app.kill('SIGTERM');
  }
});

test('the routes first, then a page: each provider down gets the designed answer', async () => {
  const app = await startApp();
  try {
    const prepared = await prepare(app);
    await expectRoutes(app, prepared);
    await expectPages(prepared);
  } finally {
    await app.kill('SIGTERM');
  }
});

test('a card Fenerum refuses for good (400) fails after one attempt and the customer is told to try another card', async () => {
  const app = await startApp();
  try {
    const { post } = await prepare(app);
    const { setupIntentId } = (await (await post('/api/create-setup-intent')).json()) as { setupIntentId: string };
    // What Stripe.js does in the browser once the customer has entered a card.
    const stripe = new Stripe(sandboxSecrets.STRIPE_SECRET_KEY, { host: 'localhost', port: SANDBOX_PORT + 1, protocol: 'http' });
    await stripe.setupIntents.confirm(setupIntentId, { payment_method: 'pm_card_visa' });
    const failNext = (value: unknown) =>
      fetch(`${sandbox.urls.fenerum}/__sandbox/settings`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ failNext: value }),
      });
    // The registration's own call: a fresh app's background calls (its account index filling) must not take the failure.
    await failNext({ status: 400, count: 1, method: 'POST', path: '/api/v1/paymentcards/' });
    const res = await post('/api/register-payment-card', { setupIntentId });
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({ error: 'Fenerum refused the card; please try another card', code: 'card-refused' });
    // Asked again, it stays refused: no second attempt at Fenerum.
    await failNext(null);
    expect((await post('/api/register-payment-card', { setupIntentId })).status).toBe(422);
  } finally {
    await app.kill('SIGTERM');
  }
});

test('Fenerum taking no QuickPay cards: the customer is told, in plain words, to add the card with "Add card"', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 390, height: 844 }); // a phone: where customers open their link
  const app = await startApp();
  const fenerumSettings = (patch: unknown) =>
    fetch(`${sandbox.urls.fenerum}/__sandbox/settings`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(patch) });
  try {
    const res = await fetch(`${app.url}/api/links`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${sandboxSecrets.PORTAL_API_KEY}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ account: 'CUST003' }),
    });
    await page.goto(((await res.json()) as { url: string }).url.replace(/^https?:\/\/[^/]+/, app.url));
    await fenerumSettings({ quickpayCards: 'refuse' });
    await page.getByTestId('add-quickpay').click();
    await page.getByLabel('Card number').fill('1000 0200 0000 0006');
    await page.getByLabel('Expiry (MM/YY)').fill('11/31');
    await page.getByLabel('CVC').fill('123');
    await page.getByRole('button', { name: /Save card|Pay/ }).click();
    await expect(page.getByTestId('card-problem')).toContainText('Cards added through QuickPay cannot be used for your subscription', { timeout: 20_000 });
    // No "Try again" into QuickPay's window: it would fail the same way.
    await expect(page.getByTestId('card-problem').getByRole('link', { name: 'Try again' })).toHaveCount(0);
    await page.screenshot({ path: testInfo.outputPath('quickpay-gateway-refused.png'), fullPage: true });
  } finally {
    await fenerumSettings({ quickpayCards: 'accept' });
    await app.kill('SIGTERM');
  }
});
