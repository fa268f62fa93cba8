import AxeBuilder from '@axe-core/playwright';
import { sandboxSecrets } from '../lib/env/sandbox-defaults';
import { alreadyExpired, fenerumCards, issueLink, tokenOf, withPayload } from './support/api';
import { expect, test } from './support/test';

test.describe('customer portal', () => {
  test('home page shows the sandbox banner and the demo accounts; one click opens CUST001 @phone', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByTestId('sandbox-banner')).toBeVisible();
    const accounts = page.getByTestId('demo-accounts');
    await expect(accounts.getByText('CUST001')).toBeVisible();
    await accounts.getByRole('button', { name: /^Open portal: .*CUST001/ }).click();
    await expect(page).toHaveURL(/\/pay$/);
    await expect(page.getByTestId('account-name')).toHaveText('Nordlys ApS');
    await expect(page.getByTestId('card').filter({ hasText: '4242' })).toBeVisible();
  });

  test('a link shows exactly its own account’s active cards, and the token leaves the address bar', async ({ page, request }) => {
    const link = await issueLink(request, 'CUST002');
    const response = await page.goto(link.url);
    expect(response?.request().redirectedFrom()?.url()).toBe(link.url);
    await expect(page).toHaveURL(/\/pay$/);
    expect(page.url()).not.toContain(tokenOf(link.url));

    const expected = (await fenerumCards('CUST002')).filter((c) => c.active).map((c) => c.card_number.slice(-4));
    const shown = await page.getByTestId('card').locator('.card-number').allTextContents();
    expect(shown.map((s) => s.replace(/\D/g, '')).sort()).toEqual(expected.sort());

    const other = (await fenerumCards('CUST001')).map((c) => c.card_number.slice(-4));
    for (const last4 of other.filter((l) => !expected.includes(l))) await expect(page.getByText(`•••• ${last4}`)).toHaveCount(0);
  });

  test('the session cookie is httpOnly, SameSite=Lax and scoped to the account', async ({ page, link, context }) => {
    await page.goto(link.url);
    const cookie = (await context.cookies()).find((c) => c.name === 'portal_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(await page.evaluate(() => document.cookie)).not.toContain('portal_session');
  });

  test('opening a second account’s link asks first, and replaces the first session on the visitor’s click', async ({ page, request }) => {
    await page.goto((await issueLink(request, 'CUST001')).url);
    await page.goto((await issueLink(request, 'CUST002')).url);
    await expect(page.getByRole('heading', { name: 'You are viewing Nordlys ApS' })).toBeVisible();
    await page.getByRole('button', { name: /^Open / }).click();
    await expect(page).toHaveURL(/\/pay$/);
    await expect(page.getByTestId('account-name')).not.toHaveText('Nordlys ApS');
  });

  test('portal has no serious or critical accessibility violation @phone', async ({ page, request }) => {
    await page.goto((await issueLink(request, 'CUST001')).url);
    await expect(page.getByTestId('card-list')).toBeVisible();
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  });

  test('the language switch shows the portal in Danish, and back', async ({ page, link }) => {
    await page.goto(link.url);
    await page.getByRole('button', { name: 'Dansk' }).click();
    await expect(page.getByRole('heading', { name: 'Dine betalingskort' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'da');
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { name: 'Your payment cards' })).toBeVisible();
  });
});

test.describe('links that do not hold', () => {
  const nothingShown = async (page: import('@playwright/test').Page) => {
    await expect(page.getByTestId('card')).toHaveCount(0);
    await expect(page.getByText(/ApS|A\/S/)).toHaveCount(0);
    expect((await page.context().cookies()).find((c) => c.name === 'portal_session')).toBeUndefined();
  };

  test('a tampered link gets a plain 400 page and sees nothing', async ({ page, request }) => {
    const link = await issueLink(request, 'CUST001');
    const token = tokenOf(link.url);
    const res = await page.goto(`/pay/${token.slice(0, -2)}xx`);
    expect(res?.status()).toBe(400);
    await expect(page.getByRole('heading', { name: 'This link is not valid' })).toBeVisible();
    expect(await res?.text()).not.toMatch(/at .*\.js|Error:|CUST001/);
    await nothingShown(page);
  });

  test('a link re-addressed to another account sees nothing of either', async ({ page, request }) => {
    const token = tokenOf((await issueLink(request, 'CUST001')).url);
    const res = await page.goto(`/pay/${withPayload(token, (p) => (p.acct = 'CUST002'))}`);
    expect(res?.status()).toBe(400);
    await nothingShown(page);
  });

  test('an expired link gets a 410 page that says to ask for a new one', async ({ page, request }) => {
    const link = await issueLink(request, 'CUST001');
    const res = await page.goto(alreadyExpired(link.url));
    expect(res?.status()).toBe(410);
    await expect(page.getByRole('heading', { name: 'This link has expired' })).toBeVisible();
    await nothingShown(page);
  });

  test('a revoked link stops opening and ends its session', async ({ page, request }) => {
    const link = await issueLink(request, 'CUST001');
    await page.goto(link.url);
    await expect(page.getByTestId('card-list')).toBeVisible();
    const del = await request.delete(`/api/links/${link.id}`, { headers: { Authorization: `Bearer ${sandboxSecrets.PORTAL_API_KEY}` } });
    expect(del.status()).toBe(200);
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Your session has ended' })).toBeVisible();
    await expect(page.getByTestId('card')).toHaveCount(0);
    const res = await page.goto(link.url);
    expect(res?.status()).toBe(410);
  });

  test('/pay without a session shows no account data', async ({ page }) => {
    await page.goto('/pay');
    await expect(page.getByRole('heading', { name: 'Open your link to see your cards' })).toBeVisible();
    await nothingShown(page);
  });
});

test('pages carry a nonce-based Content-Security-Policy that forbids framing', async ({ page, link }) => {
  await page.goto(link.url);
  const res = await page.reload();
  const csp = res?.headers()['content-security-policy'] ?? '';
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce).toBeTruthy();
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' https:\/\/js\.stripe\.com/);
  // Every script Next wrote into the page carries this response's nonce. (Chunks loaded later,
  // such as the card form's when the page is idle, come from our own origin: 'self' covers them.)
  const html = (await res?.text()) ?? '';
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map(([tag]) => /\snonce="([^"]*)"/.exec(tag)?.[1]);
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.every((n) => n === nonce)).toBe(true);
});
