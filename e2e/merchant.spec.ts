import { readFileSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { SANDBOX_MERCHANT } from '../lib/env/sandbox-defaults';
import { recipientEmail } from '../sandbox/control-client';
import { alreadyExpired, issueLink } from './support/api';
import { expect, test } from './support/test';

/**
 * Issue 26's must-show: whose portal it is. The run's app has no MERCHANT_* set, so the
 * sandbox's fictional merchant is the configured one. Every customer page the build serves (its
 * app-paths manifest: a new page fails the first test until it has a visit here) and the plain
 * pages (a link that does not hold, the question before opening one) must name the merchant in
 * the header and the tab title and offer its support contact; the approval page and its email
 * say who is charging and how much.
 */
const M = SANDBOX_MERCHANT;

/** Customer-facing page entries of the production build: every page not under /staff. */
function customerPages(): string[] {
  const manifest = path.join(process.env.NEXT_DIST_DIR || '.next', 'server', 'app-paths-manifest.json');
  return Object.keys(JSON.parse(readFileSync(manifest, 'utf8')) as Record<string, string>)
    .filter((e) => e.endsWith('/page') && !e.startsWith('/staff/') && e !== '/_global-error/page')
    .sort();
}

type World = { customer: Page; nobody: Page; approval: string; card: string };

/** How each customer page is reached (a page of the build not here fails the first test). */
const VISITS: Record<string, (w: World) => Array<{ page: Page; url: string; status?: number }>> = {
  '/page': (w) => [{ page: w.nobody, url: '/' }],
  '/_not-found/page': (w) => [{ page: w.nobody, url: '/no-such-page', status: 404 }],
  '/pay/page': (w) => [
    { page: w.customer, url: '/pay' },
    // No session: "your session has ended, ask us".
    { page: w.nobody, url: '/pay' },
  ],
  '/pay/approve/[paymentIntentId]/page': (w) => [
    { page: w.customer, url: `/pay/approve/${w.approval}` },
    { page: w.customer, url: '/pay/approve/pi_nosuchpayment000000000' },
  ],
  // The customer's only card: its remove page says it cannot be removed.
  '/pay/cards/[cardUuid]/remove/page': (w) => [{ page: w.customer, url: `/pay/cards/${w.card}/remove` }],
  '/pay/quickpay/cancel/page': (w) => [{ page: w.customer, url: '/pay/quickpay/cancel' }],
  '/pay/quickpay/return/page': (w) => [{ page: w.customer, url: '/pay/quickpay/return' }],
  '/pay/stripe/return/page': (w) => [{ page: w.customer, url: '/pay/stripe/return' }],
};

/** The merchant as a customer page must show it: header (logo alt or name), tab title, support contact. */
async function expectMerchant(page: Page, url: string, status?: number) {
  const res = await page.goto(url);
  expect(res?.status(), url).toBe(status ?? 200);
  await expect(page, url).toHaveTitle(new RegExp(`· ${M.name}$`));
  const header = page.locator('header').first();
  await expect(header.getByRole('img', { name: M.name }).or(header.getByText(M.name)).first(), url).toBeVisible();
  await expect(page.locator(`a[href="mailto:${M.supportEmail}"]`).first(), url).toBeVisible();
}

test('every customer page of the build has a visit in this spec', () => {
  const built = customerPages();
  expect(built.filter((entry) => !VISITS[entry])).toEqual([]);
  expect(Object.keys(VISITS).filter((entry) => !built.includes(entry))).toEqual([]);
});

test('every customer page names the merchant (header, tab title) and offers its support contact; the approval page and email say who charges and how much @phone', async ({
  browser,
  page,
  sandbox,
  request,
  account,
  link,
}) => {
  test.setTimeout(120_000);
  // A payment waiting for this customer: a Visa saved in the portal, then Fenerum's charge that the bank wants authenticated.
  await page.goto(link.url);
  await page.getByRole('button', { name: 'Add card', exact: true }).click();
  const frame = page.frameLocator('iframe[title="Secure payment input frame"]');
  await frame.getByLabel('Card number').fill('4242 4242 4242 4242');
  await frame.getByLabel('Expiration date').fill(`12 / ${40 + Math.floor(Math.random() * 30)}`);
  await frame.getByLabel('Security code').fill('123');
  await page.getByRole('button', { name: 'Save card' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Card saved' })).toBeVisible({ timeout: 20_000 });
  const charge = await sandbox.fenerum.charge(account.code);
  expect(charge).toMatchObject({ errorCode: 'authentication_required', sent: true });
  const approval = charge.paymentGatewayId;

  const nobodyContext = await browser.newContext();
  try {
    const card = (await sandbox.fenerum.cards(account.code)).find((c) => c.active)?.uuid ?? '';
    const world: World = { customer: page, nobody: await nobodyContext.newPage(), approval, card };
    for (const entry of customerPages()) {
      for (const visit of VISITS[entry]?.(world) ?? []) await expectMerchant(visit.page, visit.url, visit.status);
    }
    // The plain pages outside the React tree: an expired link, and the question asked before a link from elsewhere opens.
    await expectMerchant(world.nobody, alreadyExpired(link.url), 410);
    // Fetched without Fetch Metadata (as a mail scanner does), a link asks before it opens.
    const ask = await request.get((await issueLink(request, account.code)).url, { maxRedirects: 0 });
    const html = await ask.text();
    expect(html).toContain('Continue to the card portal');
    expect(html).toContain(`<title>Continue to your card portal · ${M.name}</title>`);
    expect(html).toContain(`alt="${M.name}"`);
    expect(html).toContain(`href="mailto:${M.supportEmail}"`);
  } finally {
    await nobodyContext.close();
  }

  // The approval page: who is charging, how much, and for what (the PaymentIntent's description, as the charge wrote it).
  await page.goto(`/pay/approve/${approval}`);
  const chargedBy = page.getByTestId('approval-charged-by');
  await expect(chargedBy).toContainText(`${M.name} asks for DKK`);
  await expect(chargedBy).toContainText('499.00');
  await expect(chargedBy).toContainText(`For: Fenerum invoice for ${account.code}`);
  await expect(page.locator('footer').getByRole('link', { name: 'Terms' })).toHaveAttribute('href', M.termsUrl);
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  // The approval email (in the account's language, Danish): from the merchant, naming it, the amount and what for, with the footer that says why and whom to ask.
  const to = recipientEmail(account);
  // The approval email, not the security notice that the card's registration also sent.
  const approvalMail = async () => (await sandbox.mail.list(to)).find((m) => (m.text ?? '').includes('499,00'));
  await expect.poll(approvalMail, { timeout: 15_000 }).toBeTruthy();
  const mail = await approvalMail();
  expect(mail?.from).toContain(M.name);
  const text = (mail?.text ?? '').replace(/\u00a0/g, ' ');
  expect(text).toContain(`${M.name} har forsøgt at trække 499,00 kr.`);
  expect(text).toContain(`Betalingen gælder: Fenerum invoice for ${account.code}`);
  expect(text).toContain(`faktureringskontakt for ${account.company_name} hos ${M.name}`);
  expect(text).toContain(M.supportEmail);
  expect(mail?.html ?? '').toContain(M.name);
});
