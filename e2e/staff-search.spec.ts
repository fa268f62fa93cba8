import AxeBuilder from '@axe-core/playwright';
import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { E2E } from './support/ports';
import { signInStaff } from './support/staff';
import { expect, test } from './support/test';

/**
 * Issue 23 items 5 and 8: the console's one search box, finding each kind from any staff page;
 * lists that work at size (250 cards paged on the staff account page and in the portal, the
 * payments list on a 390 px phone, its CSV with the filters set, the reconciliation chart's axes,
 * the look-up form without an early error, the sandbox opening payments on a period with data).
 */
test.describe.configure({ timeout: 120_000 });

const SHOTS = process.env.SEARCH_SHOTS_DIR ?? 'test-results/staff-search';

/** Screenshots at 1280 and 390 px in English and Danish, axe (WCAG 2.1 A/AA) clean at each. */
async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  for (const lang of ['en', 'da'] as const) {
    await page.context().addCookies([{ name: 'lang', value: lang, url: E2E.appUrl }]);
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    for (const [width, height, label] of [
      [1280, 900, 'desktop'],
      [390, 844, 'phone'],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.screenshot({ path: `${SHOTS}/${name}-${lang}-${label}.png`, fullPage: true });
      const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      expect(
        axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
        `${name} ${lang} ${width}px`,
      ).toEqual([]);
    }
  }
  await page.context().addCookies([{ name: 'lang', value: 'en', url: E2E.appUrl }]);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.reload();
}

/** Types into the console's search box (the layout's, on every staff page) and sends it. */
async function searchFromBox(page: Page, text: string): Promise<void> {
  const box = page.getByTestId('staff-search');
  await box.getByRole('searchbox').fill(text);
  await box.getByRole('button', { name: 'Search' }).click();
}

const noSidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

test.describe('the console’s search box', () => {
  test('from any staff page: an account by code (jumps), by name and by a recipient’s email (listed)', async ({ page }) => {
    await signInStaff(page, 'viewer');
    await page.goto('/staff/payments');
    await searchFromBox(page, 'CUST001');
    await expect(page).toHaveURL(/\/staff\/accounts\/CUST001$/);
    await searchFromBox(page, 'nordlys');
    await expect(page).toHaveURL(/\/staff\/search\?q=nordlys/);
    await expect(page.getByTestId('found-account').getByRole('link', { name: 'Nordlys ApS' })).toBeVisible();
    await shoot(page, 'search-results');
    await searchFromBox(page, 'kreditor@storkunde.dk');
    await expect(page.getByTestId('found-account')).toContainText('CUST004');
  });

  test('a card by its last four (listed, on its account) and by its Fenerum uuid (jumps to the card)', async ({ page, sandbox, account }) => {
    const last4 = String(1000 + Math.floor(Math.random() * 8999));
    await sandbox.fenerum.addCards(account.code, 1, Number(last4));
    const [card] = await sandbox.fenerum.cards(account.code);
    await signInStaff(page, 'viewer');
    await page.goto('/staff/accounts');
    await searchFromBox(page, card?.uuid ?? '');
    await expect(page).toHaveURL(new RegExp(`/staff/accounts/${account.code}/cards/${card?.uuid}$`));
    // Every card is read from Fenerum at most once a minute: a card made a moment ago is found once that minute is up.
    const found = page.getByTestId('found-card').getByRole('link', { name: new RegExp(`•••• ${last4} on .*\\(${account.code}\\)`) });
    await expect
      .poll(
        async () => {
          await searchFromBox(page, last4);
          return found.count();
        },
        { timeout: 75_000, intervals: [5_000] },
      )
      .toBe(1);
    await expect(found).toHaveAttribute('href', `/staff/accounts/${account.code}/cards/${card?.uuid}`);
  });

  test('a FarPay payment id and an invoice id jump to the payment and to the invoice’s look-up', async ({ page, sandbox }) => {
    const invoiceId = 7_000_000 + Math.floor(Math.random() * 900_000);
    const payment = await sandbox.farpay.createPayment({ type: 'Visa', amountMinor: 45_600, invoiceId });
    await signInStaff(page, 'viewer');
    await page.goto('/staff');
    await searchFromBox(page, String(payment.PaymentId));
    await expect(page).toHaveURL(new RegExp(`/staff/payments/${payment.PaymentId}$`));
    await searchFromBox(page, String(invoiceId));
    await expect(page).toHaveURL(new RegExp(`/staff/payments\\?mode=lookup&invoice=${invoiceId}$`));
    await expect(page.getByTestId('payments-table')).toContainText(String(payment.PaymentId));
  });

  test('a Stripe PaymentIntent id jumps to the account it charged', async ({ page, sandbox, account }) => {
    // A card no other test saves (Discover) with an expiry of its own: Fenerum's webhook is put on this
    // account by its card, and a Visa •••• 4242 of another test with the same expiry made it nobody's.
    await sandbox.fenerum.addCardThroughFenerum(account.code, {
      number: '6011111111111117',
      expMonth: 1 + Math.floor(Math.random() * 12),
      expYear: 2030 + Math.floor(Math.random() * 40),
    });
    const charge = await sandbox.fenerum.charge(account.code);
    expect(charge.sent).toBe(true);
    await signInStaff(page, 'viewer');
    await page.goto('/staff/accounts');
    await expect
      .poll(
        async () => {
          await searchFromBox(page, charge.paymentGatewayId);
          return new URL(page.url()).pathname;
        },
        { timeout: 20_000 },
      )
      .toBe(`/staff/accounts/${account.code}`);
  });

  test('bad input is said in a sentence, nothing searched', async ({ page }) => {
    await signInStaff(page, 'viewer');
    await page.goto('/staff/search?q=');
    await expect(page.getByTestId('search-refused')).toContainText('Type what to search for');
    await page.goto(`/staff/search?q=${encodeURIComponent('CUST001\nCUST002')}`);
    await expect(page.getByTestId('search-refused')).toContainText('without control characters');
    await page.goto(`/staff/search?q=${'x'.repeat(300)}`);
    await expect(page.getByTestId('search-refused')).toContainText('at most 100 characters');
    await page.goto('/staff/search');
    await expect(page.locator('.staff-error')).toHaveCount(0);
    await shoot(page, 'search-empty');
  });
});

test.describe('lists that work at size', () => {
  test('an account with 250 cards pages them on the staff account page and in the portal', async ({ page, browser, sandbox, account, link }) => {
    expect((await sandbox.fenerum.addCards(account.code, 250)).count).toBe(250);
    await signInStaff(page, 'viewer');
    await page.goto(`/staff/accounts/${account.code}`);
    const cards = page.getByTestId('staff-card');
    await expect(cards).toHaveCount(50);
    const pager = page.getByTestId('list-pager');
    await expect(pager).toContainText('Page 1 of 5');
    await expect(pager).toContainText('1–50 of 250');
    await expect(pager.getByRole('link', { name: 'Previous page' })).toHaveCount(0);
    const firstOnPage1 = await cards.first().getAttribute('data-card');
    await pager.getByRole('link', { name: 'Next page' }).click();
    await expect(pager).toContainText('Page 2 of 5');
    await expect(cards).toHaveCount(50);
    expect(await cards.first().getAttribute('data-card')).not.toBe(firstOnPage1);
    await page.goto(`/staff/accounts/${account.code}?cards=5`);
    await expect(pager).toContainText('201–250 of 250');
    await expect(pager.getByRole('link', { name: 'Next page' })).toHaveCount(0);
    await shoot(page, 'account-cards-paged');

    const customerContext = await browser.newContext();
    const customer = await customerContext.newPage();
    await customer.goto(link.url);
    await expect(customer.getByTestId('card')).toHaveCount(20);
    const portalPager = customer.getByTestId('list-pager');
    await expect(portalPager).toContainText('Page 1 of 13');
    await portalPager.getByRole('link', { name: 'Next page' }).click();
    await expect(portalPager).toContainText('Page 2 of 13');
    await expect(customer.getByTestId('card')).toHaveCount(20);
    await customer.goto('/pay?page=13');
    await expect(customer.getByTestId('card')).toHaveCount(10);
    await shoot(customer, 'portal-cards-paged');
    await customerContext.close();
  });

  test('the payments page opens on a period with data, and reads on a 390 px phone without scrolling sideways', async ({ page }) => {
    await signInStaff(page, 'viewer');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/staff/payments');
    await expect(page.getByTestId('payments-table').locator('tbody tr').first()).toBeVisible();
    expect(await noSidewaysScroll(page)).toBe(true);
    const cell = page.getByTestId('payments-table').locator('tbody tr').first().locator('td').nth(1);
    expect(await cell.evaluate((td) => getComputedStyle(td, '::before').content)).toBe('"Date"');
    await page.setViewportSize({ width: 1280, height: 900 });
    await shoot(page, 'payments-list');
    await page.setViewportSize({ width: 390, height: 844 });
    for (const url of ['/staff/payments?mode=lookup', '/staff/payments/reconciliation?from=2025-01-01&to=2025-03-31', '/staff/search?q=nordlys']) {
      await page.goto(url);
      expect(await noSidewaysScroll(page), url).toBe(true);
    }
  });

  test('the look-up form shows no error before anything is typed', async ({ page }) => {
    await signInStaff(page, 'viewer');
    await page.goto('/staff/payments?mode=lookup');
    await expect(page.getByTestId('filter-lookup')).toBeVisible();
    await expect(page.locator('.staff-error')).toHaveCount(0);
    await shoot(page, 'payments-lookup');
    await page.getByTestId('filter-lookup').getByRole('button').click();
    await expect(page.locator('.staff-error')).toContainText('Fill in an invoice number');
  });

  test('the CSV export from the payments list holds only the rows its filters show', async ({ page }) => {
    await signInStaff(page, 'viewer');
    const period = 'from=2025-03-01&to=2025-04-30';
    await page.goto(`/staff/payments?mode=period&${period}&type=Visa&status=Paid`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-list').click()]);
    const filtered = readFileSync((await download.path()) ?? '', 'utf8')
      .trim()
      .split('\r\n');
    expect(filtered[0]).toContain('PaymentId,PaymentDate,InvoiceId,PaymentType,PaymentStatus');
    const rows = filtered.slice(1).map((l) => l.split(','));
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect([r[3], r[4]]).toEqual(['Visa', 'Paid']);
    // The same period unfiltered holds exactly these among others.
    const all = (await (await page.request.get(`/staff/payments/export?mode=period&${period}`, { headers: { 'sec-fetch-site': 'same-origin' } })).text())
      .trim()
      .split('\r\n')
      .slice(1)
      .map((l) => l.split(','));
    expect(all.length).toBeGreaterThan(rows.length);
    expect(all.filter((r) => r[3] === 'Visa' && r[4] === 'Paid').map((r) => r[0])).toEqual(rows.map((r) => r[0]));
  });

  test('the reconciliation chart has an amount axis with a scale, dates under the bars, and both axes named', async ({ page }) => {
    await signInStaff(page, 'viewer');
    await page.goto('/staff/payments/reconciliation?from=2025-01-01&to=2025-03-31');
    const chart = page.getByTestId('chart');
    await expect(chart.getByTestId('chart-y-title')).toHaveText('Amount (DKK)');
    await expect(chart.getByTestId('chart-y-tick')).toHaveCount(5);
    await expect(chart.getByTestId('chart-y-tick').first()).toContainText('0');
    expect(await chart.getByTestId('chart-x-tick').count()).toBeGreaterThanOrEqual(2);
    await expect(chart.getByTestId('chart-x-tick').first()).toContainText(/Jan|Dec/);
    await shoot(page, 'reconciliation');
  });
});
