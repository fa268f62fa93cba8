// Throwaway (not committed): opens every customer and staff page of `npm run dev` in Chromium and prints console warnings/errors.
import { chromium, type Page } from '@playwright/test';
import { totpCode } from './lib/auth/staff/totp';
import { SANDBOX_TOTP_SECRET } from './lib/auth/staff/sandbox-staff';

const base = process.env.APP_URL ?? 'http://localhost:5600';
const fen = `http://localhost:${process.env.SANDBOX_PORT ?? 5610}`;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--disable-gpu'] });
const found: string[] = [];
function watch(page: Page, tag: string) {
  page.on('console', (m) => {
    if (['error', 'warning'].includes(m.type())) found.push(`[${tag} ${new URL(page.url()).pathname}] ${m.type()}: ${m.text().slice(0, 400)}`);
  });
  page.on('pageerror', (e) => found.push(`[${tag} ${page.url()}] pageerror: ${e.message.slice(0, 400)}`));
}
async function visit(page: Page, path: string) {
  await page.goto(base + path, { timeout: 120_000 });
  await page.waitForLoadState('load');
  await page.waitForTimeout(1500);
  console.log('visited', path);
}
const ctx = await browser.newContext();
const customer = await ctx.newPage();
watch(customer, 'customer');
// A customer link through the sandbox demo: POST /demo/open via the home page form.
await visit(customer, '/');
const code = 'CUST001';
const res = await fetch(`${base}/api/links`, {
  method: 'POST',
  headers: { Authorization: 'Bearer sandbox-portal-api-key-4d2e8b1a9c7f', 'Content-Type': 'application/json' },
  body: JSON.stringify({ account: code }),
});
const link = (await res.json()) as { url: string };
await visit(customer, new URL(link.url).pathname);
for (const p of ['/pay', '/pay/quickpay/cancel', '/pay/quickpay/return', '/pay/stripe/return', '/pay/approve/pi_nosuch00000000000000', '/nope']) await visit(customer, p);
// Add card form open
await visit(customer, '/pay');
await customer.getByRole('button', { name: 'Add card', exact: true }).click().catch(() => undefined);
await customer.waitForTimeout(3000);
const nobody = await (await browser.newContext()).newPage();
watch(nobody, 'nobody');
for (const p of ['/', '/pay', '/staff/login', '/nope']) await visit(nobody, p);
// Staff: admin
process.on('exit', () => { console.log('\n=== console warnings/errors ==='); console.log(found.length ? found.join('\n') : 'none'); });
const staff = await (await browser.newContext()).newPage();
watch(staff, 'staff');
await visit(staff, '/staff/login');
await staff.screenshot({ path: '/tmp/staff-login-dev.png' });
await staff.locator('input[name="email"]').fill('admin@sandbox.test');
await staff.locator('input[name="password"]').fill('sandbox-staff-password');
await staff.locator('form.staff-form button[type="submit"]').click();
await staff.locator('input[name="code"]').waitFor({ timeout: 60_000 });
await staff.locator('input[name="code"]').fill(totpCode(SANDBOX_TOTP_SECRET, Date.now()));
await staff.locator('form.staff-form button[type="submit"]').click();
await staff.waitForURL((u) => u.pathname === '/staff', { timeout: 120_000 });
await staff.waitForTimeout(1500);
const cards = (await (await fetch(`${fen}/api/v1/paymentcards/?account=${code}`, { headers: { Authorization: 'Token sandbox-fenerum-token-9b8a7c6d5e4f' } })).json()) as { results?: Array<{ uuid: string }> };
const card = cards.results?.[0]?.uuid;
const staffPages = [
  '/staff', '/staff/accounts', `/staff/accounts?q=${code}`, `/staff/accounts/${code}`, ...(card ? [`/staff/accounts/${code}/cards/${card}`] : []),
  '/staff/attention/approvals', '/staff/attention/registrations', '/staff/attention/expiring', '/staff/attention/refunds', '/staff/attention/mail',
  `/staff/search?q=${code}`, '/staff/search?q=4242', '/staff/audit', '/staff/users', '/staff/payments', '/staff/payments?mode=lookup',
  '/staff/payments/failed', '/staff/payments/reconciliation', '/staff/nope',
];
for (const p of staffPages) await visit(staff, p);
// a payment detail: first link in the payments table
const pay = await staff.goto(base + '/staff/payments').then(() => staff.locator('a[href^="/staff/payments/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')).filter((h) => h && /\/staff\/payments\/\d+$/.test(h))));
if (pay[0]) await visit(staff, pay[0]);
await browser.close();
console.log('\n=== console warnings/errors ===');
console.log(found.length ? found.join('\n') : 'none');
