import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from '@playwright/test';
import { sandboxSecrets } from '../lib/env/sandbox-defaults';
import { recipientEmail } from '../sandbox/control-client';
import { alreadyExpired, issueLink } from './support/api';
import { E2E } from './support/ports';
import { signInStaff } from './support/staff';
import { expect, test } from './support/test';

/**
 * Must-show of issue 26, item 2: an expired link offers "email me a new link"; a recipient's
 * address gets a fresh link in the mailbox that opens the portal; an unknown address gets the
 * same page and no email; the eleventh request in an hour is held back with a message. Each
 * test makes its own account, so its counts and its mailbox are its own.
 */

const SHOTS = process.env.NEWLINK_SHOTS ?? '';
const shot = async (page: Page, name: string) => {
  if (!SHOTS) return; // NEWLINK_SHOTS=<folder>: the pages at 390 px, to look at
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SHOTS}/${name}-390.png`, fullPage: true });
};

async function noSeriousViolations(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
}

/** Types an address into the page's new-link form and sends it; the page the answer is. */
async function askForNewLink(page: Page, email: string, label = 'Your email address', send = 'Email me a new link'): Promise<number> {
  await page.getByLabel(label).fill(email);
  const [res] = await Promise.all([
    page.waitForResponse((r) => new URL(r.url()).pathname === '/pay/new-link'),
    page.getByRole('button', { name: send }).click(),
  ]);
  await page.waitForLoadState('load');
  return res.status();
}

/** The words a page shows, with the address typed taken out (it is echoed back). */
async function wordsOf(page: Page, typed?: string): Promise<string> {
  const text = (await page.locator('main').textContent()) ?? '';
  return typed ? text.split(typed).join('<address>') : text;
}

/** Whether the fresh link in a message opens the account's portal in a browser of its own. */
async function opensPortal(browser: Browser, link: string, accountName: string): Promise<void> {
  const fresh = await browser.newContext();
  try {
    const customer = await fresh.newPage();
    await customer.goto(link);
    await expect(customer).toHaveURL(/\/pay$/);
    await expect(customer.getByTestId('account-name')).toHaveText(accountName);
  } finally {
    await fresh.close();
  }
}

test.describe('email me a new link', () => {
  test('expired link → a recipient’s address → a fresh link that opens the portal; an unknown address → the same page, no email; the eleventh → held back @phone', async ({
    page,
    browser,
    request,
    sandbox,
    baseURL,
  }) => {
    test.setTimeout(90_000);
    const account = await sandbox.fenerum.createAccount({ language: 'en' });
    const to = recipientEmail(account);
    const expired = alreadyExpired((await issueLink(request, account.code)).url);

    const res = await page.goto(expired);
    expect(res?.status()).toBe(410);
    await expect(page.getByRole('heading', { name: 'This link has expired' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Email me a new link' })).toBeVisible();
    await noSeriousViolations(page);
    await shot(page, 'expired-en');

    // A recipient's address, typed in capitals: the answer says a link is on its way.
    expect(await askForNewLink(page, to.toUpperCase())).toBe(200);
    await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();
    const matchedWords = await wordsOf(page, to.toUpperCase());
    await noSeriousViolations(page);
    await shot(page, 'sent-en');
    await expect.poll(async () => (await sandbox.mail.list(to)).length, { timeout: 15_000 }).toBe(1);
    const [mail] = await sandbox.mail.list(to);
    expect(mail?.subject).toBe('Your new link to the card portal');
    const link = mail?.links.find((l) => new URL(l).pathname.startsWith('/pay/')) ?? '';
    expect(link).not.toBe('');
    await opensPortal(browser, link, account.company_name);

    // An address that is no recipient: the same page, word for word, and the same status.
    const stranger = `stranger-${Date.now()}@example.org`;
    await page.goto(expired);
    expect(await askForNewLink(page, stranger)).toBe(200);
    expect(await wordsOf(page, stranger)).toBe(matchedWords);
    // The staff timeline shows both as asked by the customer; once the unknown one is there, its work is done: no email went anywhere.
    const staff = await browser.newPage();
    try {
      await signInStaff(staff, 'viewer');
      await expect(async () => {
        await staff.goto(`/staff/accounts/${account.code}`);
        await expect(staff.getByTestId('timeline-entry').filter({ hasText: 'Someone asked for a new link by email for s•••@example.org' })).toHaveCount(1, {
          timeout: 1_000,
        });
      }).toPass({ timeout: 15_000 });
      await expect(staff.getByTestId('timeline-entry').filter({ hasText: `The customer asked for a new link by email; it went to ${to}` })).toHaveCount(1);
    } finally {
      await staff.close();
    }
    expect(await sandbox.mail.list(stranger)).toHaveLength(0);
    expect(await sandbox.mail.list(to)).toHaveLength(1);

    // Eight more (ten in the hour), then the eleventh from the page: held back, for the recipient's address and an unknown one alike.
    await page.goto(expired);
    const ask = (await page.locator('input[name="ask"]').getAttribute('value')) ?? '';
    for (let i = 3; i <= 10; i++) {
      const more = await request.post('/pay/new-link', { form: { ask, email: `more-${i}-${Date.now()}@example.org` }, headers: { Origin: baseURL ?? '' } });
      expect(more.status(), `request ${i}`).toBe(200);
    }
    expect(await askForNewLink(page, to)).toBe(429);
    await expect(page.getByRole('heading', { name: 'Try again later' })).toBeVisible();
    await expect(page.getByText('You have asked for a new link many times in the last hour')).toBeVisible();
    const heldWords = await wordsOf(page);
    await noSeriousViolations(page);
    await shot(page, 'held-back-en');
    await page.goto(expired);
    expect(await askForNewLink(page, `unknown-${Date.now()}@example.org`)).toBe(429);
    expect(await wordsOf(page)).toBe(heldWords);
    expect(await sandbox.mail.list(to)).toHaveLength(1);
  });

  test('in Danish at phone width: the expired page, the answer, the email, the eleventh held back; no session and an ended one @phone', async ({
    browser,
    request,
    sandbox,
  }) => {
    const account = await sandbox.fenerum.createAccount({ language: 'da' });
    const to = recipientEmail(account);
    const expired = alreadyExpired((await issueLink(request, account.code)).url);
    const context = await browser.newContext({ locale: 'da-DK', viewport: { width: 390, height: 844 } });
    await context.addCookies([{ name: 'lang', value: 'da', url: E2E.appUrl }]);
    try {
      const page = await context.newPage();
      await page.goto(expired);
      await expect(page.getByRole('heading', { name: 'Linket er udløbet' })).toBeVisible();
      await expect(page.getByRole('heading', { name: 'Send mig et nyt link' })).toBeVisible();
      await noSeriousViolations(page);
      await shot(page, 'expired-da');
      // The browser's own check (type=email, required) asks for an address before anything is posted.
      await page.getByLabel('Din e-mailadresse').fill('ikke-et-link');
      expect(await page.getByLabel('Din e-mailadresse').evaluate((el) => (el as HTMLInputElement).validity.valid)).toBe(false);
      expect(await askForNewLink(page, to, 'Din e-mailadresse', 'Send mig et nyt link')).toBe(200);
      await expect(page.getByRole('heading', { name: 'Tjek din e-mail' })).toBeVisible();
      await noSeriousViolations(page);
      await shot(page, 'sent-da');
      await expect.poll(async () => (await sandbox.mail.list(to)).length, { timeout: 15_000 }).toBe(1);
      const [mail] = await sandbox.mail.list(to);
      expect(mail?.subject).toBe('Dit nye link til kortportalen');
      await page.goto(sandbox.mail.htmlUrl(mail?.id ?? ''));
      await expect(page.getByRole('link', { name: 'Åbn din kortportal' })).toBeVisible();
      await noSeriousViolations(page);
      await shot(page, 'email-da');

      // Nine more in the hour, then the eleventh from the Danish page: held back, in Danish.
      await page.goto(expired);
      const ask = (await page.locator('input[name="ask"]').getAttribute('value')) ?? '';
      for (let i = 2; i <= 10; i++) {
        const more = await request.post('/pay/new-link', { form: { ask, email: `flere-${i}-${Date.now()}@example.org` }, headers: { Origin: E2E.appUrl } });
        expect(more.status(), `request ${i}`).toBe(200);
      }
      expect(await askForNewLink(page, to, 'Din e-mailadresse', 'Send mig et nyt link')).toBe(429);
      await expect(page.getByRole('heading', { name: 'Prøv igen senere' })).toBeVisible();
      await noSeriousViolations(page);
      await shot(page, 'held-back-da');

      // Without a session: how to get a link. A session that ended: the form.
      await page.goto('/pay');
      await expect(page.getByRole('heading', { name: 'Åbn dit link for at se dine kort' })).toBeVisible();
      await shot(page, 'no-session-da');
      const link = await issueLink(request, account.code);
      await page.goto(link.url);
      await expect(page.getByTestId('account-name')).toHaveText(account.company_name);
      await request.delete(`/api/links/${link.id}`, { headers: { Authorization: `Bearer ${sandboxSecrets.PORTAL_API_KEY}` } });
      await page.goto('/pay');
      await expect(page.getByRole('heading', { name: 'Din session er udløbet' })).toBeVisible();
      await expect(page.getByRole('heading', { name: 'Send mig et nyt link' })).toBeVisible();
      await noSeriousViolations(page);
      await shot(page, 'session-ended-da');
    } finally {
      await context.close();
    }
  });

  test('a session that ended (its link withdrawn) offers the form; the new link opens the portal again @phone', async ({ page, browser, request, sandbox }) => {
    const account = await sandbox.fenerum.createAccount({ language: 'en' });
    const to = recipientEmail(account);
    const link = await issueLink(request, account.code);
    await page.goto(link.url);
    await expect(page.getByTestId('account-name')).toHaveText(account.company_name);
    const del = await request.delete(`/api/links/${link.id}`, { headers: { Authorization: `Bearer ${sandboxSecrets.PORTAL_API_KEY}` } });
    expect(del.status()).toBe(200);
    await page.goto('/pay');
    await expect(page.getByRole('heading', { name: 'Your session has ended' })).toBeVisible();
    await expect(page.getByTestId('card')).toHaveCount(0);
    await noSeriousViolations(page);
    await shot(page, 'session-ended-en');
    expect(await askForNewLink(page, to)).toBe(200);
    await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();
    await expect.poll(async () => (await sandbox.mail.list(to)).length, { timeout: 15_000 }).toBe(1);
    const [mail] = await sandbox.mail.list(to);
    await opensPortal(browser, mail?.links.find((l) => new URL(l).pathname.startsWith('/pay/')) ?? '', account.company_name);
  });

  test('someone who never had a session is told how to get a link, not that it ended @phone', async ({ page }) => {
    await page.goto('/pay');
    await expect(page.getByRole('heading', { name: 'Open your link to see your cards' })).toBeVisible();
    await expect(page.getByText('The card portal opens from a personal link that we email you')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Your session has ended' })).toHaveCount(0);
    await expect(page.getByLabel('Your email address')).toHaveCount(0);
    await noSeriousViolations(page);
    await shot(page, 'no-session-en');
  });

  test('bad input: another site’s form, a changed form value, a malformed or oversized address are refused with a sentence; nothing sent', async ({
    page,
    request,
    sandbox,
    baseURL,
  }) => {
    const account = await sandbox.fenerum.createAccount({ language: 'en' });
    const to = recipientEmail(account);
    await page.goto(alreadyExpired((await issueLink(request, account.code)).url));
    const ask = (await page.locator('input[name="ask"]').getAttribute('value')) ?? '';
    const own = { Origin: baseURL ?? '' };

    const elsewhere = await request.post('/pay/new-link', { form: { ask, email: to }, headers: { Origin: 'https://evil.example' } });
    expect(elsewhere.status()).toBe(403);
    const [data = '', sig = ''] = ask.split('.');
    const payload = JSON.parse(Buffer.from(data, 'base64url').toString()) as Record<string, unknown>;
    const changed = `${Buffer.from(JSON.stringify({ ...payload, acct: 'CUST001' })).toString('base64url')}.${sig}`;
    const stale = await request.post('/pay/new-link', { form: { ask: changed, email: to }, headers: own });
    expect(stale.status()).toBe(400);
    expect(await stale.text()).toContain('This form has expired, so nothing was sent');
    const malformed = await request.post('/pay/new-link', { form: { ask, email: 'not an address' }, headers: own });
    expect(malformed.status()).toBe(400);
    const body = await malformed.text();
    expect(body).toContain('Type the email address you get our emails at');
    expect(body).toContain('aria-invalid="true"');
    const oversized = await request.post('/pay/new-link', { form: { ask, email: `${'a'.repeat(5000)}@example.org` }, headers: own });
    expect(oversized.status()).toBe(413);
    expect(await oversized.text()).toContain('<h1>No link was sent</h1>');
    // None of them counted: ten more are still taken (the eleventh would not be).
    for (let i = 1; i <= 10; i++) {
      const ok = await request.post('/pay/new-link', { form: { ask, email: `n${i}-${Date.now()}@example.org` }, headers: own });
      expect(ok.status(), `request ${i}`).toBe(200);
    }
    expect(await sandbox.mail.list(to)).toHaveLength(0);
  });
});
