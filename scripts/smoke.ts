/**
 * `npm run smoke -- <url> [options]`: a short journey through a running portal, for a merchant's
 * CI to check a deployment (staging, in sandbox mode or with the providers' test keys): a customer
 * link is issued through the app's API, the customer adds a Stripe test card and sees it listed,
 * and a staff member signs in and finds the card on the account's page. It needs only the app's
 * HTTP surface (and, in sandbox mode, the home page's demo accounts): no database, no fixtures.
 * The elements it uses are found by their stable test ids (README "Smoke test a deployment").
 * Exits 0 when every step passed, 1 naming the step that failed.
 */
import { parseArgs } from 'node:util';
import { chromium, type Browser, type Page } from '@playwright/test';
import { z } from 'zod';
import { SANDBOX_STAFF_PASSWORD, SANDBOX_TOTP_SECRET } from '../lib/auth/staff/sandbox-staff';
import { totpCode } from '../lib/auth/staff/totp';
import { sandboxSecrets } from '../lib/env/sandbox-defaults';

const HELP = `Usage: npm run smoke -- <url> [options]

  <url>                     the portal's base URL, e.g. https://portal.staging.example.com
  --api-key <key>           PORTAL_API_KEY of that deployment (default: $PORTAL_API_KEY, else the sandbox's)
  --account <code>          a Fenerum account to add the card to (default: the first demo account, sandbox mode)
  --staff-email <email>     a staff user who may see accounts (default: viewer@sandbox.test)
  --staff-password <pw>     their password (default: $SMOKE_STAFF_PASSWORD, else the sandbox's)
  --staff-totp-secret <s>   their TOTP secret (base32), when their role signs in with a code
                            (default: $SMOKE_STAFF_TOTP_SECRET; with the sandbox's users, the sandbox's)
  --browser <path>          Chromium to drive (default: $CHROMIUM_PATH, else /usr/bin/chromium)
  --timeout <seconds>       per step (default 60)
  --headed                  show the browser
`;

const options = z.object({
  url: z.url({ protocol: /^https?$/, error: 'the first argument must be the portal’s http(s) URL' }),
  apiKey: z.string().min(16, '--api-key: at least 16 characters'),
  account: z.string().min(1).max(100).optional(),
  staffEmail: z.email('--staff-email: an email address'),
  staffPassword: z.string().min(1),
  staffTotpSecret: z
    .string()
    .regex(/^[A-Z2-7]+=*$/i, '--staff-totp-secret: a base32 secret')
    .optional(),
  browser: z.string().min(1),
  timeoutMs: z.number().int().positive(),
  headed: z.boolean(),
});
type Options = z.infer<typeof options>;

function readOptions(argv: string[]): Options {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'api-key': { type: 'string' },
      account: { type: 'string' },
      'staff-email': { type: 'string' },
      'staff-password': { type: 'string' },
      'staff-totp-secret': { type: 'string' },
      browser: { type: 'string' },
      timeout: { type: 'string' },
      headed: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || positionals.length !== 1) {
    console.log(HELP);
    process.exit(values.help ? 0 : 2);
  }
  const staffEmail = values['staff-email'] ?? 'viewer@sandbox.test';
  const sandboxUser = staffEmail.endsWith('@sandbox.test');
  const parsed = options.safeParse({
    url: positionals[0]?.replace(/\/+$/, ''),
    apiKey: values['api-key'] ?? process.env.PORTAL_API_KEY ?? sandboxSecrets.PORTAL_API_KEY,
    account: values.account,
    staffEmail,
    staffPassword: values['staff-password'] ?? process.env.SMOKE_STAFF_PASSWORD ?? SANDBOX_STAFF_PASSWORD,
    staffTotpSecret: values['staff-totp-secret'] ?? process.env.SMOKE_STAFF_TOTP_SECRET ?? (sandboxUser ? SANDBOX_TOTP_SECRET : undefined),
    browser: values.browser ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    timeoutMs: Number(values.timeout ?? 60) * 1000,
    headed: values.headed ?? false,
  });
  if (!parsed.success) {
    console.error(parsed.error.issues.map((i) => i.message).join('\n'));
    console.log(HELP);
    process.exit(2);
  }
  return parsed.data;
}

/** Runs one named step; its failure ends the smoke test with the step's name. */
async function step<T>(name: string, run: () => Promise<T>): Promise<T> {
  const started = Date.now();
  try {
    const value = await run();
    console.log(`ok   ${name} (${Date.now() - started} ms)`);
    return value;
  } catch (err) {
    console.error(`FAIL ${name}: ${err instanceof Error ? err.message : String(err)}`);
    throw new SmokeFailed(name);
  }
}
class SmokeFailed extends Error {}

/** The account to use: the one given, else (sandbox mode) the home page's first demo account. */
async function accountToUse(o: Options, page: Page): Promise<string> {
  if (o.account) return o.account;
  await page.goto(`${o.url}/`);
  const first = page.getByTestId('demo-account').first();
  await first.waitFor({ timeout: o.timeoutMs }).catch(() => {
    throw new Error('no demo accounts on the home page (not sandbox mode?): pass --account <code>');
  });
  const code = await first.getAttribute('data-code');
  if (!code) throw new Error('the demo account names no code');
  return code;
}

/** A customer link from the app's own API, as the merchant's backend asks for one. */
async function issueLink(o: Options, account: string): Promise<string> {
  const res = await fetch(`${o.url}/api/links`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${o.apiKey}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ account, expiresIn: '1h' }),
    signal: AbortSignal.timeout(o.timeoutMs),
  });
  const body = (await res.json().catch(() => ({}))) as { url?: string; error?: string };
  if (res.status !== 201 || !body.url) throw new Error(`POST /api/links answered ${res.status}${body.error ? `: ${body.error}` : ''}`);
  // The link names the deployment's APP_URL; the smoke test goes where it was told to.
  const link = new URL(body.url);
  return `${o.url}${link.pathname}${link.search}`;
}

/** Stripe's test Visa, with an expiry year of this run's own, so its card is told apart from earlier runs'. */
function testCard(): { number: string; last4: string; month: string; year: number } {
  return { number: '4242 4242 4242 4242', last4: '4242', month: '12', year: new Date().getFullYear() + 2 + Math.floor(Math.random() * 8) };
}

async function addCard(o: Options, page: Page, linkUrl: string, card: ReturnType<typeof testCard>): Promise<void> {
  await page.goto(linkUrl);
  await page.getByTestId('account-name').waitFor({ timeout: o.timeoutMs });
  await page.getByTestId('add-stripe').click();
  // Stripe's Payment Element (or the sandbox's, which has the same frame and labels).
  const frame = page.frameLocator('iframe[title="Secure payment input frame"]');
  await frame.getByLabel('Card number').fill(card.number);
  await frame.getByLabel('Expiration date').fill(`${card.month} / ${String(card.year).slice(-2)}`);
  await frame.getByLabel('Security code').fill('123');
  await page.getByTestId('stripe-save').click();
  const notice = page.getByTestId('stripe-notice');
  await notice.and(page.locator('[data-state="saved"]')).waitFor({ timeout: o.timeoutMs });
}

const expiryOf = (card: ReturnType<typeof testCard>) => `${card.month}/${String(card.year).slice(-2)}`;

/** The customer's list shows the card (its last four and expiry), after a reload too; its Fenerum id. */
async function cardListed(o: Options, page: Page, card: ReturnType<typeof testCard>): Promise<string> {
  await page.reload();
  const listed = page
    .getByTestId('card')
    .filter({ hasText: card.last4 })
    .filter({ hasText: expiryOf(card) })
    .first();
  await listed.waitFor({ timeout: o.timeoutMs });
  const uuid = await listed.getAttribute('data-card');
  if (!uuid) throw new Error('the listed card names no id (data-card)');
  return uuid;
}

async function staffSignIn(o: Options, page: Page): Promise<void> {
  await page.goto(`${o.url}/staff/login`);
  await page.getByTestId('staff-login-email').fill(o.staffEmail);
  await page.getByTestId('staff-login-password').fill(o.staffPassword);
  await page.getByTestId('staff-login-submit').click();
  const code = page.getByTestId('staff-login-code');
  const atConsole = (timeout: number) => page.waitForURL((u) => u.pathname === '/staff', { timeout }).then(() => 'in' as const);
  const signedIn = atConsole(o.timeoutMs);
  signedIn.catch(() => undefined); // the code step may come instead
  const which = await Promise.race([signedIn, code.waitFor({ timeout: o.timeoutMs }).then(() => 'code' as const)]);
  if (which === 'in') return;
  if (!o.staffTotpSecret) throw new Error(`${o.staffEmail} signs in with a code: pass --staff-totp-secret`);
  // A code is accepted once: should this step's have been used (another sign-in just now), the next step's.
  for (const at of [Date.now(), Date.now() + 30_000]) {
    await code.fill(totpCode(o.staffTotpSecret, at));
    await page.getByTestId('staff-login-submit').click();
    if (
      await atConsole(10_000).then(
        () => true,
        () => false,
      )
    )
      return;
  }
  throw new Error('the code was refused');
}

/** The account's page opens (its card list), and from it the card's own page, which shows the card active. */
async function staffSeesCard(o: Options, page: Page, account: string, card: ReturnType<typeof testCard>, uuid: string): Promise<void> {
  await page.goto(`${o.url}/staff/accounts/${encodeURIComponent(account)}`);
  await page.getByTestId('staff-cards').waitFor({ timeout: o.timeoutMs });
  // On the list's first page when it is among the newest; an account with many cards pages them: then by its address.
  const row = page.locator(`[data-testid="staff-card"][data-card="${uuid}"]`);
  if ((await row.count()) > 0) await row.getByRole('link').first().click();
  else await page.goto(`${o.url}/staff/accounts/${encodeURIComponent(account)}/cards/${encodeURIComponent(uuid)}`);
  const detail = page.locator(`[data-testid="staff-card-detail"][data-card="${uuid}"]`);
  await detail.waitFor({ timeout: o.timeoutMs });
  const text = await detail.innerText();
  if (!text.includes(card.last4) || !text.includes(expiryOf(card))) throw new Error(`the card's page does not show •••• ${card.last4} ${expiryOf(card)}`);
  const state = await detail.getByTestId('card-state').innerText();
  if (!/active/i.test(state)) throw new Error(`the card is "${state}", not active`);
}

async function main(): Promise<void> {
  const o = readOptions(process.argv.slice(2));
  console.log(`smoke test of ${o.url}`);
  let browser: Browser | undefined;
  try {
    browser = await step(`start the browser (${o.browser})`, () =>
      chromium.launch({ executablePath: o.browser, headless: !o.headed, args: ['--disable-gpu'] }),
    );
    const customer = await browser.newPage();
    customer.setDefaultTimeout(o.timeoutMs);
    const live = await step('the app answers /api/health/live', async () => {
      const res = await fetch(`${o.url}/api/health/live`, { signal: AbortSignal.timeout(o.timeoutMs) });
      if (!res.ok) throw new Error(`answered ${res.status}`);
      return true;
    });
    void live;
    await step('the app is ready (/api/health/ready)', async () => {
      const res = await fetch(`${o.url}/api/health/ready`, { signal: AbortSignal.timeout(o.timeoutMs) });
      if (!res.ok) throw new Error(`answered ${res.status}: ${await res.text()}`);
    });
    const account = await step('choose the account', () => accountToUse(o, customer));
    const link = await step(`issue a customer link for ${account} (POST /api/links)`, () => issueLink(o, account));
    const card = testCard();
    await step(`the customer adds a test Visa (${expiryOf(card)})`, () => addCard(o, customer, link, card));
    const uuid = await step('the card is listed in the portal', () => cardListed(o, customer, card));
    const staff = await (await browser.newContext()).newPage();
    staff.setDefaultTimeout(o.timeoutMs);
    await step(`staff sign in (${o.staffEmail})`, () => staffSignIn(o, staff));
    await step(`the account's page, then the card's page`, () => staffSeesCard(o, staff, account, card, uuid));
    console.log('smoke test passed');
  } catch (err) {
    if (!(err instanceof SmokeFailed)) console.error(err);
    process.exitCode = 1;
  } finally {
    await browser?.close();
  }
}

await main();
