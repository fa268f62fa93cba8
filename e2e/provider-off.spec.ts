import { expect, test } from '@playwright/test';
import Stripe from 'stripe';
import { sandboxSecrets } from '../lib/env/sandbox-defaults';
import { quickpayChecksum } from '../lib/quickpay/checksum';
import { control } from './support/test';
import { E2E } from './support/ports';
import { AppProcess } from './support/app-process';

/**
 * A deployment with live keys for Fenerum and Stripe and QuickPay left unset (README "Going
 * live"): QuickPay is off, not in sandbox mode with its published private key. The "live"
 * providers here are the run's sandbox reached through explicit URLs and keys, so the app
 * takes them for real ones.
 */
const PORT = E2E.badInput.appPort + 2;
const own = {
  LINK_SECRET: 'own-link-secret-'.padEnd(40, 'x'),
  PORTAL_API_KEY: 'own-portal-api-key-123',
  MERCHANT_NAME: 'Havblik A/S',
  MERCHANT_SUPPORT_EMAIL: 'support@havblik.example',
};
let app: AppProcess;

test.describe.configure({ mode: 'serial', timeout: 90_000 });

test.beforeAll(async () => {
  test.setTimeout(90_000);
  const sandbox = `http://localhost:${E2E.sandboxPort}`;
  app = new AppProcess(PORT, {
    ...own,
    // Served over https behind a proxy (as a live portal is): links name it, responses carry HSTS.
    APP_URL: 'https://portal.example.com',
    PGLITE_DIR: 'memory://',
    FENERUM_API_TOKEN: sandboxSecrets.FENERUM_API_TOKEN,
    FENERUM_API_URL: `${sandbox}/api/v1`,
    STRIPE_SECRET_KEY: sandboxSecrets.STRIPE_SECRET_KEY,
    STRIPE_API_URL: `http://localhost:${E2E.sandboxPort + 1}`,
    NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY: 'pk_test_own',
    STRIPE_WEBHOOK_SECRET: 'whsec_own_secret',
  });
  await app.start();
});

test.afterAll(async () => {
  await app?.kill('SIGTERM');
});

async function session(): Promise<string> {
  const account = (await control.fenerum.createAccount()).code;
  const res = await fetch(`${app.url}/api/links`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${own.PORTAL_API_KEY}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ account }),
  });
  expect(res.status).toBe(201);
  const { url } = (await res.json()) as { url: string };
  // Opened as the customer's own click in their mail (Sec-Fetch-Site: none), which starts the session at once.
  const opened = await fetch(url.replace(/^https?:\/\/[^/]+/, app.url), { redirect: 'manual', headers: { 'Sec-Fetch-Site': 'none' } });
  expect(opened.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
  // The link route's own policy, not the global one.
  expect(opened.headers.get('referrer-policy')).toBe('no-referrer');
  return opened.headers.get('set-cookie')?.split(';')[0] ?? '';
}

test('https: every response carries HSTS; pages outside /pay keep the global Referrer-Policy', async () => {
  for (const path of ['/', '/api/health/live', '/pay']) {
    const res = await fetch(`${app.url}${path}`);
    expect(res.headers.get('strict-transport-security'), path).toBe('max-age=31536000; includeSubDomains');
  }
  expect((await fetch(`${app.url}/`)).headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
});

test('QuickPay unset next to live keys: not offered, its routes 404, its callback (signed with the published key) 404', async () => {
  // The session cookie is __Host-portal_session (APP_URL is https), which a browser only takes
  // over https: the page is read as HTML instead.
  const cookie = await session();
  expect(cookie.startsWith('__Host-portal_session=')).toBe(true);
  const portal = await (await fetch(`${app.url}/pay`, { headers: { cookie } })).text();
  expect(portal).toContain('data-testid="account-name"');
  expect(portal).toContain('Add card');
  expect(portal).not.toContain('data-testid="add-quickpay"');
  expect(portal).not.toContain('data-testid="sandbox-banner"');

  const ownPage = { cookie, 'Sec-Fetch-Site': 'same-origin' };
  expect((await fetch(`${app.url}/add-payment-card`, { headers: { ...ownPage, 'Sec-Fetch-Dest': 'document' }, redirect: 'manual' })).status).toBe(404);
  expect((await fetch(`${app.url}/api/create-quickpay-link`, { method: 'POST', headers: ownPage })).status).toBe(404);
  const body = JSON.stringify({ id: 1, order_id: 'x', accepted: true });
  const callback = await fetch(`${app.url}/api/quickpay-callback`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'QuickPay-Resource-Type': 'Subscription',
      'QuickPay-Checksum-Sha256': quickpayChecksum(body, sandboxSecrets.QUICKPAY_PRIVATE_KEY),
    },
    body,
  });
  expect(callback.status).toBe(404);
});

test('a Stripe webhook signed with the published sandbox secret is refused; one signed with the configured secret is taken', async () => {
  const stripe = new Stripe(sandboxSecrets.STRIPE_SECRET_KEY);
  const payload = JSON.stringify({ id: `evt_off_${Date.now()}`, type: 'customer.created', data: { object: {} } });
  const send = (secret: string) =>
    fetch(`${app.url}/api/stripe-webhook`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Stripe-Signature': stripe.webhooks.generateTestHeaderString({ payload, secret }) },
      body: payload,
    });
  expect((await send(sandboxSecrets.STRIPE_WEBHOOK_SECRET)).status).toBe(400);
  expect((await send('whsec_own_secret')).status).toBe(200);
});
