import type { BrowserContext, Page } from '@playwright/test';
import { sandboxPorts, sandboxSecrets } from '../lib/env/sandbox-defaults';
import { issueLink, tokenOf } from './support/api';
import { E2E } from './support/ports';
import { expect, test } from './support/test';
import { OtherOrigin } from './support/other-origin';

/**
 * Login CSRF and same-site CSRF (issue 9, items 1 and 4): a page on another origin cannot
 * switch the visitor's account, start a session, or start a card setup with their cookie.
 * "Another origin" is a page served by this spec on a port of its own: at localhost (the same
 * site: another port of this host) or at 127.0.0.1 (another site).
 */
const elsewhere = new OtherOrigin();
test.beforeAll(() => elsewhere.start());
test.afterAll(() => elsewhere.stop());
const sameSite = () => elsewhere.sameSite;
const crossSite = () => elsewhere.crossSite;
const shots = process.env.E2E_SCREENSHOTS;

/** Loads a page of `origin` holding `body`, as another site would serve it. */
async function visitElsewhere(page: Page, origin: () => string, body: string): Promise<void> {
  await page.goto(`${origin()}${elsewhere.serve(body)}`);
}

/** Follows `href` from a page on `origin`: a click on an ordinary link there. */
async function followFrom(page: Page, origin: () => string, href: string): Promise<void> {
  await visitElsewhere(page, origin, `<a id="go" href="${href}">Your card portal</a>`);
  await page.click('#go');
}

const sessionCookie = async (context: BrowserContext) => (await context.cookies(E2E.appUrl)).find((c) => c.name === 'portal_session')?.value;

async function screenshot(page: Page, name: string) {
  if (!shots) return;
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
}

test.describe('a portal link opened from elsewhere', () => {
  test('over another account’s live session: asks, and switches only on the visitor’s click', async ({ page, context, account, link, sandbox, request }) => {
    const other = await sandbox.fenerum.createAccount({ name: `Havblik Bageri ${account.code}` });
    const otherLink = await issueLink(request, other.code);
    await page.goto(link.url);
    await expect(page.getByTestId('account-name')).toHaveText(account.company_name);
    const before = await sessionCookie(context);

    await followFrom(page, sameSite, otherLink.url);
    await expect(page.getByRole('heading', { name: `You are viewing ${account.company_name}` })).toBeVisible();
    await expect(page.getByText(`Open ${other.company_name} instead?`)).toBeVisible();
    await screenshot(page, 'switch');
    // Nothing switched: the cookie is the first account's, and the portal still shows it.
    expect(await sessionCookie(context)).toBe(before);
    const tab = await context.newPage();
    await tab.goto('/pay');
    await expect(tab.getByTestId('account-name')).toHaveText(account.company_name);
    await tab.close();

    await page.getByRole('button', { name: `Open ${other.company_name}` }).click();
    await expect(page).toHaveURL(/\/pay$/);
    await expect(page.getByTestId('account-name')).toHaveText(other.company_name);
    expect(page.url()).not.toContain(tokenOf(otherLink.url));
  });

  test('over another account’s session, “Stay” keeps the account on view', async ({ page, account, link, sandbox, request }) => {
    const other = await sandbox.fenerum.createAccount();
    await page.goto(link.url);
    await followFrom(page, crossSite, (await issueLink(request, other.code)).url);
    await page.getByRole('link', { name: `Stay with ${account.company_name}` }).click();
    await expect(page.getByTestId('account-name')).toHaveText(account.company_name);
  });

  test('the visitor’s own opening of a link to the account on view just continues', async ({ page, account, link, request }) => {
    await page.goto(link.url);
    await page.goto((await issueLink(request, account.code)).url);
    await expect(page).toHaveURL(/\/pay$/);
    await expect(page.getByTestId('account-name')).toHaveText(account.company_name);
  });

  test('from another site, without a session: the continue page, and a session only after the click', async ({ page, context, account, link }) => {
    await followFrom(page, crossSite, link.url);
    await expect(page.getByRole('heading', { name: 'Continue to your card portal' })).toBeVisible();
    await expect(page.getByText(account.company_name)).toBeVisible();
    await screenshot(page, 'continue');
    expect(await sessionCookie(context)).toBeUndefined();

    await page.getByRole('button', { name: 'Continue to the card portal' }).click();
    await expect(page).toHaveURL(/\/pay$/);
    await expect(page.getByTestId('account-name')).toHaveText(account.company_name);
    expect(await sessionCookie(context)).toBeTruthy();
  });

  test('fetched without Fetch Metadata (a mail scanner): the continue page, no session, and the link still works', async ({ page, request, account, link }) => {
    const res = await request.get(link.url, { maxRedirects: 0 });
    expect(res.status()).toBe(200);
    expect(res.headers()['set-cookie']).toBeUndefined();
    expect(res.headers()['cache-control']).toBe('no-store');
    const body = await res.text();
    expect(body).toContain('Continue to your card portal');
    expect(body).toContain('<meta name="referrer" content="no-referrer">');
    expect(body).toContain('<form method="post" action="/pay/open">');

    await page.goto(link.url);
    await expect(page.getByTestId('account-name')).toHaveText(account.company_name);
  });

  test('another site’s form posting the token to /pay/open starts nothing', async ({ page, context, link }) => {
    const responded = page.waitForResponse((r) => r.url() === `${E2E.appUrl}/pay/open`);
    await visitElsewhere(
      page,
      crossSite,
      `<form method="post" action="${E2E.appUrl}/pay/open"><input name="token" value="${tokenOf(link.url)}"></form><script>document.forms[0].submit()</script>`,
    );
    expect((await responded).status()).toBe(403);
    await expect(page.getByRole('heading', { name: 'Open your link again' })).toBeVisible();
    expect(await sessionCookie(context)).toBeUndefined();
  });

  test('the sandbox’s /demo/open takes posts from our own home page only', async ({ request }) => {
    const res = await request.post('/demo/open', { form: { account: 'CUST001' }, headers: { Origin: sameSite() }, maxRedirects: 0 });
    expect(res.status()).toBe(403);
    expect(res.headers()['location']).toBeUndefined();
    const own = await request.post('/demo/open', { form: { account: 'CUST001' }, headers: { Origin: E2E.appUrl }, maxRedirects: 0 });
    expect(own.status()).toBe(303);
  });
});

/** What the emulators hold for an account: SetupIntents created at Stripe, subscriptions at QuickPay. */
async function startedFor(sandbox: import('../sandbox/control-client').SandboxControl, account: string) {
  const intents = (await sandbox.stripe.events('setup_intent.created')).filter(
    (e) => (e.data.object.metadata as Record<string, string>)?.fenerum_account === account,
  );
  const qp = await fetch(`http://localhost:${sandboxPorts(E2E.sandboxPort).quickpay}/subscriptions?page_size=100`, {
    headers: { Authorization: `Basic ${Buffer.from(`:${sandboxSecrets.QUICKPAY_API_KEY}`).toString('base64')}`, 'Accept-Version': 'v10' },
  });
  const subscriptions = ((await qp.json()) as Array<{ variables?: Record<string, string> }>).filter((s) => s.variables?.account === account);
  return { setupIntents: intents.length, subscriptions: subscriptions.length };
}

test.describe('the customer routes from another origin', () => {
  test('a same-site page’s requests with the visitor’s cookie get 403 and start nothing', async ({ page, account, link, sandbox }) => {
    await page.goto(link.url);
    await visitElsewhere(page, sameSite, '');
    const seen = new Map<string, number>();
    page.on('response', (r) => {
      if (r.url().startsWith(`${E2E.appUrl}/api/`)) seen.set(new URL(r.url()).pathname, r.status());
    });
    // As a forged form or beacon sends them: no-cors (the browser hides the answers), the cookie
    // sent along (same site: another port of this host), bodies a page may send without asking.
    await page.evaluate(async (app) => {
      const post = (path: string, body?: string) =>
        fetch(`${app}${path}`, { method: 'POST', mode: 'no-cors', credentials: 'include', headers: body ? { 'Content-Type': 'text/plain' } : {}, body }).catch(
          () => null,
        );
      await post('/api/create-setup-intent');
      await post('/api/create-quickpay-link');
      await post('/api/register-payment-card', '{"setupIntentId":"seti_1"}');
    }, E2E.appUrl);
    await expect.poll(() => seen.size).toBe(3);
    // 403, not 401: the session cookie came along, and the origin check stopped them.
    expect(Object.fromEntries(seen)).toEqual({ '/api/create-setup-intent': 403, '/api/create-quickpay-link': 403, '/api/register-payment-card': 403 });
    expect(await startedFor(sandbox, account.code)).toEqual({ setupIntents: 0, subscriptions: 0 });
  });

  test('the same routes without an Origin of ours, or with a body that is not JSON, get 403/415 and start nothing', async ({
    playwright,
    account,
    link,
    sandbox,
  }) => {
    const ctx = await playwright.request.newContext({ baseURL: E2E.appUrl });
    expect((await ctx.get(link.url, { maxRedirects: 0, headers: { 'Sec-Fetch-Site': 'none' } })).status()).toBe(303);
    const post = (path: string, headers: Record<string, string>, data?: string) => ctx.post(path, { headers, data });
    expect((await post('/api/create-setup-intent', {})).status()).toBe(403);
    expect((await post('/api/create-quickpay-link', { Origin: sameSite() })).status()).toBe(403);
    const wrongType = await post('/api/register-payment-card', { Origin: E2E.appUrl, 'Content-Type': 'text/plain' }, '{"setupIntentId":"seti_1"}');
    expect(wrongType.status()).toBe(415);
    expect(((await wrongType.json()) as { error: string }).error).toMatch(/application\/json/);
    expect((await post('/api/create-setup-intent', { Origin: E2E.appUrl, 'Content-Type': 'application/x-www-form-urlencoded' }, 'a=1')).status()).toBe(415);
    expect(await startedFor(sandbox, account.code)).toEqual({ setupIntents: 0, subscriptions: 0 });
    // Our own pages' requests still work (and the counts above would have seen them).
    expect((await post('/api/create-setup-intent', { Origin: E2E.appUrl })).status()).toBe(200);
    expect(await startedFor(sandbox, account.code)).toEqual({ setupIntents: 1, subscriptions: 0 });
    await ctx.dispose();
  });

  test('/add-payment-card followed from another origin shows a page first; its link starts the QuickPay window', async ({ page, account, link, sandbox }) => {
    await page.goto(link.url);
    await followFrom(page, sameSite, `${E2E.appUrl}/add-payment-card`);
    await expect(page.getByRole('heading', { name: 'Add a card with QuickPay' })).toBeVisible();
    await screenshot(page, 'add-payment-card');
    expect((await startedFor(sandbox, account.code)).subscriptions).toBe(0);
    await page.getByRole('link', { name: 'Continue to QuickPay' }).click();
    await expect(page.getByLabel('Card number')).toBeVisible();
    expect((await startedFor(sandbox, account.code)).subscriptions).toBe(1);
  });
});
