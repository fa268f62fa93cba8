import Stripe from 'stripe';
import { sandboxSecrets } from '../../lib/env/sandbox-defaults';
import { quickpayChecksum } from '../../lib/quickpay/checksum';

/** One hostile request and, where the answer is designed, the status it must get. */
export type Probe = { name: string; method: string; path: string; headers?: Record<string, string>; body?: string; status?: number };
export type Credentials = { cookie: string; linkToken: string };

const apiKey = { Authorization: `Bearer ${sandboxSecrets.PORTAL_API_KEY}` };
const json = { 'Content-Type': 'application/json' };
const NO_LINK = '00000000-0000-4000-8000-000000000000';

type Route = { method: string; path: string; credentials: (c: Credentials) => Record<string, string>; readsBody?: boolean };

/**
 * Every route. The customer routes that read no body (create-setup-intent, create-quickpay-link)
 * are sent without the session: with it, any POST there starts a setup by design until they
 * require application/json and a same-origin request (issue 9, item 4).
 */
const routes = (c: Credentials): Route[] => [
  { method: 'GET', path: '/', credentials: () => ({}) },
  { method: 'GET', path: '/pay', credentials: () => ({ cookie: c.cookie }) },
  { method: 'GET', path: `/pay/${c.linkToken}`, credentials: () => ({}) },
  { method: 'GET', path: '/pay/stripe/return', credentials: () => ({ cookie: c.cookie }) },
  { method: 'GET', path: '/pay/quickpay/return', credentials: () => ({ cookie: c.cookie }) },
  { method: 'GET', path: '/pay/quickpay/cancel', credentials: () => ({ cookie: c.cookie }) },
  { method: 'GET', path: '/add-payment-card', credentials: () => ({}) },
  { method: 'POST', path: '/api/create-setup-intent', credentials: () => ({}), readsBody: true },
  { method: 'POST', path: '/api/create-quickpay-link', credentials: () => ({}), readsBody: true },
  { method: 'POST', path: '/api/register-payment-card', credentials: () => ({ cookie: c.cookie }), readsBody: true },
  { method: 'POST', path: '/api/quickpay-callback', credentials: () => ({}), readsBody: true },
  { method: 'POST', path: '/api/stripe-webhook', credentials: () => ({}), readsBody: true },
  { method: 'POST', path: '/api/links', credentials: () => apiKey, readsBody: true },
  { method: 'DELETE', path: `/api/links/${NO_LINK}`, credentials: () => apiKey },
  { method: 'POST', path: '/demo/open', credentials: () => ({}), readsBody: true },
  { method: 'POST', path: '/demo/mail', credentials: () => ({}), readsBody: true },
  // A form from our own pages only: without its Origin every body here is refused (403) before it is read.
  { method: 'POST', path: '/pay/new-link', credentials: () => ({}), readsBody: true },
  { method: 'GET', path: '/api/health', credentials: () => ({}) },
  { method: 'GET', path: '/api/health/live', credentials: () => ({}) },
];

/** The same address with its last segment (or the whole, for /) replaced. */
const withLast = (path: string, last: string) => (path === '/' ? `/${last}` : path.replace(/\/[^/]*$/, `/${last}`));

const bodies: Array<[string, Record<string, string>, string, number?]> = [
  ['malformed JSON', json, '{"account": '],
  ['a wrong content type', { 'Content-Type': 'text/plain' }, '{"account": "CUST001"}'],
  // (For /demo/open, a form is the right type: its account "." is the bad part there.)
  ['a form body', { 'Content-Type': 'application/x-www-form-urlencoded' }, 'account=.'],
  ['a NUL in a string', json, JSON.stringify({ account: 'CUST001', issuedBy: 'a\u0000b', setupIntentId: 'seti_\u0000' })],
  ['JSON null', json, 'null'],
  ['an array', json, '[1,2]'],
  ['an oversized body', json, JSON.stringify({ account: 'CUST001', pad: 'x'.repeat(1_100_000) })],
];

export function probesFor(c: Credentials): Probe[] {
  const probes: Probe[] = [];
  for (const r of routes(c)) {
    const creds = r.credentials(c);
    // TRACE (which Next cannot even build a Request for) and methods Node parses but no route has: 405.
    for (const method of ['TRACE', 'PROPFIND', 'MKCOL']) probes.push({ name: `${method} ${r.path}`, method, path: r.path, headers: creds, status: 405 });
    // Methods Node's HTTP parser does not know: it answers 400 itself, before the app.
    for (const method of ['TRACK', 'FOO']) probes.push({ name: `${method} ${r.path}`, method, path: r.path, headers: creds });
    for (const bad of ['%E0%A4%A', '%ZZ', '%']) {
      probes.push({ name: `escape ${bad} in ${r.path}`, method: r.method, path: withLast(r.path, bad), headers: apiKey, status: 400 });
      probes.push({ name: `escape ${bad} after ${r.path}`, method: r.method, path: `${r.path.replace(/\/$/, '')}/${bad}`, headers: apiKey, status: 400 });
    }
    for (const dots of ['.', '..', '%2e', '%2e%2e', '.%2e', '..%00', '%00']) {
      probes.push({ name: `segment ${dots} after ${r.path}`, method: r.method, path: `${r.path.replace(/\/$/, '')}/${dots}`, headers: apiKey });
    }
    if (!r.readsBody) continue;
    for (const [what, headers, body] of bodies)
      probes.push({ name: `${what} to ${r.path}`, method: r.method, path: r.path, headers: { ...creds, ...headers }, body });
  }
  return [...probes, ...linkProbes(), ...signedProbes()];
}

function linkProbes(): Probe[] {
  const post = (name: string, body: unknown, status: number, headers: Record<string, string> = {}): Probe => ({
    name,
    method: 'POST',
    path: '/api/links',
    headers: { ...apiKey, ...json, ...headers },
    body: JSON.stringify(body),
    status,
  });
  return [
    post('account "."', { account: '.' }, 400),
    post('account ".."', { account: '..' }, 400),
    post('account " .. " (trimmed)', { account: ' .. ' }, 400),
    post('account "../CUST001"', { account: '../CUST001' }, 400),
    post('a NUL in issuedBy', { account: 'CUST001', issuedBy: 'ops\u0000' }, 400),
    post('a NUL in the account', { account: 'CUST\u0000001' }, 400),
    post('a NUL in a key', { account: 'CUST001', ['x\u0000']: 1 }, 400),
    post('an 8,000-character X-Forwarded-For with a bad account', { account: '..' }, 400, { 'X-Forwarded-For': 'x'.repeat(8_000) }),
  ];
}

/** Bodies signed with the sandbox's keys: genuine as far as the signature goes, unstorable in content. */
function signedProbes(): Probe[] {
  const qp = (name: string, body: string, status: number): Probe => ({
    name: `QuickPay signed ${name}`,
    method: 'POST',
    path: '/api/quickpay-callback',
    headers: {
      ...json,
      'QuickPay-Resource-Type': 'Subscription',
      'QuickPay-Checksum-Sha256': quickpayChecksum(body, sandboxSecrets.QUICKPAY_PRIVATE_KEY),
    },
    body,
    status,
  });
  const stripe = new Stripe(sandboxSecrets.STRIPE_SECRET_KEY);
  const st = (name: string, body: string, status: number): Probe => ({
    name: `Stripe signed ${name}`,
    method: 'POST',
    path: '/api/stripe-webhook',
    headers: { ...json, 'Stripe-Signature': stripe.webhooks.generateTestHeaderString({ payload: body, secret: sandboxSecrets.STRIPE_WEBHOOK_SECRET }) },
    body,
    status,
  });
  const nul = JSON.stringify({ id: 'evt_nul', type: 'setup_intent.succeeded', order_id: 'a\u0000', data: { object: { id: 'seti_\u0000' } } });
  const surrogate = JSON.stringify({ id: 'evt_surrogate', type: 'setup_intent.succeeded', order_id: 'a\ud800', data: { object: { id: 'seti_\udc00' } } });
  const cases: Array<[string, string, number, number]> = [
    ['null', 'null', 200, 200],
    ['a number', '42', 200, 200],
    ['a string', '"hello"', 200, 200],
    ['an array', '[{"id": 1}]', 200, 200],
    ['a NUL', nul, 200, 200],
    ['an unpaired surrogate', surrogate, 200, 200],
    ['malformed JSON', '{"id": ', 400, 400],
    ['an empty object', '{}', 400, 200],
  ];
  return cases.flatMap(([name, body, qpStatus, stStatus]) => [qp(name, body, qpStatus), st(name, body, stStatus)]);
}
