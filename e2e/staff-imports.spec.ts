import { readFileSync } from 'node:fs';
import Stripe from 'stripe';
import { sandboxSecrets } from '../lib/env/sandbox-defaults';
import { signInStaff } from './support/staff';
import { lookAt } from './support/staff-accounts';
import { expect, test } from './support/test';

test.describe.configure({ timeout: 150_000 });

test.describe('staff: bring existing cards over (issue 27)', () => {
  test('upload → dry run names the bad row → import → progress to done → failed rows as CSV', async ({ page, sandbox, account }) => {
    // Two cards the merchant's customers already have at Stripe, one at QuickPay, and a PaymentMethod that does not exist.
    const api = new URL(sandbox.urls.stripe);
    const stripe = new Stripe(sandboxSecrets.STRIPE_SECRET_KEY, { host: api.hostname, port: Number(api.port), protocol: 'http' });
    const pms: string[] = [];
    for (let i = 0; i < 2; i++) {
      const customer = await stripe.customers.create({ description: 'existing customer' });
      pms.push((await stripe.paymentMethods.attach('pm_card_visa', { customer: customer.id })).id);
    }
    const qp = await fetch(`${sandbox.urls.quickpay}/subscriptions`, {
      method: 'POST',
      headers: {
        Authorization: `Basic ${Buffer.from(`:${sandboxSecrets.QUICKPAY_API_KEY}`).toString('base64')}`,
        'Accept-Version': 'v10',
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ order_id: `e2eimp${Date.now()}`, currency: 'DKK', description: 'existing card' }),
    });
    const subscription = ((await qp.json()) as { id: number }).id;
    await sandbox.quickpay.authorize(subscription, { card: '1000020000000006' });
    const missing = `pm_nosuch${Date.now()}`;
    const csv = `\uFEFFaccount,gateway,token\r\n${account.code},stripe_new,${pms[0]}\r\n${account.code},stripe_new,${missing}\r\n${account.code},stripe_new,${pms[1]}\r\n${account.code},quickpay,${subscription}\r\n`;
    const file = { name: 'cards.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) };

    await signInStaff(page, 'operator');
    await page.goto('/staff/imports');
    await expect(page.getByRole('heading', { level: 1, name: 'Import existing cards' })).toBeVisible();

    // The dry run: three rows good, the missing PaymentMethod named with its line; nothing queued.
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByTestId('import-check').click();
    await expect(page.getByTestId('import-answer')).toHaveText('3 of 4 rows can be imported; 1 cannot (listed below). Nothing was queued.');
    const bad = page.getByTestId('import-bad').locator('tbody tr');
    await expect(bad).toHaveCount(1);
    await expect(bad).toContainText('3');
    await expect(bad).toContainText(missing);
    await expect(bad).toContainText('Stripe has no such PaymentMethod');
    expect(await sandbox.fenerum.cards(account.code)).toHaveLength(0);
    await lookAt(page, 'imports-dry-run');

    // The real run: the three queued, drained by the app's worker; the page follows it to the end.
    await page.getByTestId('import-start').click();
    await expect(page.getByTestId('import-answer')).toHaveText('Import started: 3 cards queued, 0 already here, 1 refused.');
    const row = page.getByTestId('import-row').first();
    await expect(async () => {
      await page.reload();
      await expect(row).toHaveAttribute('data-left', '0', { timeout: 1_000 });
    }).toPass({ timeout: 60_000 });
    await expect(row.getByTestId('import-progress')).toContainText('3 done, 0 left, 1 failed of 4');
    expect(await sandbox.fenerum.cards(account.code)).toHaveLength(3);

    // The failed rows with their reasons, as a CSV the operator can fix and import again.
    const download = page.waitForEvent('download');
    await row.getByTestId('import-failed-csv').click();
    const text = readFileSync(await (await download).path(), 'utf8');
    expect(text.replace(/^\uFEFF/, '').split('\r\n')).toEqual([
      'account,gateway,token,line,reason',
      `${account.code},stripe_new,${missing},3,Stripe has no such PaymentMethod`,
      '',
    ]);

    // The same file again adds nothing.
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByTestId('import-start').click();
    await expect(page.getByTestId('import-answer')).toHaveText('Import started: 0 cards queued, 3 already here, 1 refused.');
    expect(await sandbox.fenerum.cards(account.code)).toHaveLength(3);
    await page.reload();
    await expect(page.getByTestId('import-row').first().getByTestId('import-progress')).toContainText('3 done, 0 left, 1 failed of 4');
    await lookAt(page, 'imports-done');
  });

  test('a malformed file is refused with its first bad line, and a support user may not import', async ({ page, browser }) => {
    await signInStaff(page, 'operator');
    await page.goto('/staff/imports');
    await page.getByTestId('import-file').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('account,gateway,token\nA1,quickpay\n') });
    await page.getByTestId('import-check').click();
    await expect(page.getByTestId('import-error')).toHaveText(
      'Line 2 is malformed: it has 2 cells, and every line needs as many as the header. Nothing was imported.',
    );
    await page
      .getByTestId('import-file')
      .setInputFiles({ name: 'f.csv', mimeType: 'text/csv', buffer: Buffer.from('account,gateway,token\r\nA1,quickpay,"=1+2"\r\n') });
    await page.getByTestId('import-start').click();
    await expect(page.getByTestId('import-error')).toContainText('Line 2 holds a cell that looks like a spreadsheet formula');

    // In Danish: the page and the refusal's sentence.
    await page.getByRole('button', { name: 'Dansk' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Importér eksisterende kort' })).toBeVisible();
    await page
      .getByTestId('import-file')
      .setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('account;gateway;token\r\nA1;quickpay;1;2\r\n') });
    await page.getByTestId('import-check').click();
    await expect(page.getByTestId('import-error')).toContainText('Linje 2 er forkert udformet: den har 4 felter');
    await lookAt(page, 'imports-refused-da');
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Import existing cards' })).toBeVisible();

    const support = await browser.newPage();
    await signInStaff(support, 'support');
    await support.goto('/staff/imports');
    await expect(support.getByText('Only an operator or admin can import cards.')).toBeVisible();
    await support.close();
  });
});
