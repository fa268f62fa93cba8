import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { sandboxSecrets } from '../lib/env/sandbox-defaults';
import { sandboxControl, type SandboxControl } from '../sandbox/control-client';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { E2E } from './support/ports';
import { AppProcess } from './support/app-process';

/** Screenshots for a person to look at, outside the repository (SHOTS_DIR; else the test's output folder). */
const shot = (name: string) => (process.env.SHOTS_DIR ? `${process.env.SHOTS_DIR}/${name}` : test.info().outputPath(name));

/**
 * Stripe flows that change the whole sandbox (Fenerum down) or the app's configuration (SEPA
 * on), on an app and a sandbox of their own so the other tests never feel them.
 */
let sandbox: Sandbox;
let control: SandboxControl;
let app: AppProcess;

test.describe.configure({ mode: 'serial', timeout: 60_000 });

test.beforeAll(async ({}, testInfo) => {
  // A cold `next start` on two busy cores can take longer than a test's 30 s.
  test.setTimeout(90_000);
  // The phone project runs this file's @phone test in another worker, maybe at the same time: ports of its own.
  const { appPort: APP_PORT, sandboxPort: SANDBOX_PORT } = testInfo.project.name === 'phone' ? E2E.isolatedPhone : E2E.isolated;
  sandbox = await startSandbox({ portBase: SANDBOX_PORT, appUrl: `http://localhost:${APP_PORT}`, fast: true });
  control = sandboxControl(sandbox.urls);
  // Its database in memory: nothing is left on disk.
  app = new AppProcess(APP_PORT, { SANDBOX_PORT: String(SANDBOX_PORT), SEPA_ENABLED: 'true', PGLITE_DIR: 'memory://' });
  await app.start();
});

test.afterAll(async () => {
  await app?.kill('SIGTERM');
  await sandbox?.stop();
});

const fenerumSettings = (settings: Parameters<SandboxControl['fenerum']['settings']>[0]) => control.fenerum.settings(settings);
// Accounts show their (unconfirmed) currency only in the tests that switch it on.
test.afterEach(async () => {
  await fenerumSettings({ accountCurrency: false });
});
const cards = (account: string) => control.fenerum.cards(account);
/** An account of the test's own, on this spec's sandbox. */
const freshAccount = async () => (await control.fenerum.createAccount()).code;

/** An account billed in `currency` in `country`, its currency shown by Fenerum (the unconfirmed field, switched on by the caller). */
const accountIn = async (currency: string, country: string) => (await control.fenerum.createAccount({ currency, country })).code;

async function openPortal(page: Page, account: string) {
  const res = await fetch(`${app.url}/api/links`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${sandboxSecrets.PORTAL_API_KEY}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ account }),
  });
  await page.goto(((await res.json()) as { url: string }).url);
}

async function openForm(page: Page, account: string, add = 'Add card', save = /^Save( card)?$/) {
  await openPortal(page, account);
  await page.getByRole('button', { name: add, exact: true }).click();
  await expect(page.getByRole('button', { name: save })).toBeEnabled();
  return page.frameLocator('iframe[title="Secure payment input frame"]');
}

test('Fenerum answering 503: the customer is told the card is being finished; it appears once Fenerum is back, registered once', async ({ page }) => {
  const account = await freshAccount();
  const frame = await openForm(page, account);
  await frame.getByLabel('Card number').fill('4242 4242 4242 4242');
  await frame.getByLabel('Expiration date').fill('07 / 37');
  await frame.getByLabel('Security code').fill('123');
  await fenerumSettings({ failNext: { status: 503, count: 100_000 } });
  try {
    await page.getByRole('button', { name: /^Save( card)?$/ }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Finishing' })).toContainText('Visa •••• 4242, expires 07/37', { timeout: 20_000 });
    // The page asks the server again, which tries Fenerum again: await that attempt's answer.
    const again = await page.waitForResponse((r) => r.url().endsWith('/api/register-payment-card') && r.request().method() === 'POST');
    expect(again.status()).toBe(202);
    expect((await cards(account)).filter((c) => c.card_number.endsWith('4242') && c.year === 2037)).toHaveLength(0);
  } finally {
    await fenerumSettings({ failNext: null });
  }
  await expect(page.getByRole('status').filter({ hasText: 'Card saved' })).toHaveText('Card saved: Visa •••• 4242, expires 07/37', { timeout: 60_000 });
  await expect(page.getByTestId('card').filter({ hasText: '4242' }).filter({ hasText: '07/37' })).toBeVisible();
  expect((await cards(account)).filter((c) => c.card_number.endsWith('4242') && c.year === 2037)).toHaveLength(1);
});

test('with SEPA enabled, a EUR account in Germany is offered SEPA Direct Debit; DE89… is saved, registered and listed as a mandate', async ({ page }) => {
  // The app reads the account's currency when the page opens: the switch stays on through the test.
  await fenerumSettings({ accountCurrency: true });
  const account = await accountIn('EUR', 'DE');
  const frame = await openForm(page, account);
  await frame.getByRole('tab', { name: 'SEPA Direct Debit' }).click();
  await expect(frame.getByText(/mandate|authorise|authorize/i).first()).toBeVisible();
  await frame.getByLabel('Full name').fill('Jens Hansen');
  await frame.getByLabel('Email').fill('jens@example.com');
  await frame.getByLabel('IBAN').fill('DE89370400440532013000');
  const before = (await cards(account)).length;
  await page.getByRole('button', { name: /^Save( card)?$/ }).click();
  await expect(page.getByRole('status').filter({ hasText: /saved|Finishing/i })).toContainText('3000', { timeout: 30_000 });
  await expect.poll(async () => (await cards(account)).length, { timeout: 30_000 }).toBe(before + 1);
  expect((await cards(account)).filter((c) => c.card_number.endsWith('3000'))).toHaveLength(1);
  // Listed as what it is: a mandate on an IBAN, no card expiry (Fenerum's emulator says 12/2099).
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toHaveText('Saved: SEPA Direct Debit, IBAN •••• 3000', { timeout: 30_000 });
  await page.reload();
  const mandate = page.getByTestId('card').filter({ hasText: '3000' });
  await expect(mandate).toContainText('SEPA Direct Debit');
  await expect(mandate).toContainText('IBAN •••• 3000');
  await expect(mandate).not.toContainText(/Expire/);
  await expect(mandate.getByLabel('IBAN ending in 3000')).toBeVisible();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: shot('sepa-mandate-listed-en.png'), fullPage: true });
  await page.context().addCookies([{ name: 'lang', value: 'da', url: app.url }]);
  await page.reload();
  await expect(page.getByTestId('card').filter({ hasText: '3000' }).getByLabel('IBAN der ender på 3000')).toBeVisible();
  await page.screenshot({ path: shot('sepa-mandate-listed-da.png'), fullPage: true });
});

/** Must-show of issue 26: SEPA where it belongs (seeds/001: SEPA countries, EUR only). */
test('SEPA Direct Debit is offered to a EUR account in a SEPA country and not to a DKK account @phone', async ({ page }) => {
  await fenerumSettings({ accountCurrency: true });
  try {
    const [eur, dkk] = await Promise.all([accountIn('EUR', 'FI'), accountIn('DKK', 'DK')]);
    await page.setViewportSize({ width: 390, height: 844 });
    let frame = await openForm(page, eur);
    await expect(frame.getByRole('tab', { name: 'SEPA Direct Debit' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Add a card or bank account' })).toBeVisible();
    await page.screenshot({ path: shot('sepa-eur-en.png'), fullPage: true });
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByTestId('add-hints')).toContainText('SEPA Direct Debit');
    await expect(page.getByRole('button', { name: 'Add card', exact: true })).toHaveAccessibleDescription(/euro bank account \(SEPA Direct Debit\)/);
    await expect(page.getByRole('link', { name: 'Add card with QuickPay' })).toHaveAccessibleDescription(/Dankort too/);
    await page.screenshot({ path: shot('sepa-buttons-en.png'), fullPage: true });
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

    await page.context().clearCookies();
    frame = await openForm(page, dkk);
    await expect(frame.getByLabel('Card number')).toBeVisible();
    await expect(frame.getByRole('tab')).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'Add a card', exact: true })).toBeVisible();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByTestId('add-hints')).not.toContainText('SEPA');

    // The same in Danish.
    await page.context().clearCookies();
    await page.context().addCookies([{ name: 'lang', value: 'da', url: app.url }]);
    frame = await openForm(page, eur, 'Tilføj kort', /^Gem( kort)?$/);
    await expect(frame.getByRole('tab', { name: 'SEPA Direct Debit' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Tilføj et kort eller en bankkonto' })).toBeVisible();
    await page.screenshot({ path: shot('sepa-eur-da.png'), fullPage: true });
    await page.getByRole('button', { name: 'Annuller' }).click();
    await expect(page.getByTestId('add-hints')).toContainText('bankkonto i euro (SEPA Direct Debit)');
    await page.screenshot({ path: shot('sepa-buttons-da.png'), fullPage: true });
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    await page.context().clearCookies();
    await page.context().addCookies([{ name: 'lang', value: 'da', url: app.url }]);
    frame = await openForm(page, dkk, 'Tilføj kort', /^Gem( kort)?$/);
    await expect(frame.getByLabel('Kortnummer')).toBeVisible();
    await expect(frame.getByRole('tab')).toHaveCount(0);
    await page.screenshot({ path: shot('sepa-dkk-da.png'), fullPage: true });
  } finally {
    await fenerumSettings({ accountCurrency: false });
  }
});
