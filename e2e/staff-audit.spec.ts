import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from '@playwright/test';
import { sandboxSecrets } from '../lib/env/sandbox-defaults';
import { E2E } from './support/ports';
import { signInStaff } from './support/staff';
import { expect, test } from './support/test';

/** Links issued and revoked for `account` by "the merchant's backend", each an audit row with our own actor. */
async function linkActivity(page: Page, account: string, by: string) {
  const headers = { Authorization: `Bearer ${sandboxSecrets.PORTAL_API_KEY}` };
  const ids: string[] = [];
  for (let i = 0; i < 3; i++) {
    const res = await page.request.post(`${E2E.appUrl}/api/links`, { headers, data: { account, expiresIn: '1h', issuedBy: by } });
    expect(res.status()).toBe(201);
    ids.push(((await res.json()) as { id: string }).id);
  }
  expect((await page.request.delete(`${E2E.appUrl}/api/links/${ids[0]}`, { headers })).ok()).toBe(true);
}

/** Every rule, every impact; the sandbox's yellow banner (the root layout's, sandbox mode only, outside any landmark) is left out. */
const axe = (page: Page) => new AxeBuilder({ page });
const rows = (page: Page) => page.locator('.audit-table tbody tr');

/** One admin sign-in (password and TOTP) per worker, its session reused by each test's own browser context. */
let adminState: Awaited<ReturnType<BrowserContext['storageState']>>;
test.beforeAll(async ({ browser }) => {
  test.setTimeout(90_000);
  const context = await browser.newContext();
  await signInStaff(await context.newPage(), 'admin');
  adminState = await context.storageState();
  await context.close();
});
const asAdmin = async (browser: Browser, options: BrowserContextOptions = {}) => (await browser.newContext({ ...options, storageState: adminState })).newPage();

test.describe('the audit log page', () => {
  // In order, in one worker: one test exports as admin and another counts admin's exports to show a
  // refused export wrote nothing; side by side the first one's row broke the second's count (a flake).
  test.describe.configure({ mode: 'default' });
  test('an admin filters by account, staff user and action, and downloads the same rows as CSV, which is audited', async ({ browser, account }) => {
    const by = `backend-${crypto.randomUUID().slice(0, 8)}`;
    const page = await asAdmin(browser);
    await linkActivity(page, account.code, by);
    await page.goto('/staff');
    await page.getByRole('link', { name: 'Audit log' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Audit log');

    await page.getByLabel('Account', { exact: true }).fill(account.code);
    await page.getByRole('button', { name: 'Show' }).click();
    await expect(page).toHaveURL(new RegExp(`account=${account.code}`));
    await expect(rows(page)).toHaveCount(4);
    await expect(rows(page).first()).toContainText('Revoked a customer link');
    await expect(rows(page).first()).toContainText('link.revoked');
    await expect(rows(page).nth(1)).toContainText('Issued a customer link');
    await expect(rows(page).nth(1)).toContainText(`api:${by}`);

    await page.getByLabel('Action').fill('link.revoked');
    await page.getByRole('button', { name: 'Show' }).click();
    await expect(rows(page)).toHaveCount(1);
    await page.getByLabel('Action').fill('link');
    await page.getByLabel('Staff user or actor').fill(by.toUpperCase());
    await page.getByRole('button', { name: 'Show' }).click();
    await expect(rows(page)).toHaveCount(3);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download these entries as CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^audit-log-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = (await readFile(await download.path(), 'utf8'))
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(csv[0]).toBe('"seq","id","at_utc","at_copenhagen","actor","action","account","subject","ip","details"');
    expect(csv.slice(1)).toHaveLength(3);
    for (const line of csv.slice(1)) expect(line).toContain(`"api:${by}","link.issued","${account.code}"`);

    await page.goto(`/staff/audit?action=audit.exported&actor=admin@sandbox.test&account=`);
    await expect(rows(page).first()).toContainText('Exported the audit log as CSV');
    await rows(page).first().getByText('Details').click();
    await expect(rows(page).first()).toContainText(account.code);
  });

  test('fifty entries a page: older and back to newer keep the filters', async ({ browser, account }) => {
    const page = await asAdmin(browser);
    const headers = { Authorization: `Bearer ${sandboxSecrets.PORTAL_API_KEY}` };
    for (let i = 0; i < 52; i++) {
      const res = await page.request.post(`${E2E.appUrl}/api/links`, { headers, data: { account: account.code, expiresIn: '1h', issuedBy: `paging-${i}` } });
      expect(res.status()).toBe(201);
    }
    await page.goto(`/staff/audit?account=${account.code}`);
    await expect(rows(page)).toHaveCount(50);
    await expect(rows(page).first()).toContainText('api:paging-51');
    const paging = page.getByRole('navigation', { name: 'Pages' });
    await expect(paging.getByRole('link', { name: 'Newer entries' })).toHaveCount(0);
    await paging.getByRole('link', { name: 'Older entries' }).click();
    await expect(page).toHaveURL(new RegExp(`account=${account.code}&before=\\d+`));
    await expect(rows(page)).toHaveCount(2);
    await expect(rows(page).last()).toContainText('api:paging-0');
    await expect(paging.getByRole('link', { name: 'Older entries' })).toHaveCount(0);
    await paging.getByRole('link', { name: 'Newer entries' }).click();
    await expect(rows(page)).toHaveCount(50);
    await expect(rows(page).first()).toContainText('api:paging-51');
  });

  test('a filter that is not valid is named and left out; a day range with nothing in it says so', async ({ browser, account }) => {
    const page = await asAdmin(browser);
    await linkActivity(page, account.code, 'range');
    await page.goto(`/staff/audit?account=${account.code}&from=2026-02-30`);
    await expect(page.locator('main [role="alert"]')).toContainText('From (day)');
    await expect(rows(page)).toHaveCount(4);
    await page.goto(`/staff/audit?account=${account.code}&to=2001-01-01`);
    await expect(page.getByText('No entries match these filters')).toBeVisible();
  });

  test('the export refuses bad filters (400) and a request that is not a person’s own navigation (403), and writes nothing', async ({ browser }) => {
    const page = await asAdmin(browser);
    const exports = async () => {
      await page.goto('/staff/audit?action=audit.exported&actor=admin@sandbox.test');
      return rows(page).count();
    };
    const before = await exports();
    const own = { 'sec-fetch-site': 'same-origin', 'sec-fetch-dest': 'document' };
    for (const [query, field] of [
      ['from=yesterday', 'from'],
      [`account=${'A'.repeat(65)}`, 'account'],
      ['action=%3Cscript%3E', 'action'],
      ['before=-1', 'page'],
    ] as const) {
      const res = await page.request.get(`/staff/audit/export?${query}`, { headers: own, maxRedirects: 0 });
      expect(res.status(), query).toBe(400);
      expect(((await res.json()) as { error: string }).error).toContain(field);
    }
    for (const headers of [{}, { 'sec-fetch-site': 'cross-site', 'sec-fetch-dest': 'document' }, { 'sec-fetch-site': 'same-site' }] as Record<
      string,
      string
    >[]) {
      const res = await page.request.get('/staff/audit/export', { headers, maxRedirects: 0 });
      expect(res.status(), JSON.stringify(headers)).toBe(403);
    }
    expect(await exports()).toBe(before);
  });

  test('a viewer and a support user are refused the page and the export; an anonymous visitor is sent to sign in', async ({ page, browser }) => {
    for (const role of ['viewer', 'support'] as const) {
      const context = await browser.newContext();
      const other = await context.newPage();
      await signInStaff(other, role);
      await expect(other.getByRole('navigation')).not.toContainText('Audit log');
      await other.goto('/staff/audit');
      await expect(other.locator('main [role="alert"]')).toHaveText(/Only an admin can read the audit log/);
      await expect(other.locator('.audit-table')).toHaveCount(0);
      const res = await other.request.get('/staff/audit/export', { headers: { 'sec-fetch-site': 'same-origin' }, maxRedirects: 0 });
      expect(res.status()).toBe(403);
      await context.close();
    }
    await page.goto('/staff/audit');
    await expect(page).toHaveURL(/\/staff\/login$/);
    const res = await page.request.get('/staff/audit/export', { maxRedirects: 0 });
    expect([303, 307]).toContain(res.status());
  });

  test('desktop and phone, English and Danish: screenshots, and axe finds nothing', async ({ account, browser }, info) => {
    const page = await asAdmin(browser);
    await linkActivity(page, account.code, 'screens');
    for (const [name, width, height] of [
      ['desktop', 1280, 900],
      ['phone', 390, 844],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.goto(`/staff/audit?account=${account.code}`);
      await expect(rows(page)).toHaveCount(4);
      await page.screenshot({ path: info.outputPath(`audit-${name}.png`), fullPage: true });
      expect((await axe(page).analyze()).violations).toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${name}: no sideways scrolling`).toBeLessThanOrEqual(0);
    }
    const da = await asAdmin(browser, { locale: 'da-DK', viewport: { width: 390, height: 844 } });
    await da.goto(`/staff/audit?account=${account.code}`);
    await expect(da.getByRole('heading', { level: 1 })).toHaveText('Revisionslog');
    await expect(rows(da).first()).toContainText('Tilbagekaldte et kundelink');
    await da.screenshot({ path: info.outputPath('audit-phone-da.png'), fullPage: true });
    expect((await axe(da).analyze()).violations).toEqual([]);
  });
});
