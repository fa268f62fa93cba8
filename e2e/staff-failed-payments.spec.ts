import { randomInt } from 'node:crypto';
import type { Page } from '@playwright/test';
import { recipientEmail } from '../sandbox/control-client';
import { signInStaff } from './support/staff';
import { lookAt } from './support/staff-accounts';
import { E2E } from './support/ports';
import { expect, test } from './support/test';

test.describe.configure({ timeout: 150_000 });

const cardFrame = (page: Page) => page.frameLocator('iframe[title="Secure payment input frame"]');

/** The failed-payments list (unhandled, the last 30 days), read again until `row` is there. */
async function waitForRow(page: Page, key: string) {
  const row = page.locator(`tr[data-payment-key="${key}"]`);
  await expect(async () => {
    await page.goto('/staff/payments/failed');
    await expect(row).toHaveCount(1, { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  return row;
}

test.describe('staff: failed payments lead somewhere', () => {
  test('a declined card payment → its account → a link to add a new card sent by email → the customer adds one → marked handled with a note', async ({
    page,
    browser,
    sandbox,
    account,
  }) => {
    // Fenerum charges a card (saved through its own link) that every charge fails on: payment.declined reaches the app.
    await sandbox.fenerum.addCardThroughFenerum(account.code, { number: '4000000000000341', expMonth: randomInt(1, 13), expYear: randomInt(2040, 2070) });
    const charge = await sandbox.fenerum.charge(account.code, { bankWantsAuthentication: false, amount: 34_500 });
    expect(charge.webhook?.event).toBe('payment.declined');
    const key = `fenerum:${charge.paymentGatewayId}`;

    await signInStaff(page, 'support');
    const row = await waitForRow(page, key);
    await expect(row.getByRole('link', { name: account.code })).toBeVisible();
    await expect(row).toContainText('Card payment declined (Fenerum)');
    await expect(row).toContainText('345.00');

    // The one action leads to the account's send form.
    await row.getByRole('link', { name: 'Send the customer a link to add a new card' }).click();
    await page.waitForURL((url) => url.pathname === `/staff/accounts/${account.code}`);
    const url = new URL(page.url());
    expect(url.searchParams.get('send')).toBe('new-card');
    expect(url.hash).toBe('#send');

    // The send form there, "please add your card again" preselected: sent by email to the account's recipient.
    const form = page.locator('#send').getByTestId('send-form');
    await expect(form.getByRole('radio', { name: /Please add your card again/ })).toBeChecked();
    const to = recipientEmail(account);
    await expect(form.getByRole('combobox', { name: 'To' })).toHaveValue(to);
    await form.getByRole('button', { name: 'Send email' }).click();
    await expect(form.getByTestId('send-answer')).toContainText(`on its way to ${to}`);
    // The customer opens it from the sandbox's mailbox and adds a card.
    // In the account's language, whichever the sandbox gave it.
    const mailed = async () =>
      (await sandbox.mail.list(to)).find((m) => /^(Please add your payment card again|Tilføj venligst dit betalingskort igen)$/.test(m.subject));
    await expect.poll(async () => !!(await mailed()), { timeout: 20_000 }).toBe(true);
    const link = (await mailed())?.links.find((l) => new URL(l).pathname.startsWith('/pay/')) ?? '';
    expect(link).not.toBe('');
    const customerContext = await browser.newContext({ baseURL: E2E.appUrl });
    try {
      const customer = await customerContext.newPage();
      await customer.goto(link);
      await customer.getByRole('button', { name: 'Add card', exact: true }).click();
      await expect(cardFrame(customer).getByLabel('Card number')).toBeVisible();
      await cardFrame(customer).getByLabel('Card number').fill('4242 4242 4242 4242');
      await cardFrame(customer).getByLabel('Expiration date').fill('12 / 41');
      await cardFrame(customer).getByLabel('Security code').fill('123');
      await customer.getByRole('button', { name: 'Save card' }).click();
      await expect(customer.getByRole('status').filter({ hasText: 'Card saved' })).toHaveText('Card saved: Visa •••• 4242, expires 12/41');
    } finally {
      await customerContext.close();
    }
    expect((await sandbox.fenerum.cards(account.code)).filter((c) => c.active && c.card_number.endsWith('4242'))).toHaveLength(1);

    // Back on the list: marked handled with a note; gone from the unhandled list, shown under "All" with who, when and the note.
    const again = await waitForRow(page, key);
    await lookAt(page, 'failed-unhandled');
    await again.getByLabel('Note (what was done)').fill('Customer added a new Visa through the link.');
    await again.getByRole('button', { name: 'Mark handled' }).click();
    // The list is drawn again without it.
    await expect(page.locator(`tr[data-payment-key="${key}"]`)).toHaveCount(0);
    await page.goto('/staff/payments/failed');
    await expect(page.locator(`tr[data-payment-key="${key}"]`)).toHaveCount(0);
    await page.getByTestId('show-all').click();
    const handled = page.locator(`tr[data-payment-key="${key}"]`);
    await expect(handled.getByTestId('handled')).toContainText('Handled by support@sandbox.test');
    await expect(handled.getByTestId('handled')).toContainText('Customer added a new Visa through the link.');
    await lookAt(page, 'failed-all');
  });

  test('a FarPay failed payment shows "unknown account" and no send link; an empty note is refused and nothing is marked', async ({ page, sandbox }) => {
    const p = await sandbox.farpay.createPayment({ type: 'Visa', status: 'PaymentFailed', amountMinor: 9_900, error: 'Card expired' });
    await signInStaff(page, 'support');
    const row = await waitForRow(page, `farpay:${p.PaymentId}`);
    await expect(row).toContainText('Unknown account');
    await expect(row.getByRole('link', { name: 'Send the customer a link to add a new card' })).toHaveCount(0);
    await row.getByLabel('Note (what was done)').fill('   ');
    await row.getByRole('button', { name: 'Mark handled' }).click();
    await expect(row.getByText('Write a note on what was done.')).toBeVisible();
    await page.reload();
    await expect(page.locator(`tr[data-payment-key="farpay:${p.PaymentId}"]`).getByRole('button', { name: 'Mark handled' })).toBeVisible();
  });

  test('the overview: each count links to its list; in Danish too', async ({ page, sandbox }) => {
    await sandbox.farpay.createPayment({ type: 'Dankort', status: 'PaymentRejected', amountMinor: 1_500 });
    await signInStaff(page, 'viewer');
    await page.goto('/staff');
    await expect(page.getByRole('heading', { name: 'What needs attention' })).toBeVisible();
    const failed = page.getByTestId('count-failed');
    await expect(failed).toContainText('Unhandled failed payments, last 7 days');
    await lookAt(page, 'overview');
    // The count leads to the failed list of the last 7 days; that list reads FarPay afresh, and the overview then counts what it shows.
    await failed.click();
    const listed = Number(await page.getByTestId('failed-count').getAttribute('data-total'));
    expect(listed).toBeGreaterThanOrEqual(1);
    await page.goto('/staff');
    await expect(page.getByTestId('count-failed').locator('[data-count]')).toHaveAttribute('data-count', String(listed));
    // A list's rows are as many as its count said (a page of 100 at a time, the pager saying the whole).
    for (const [list, heading] of [
      ['expiring', 'Cards expiring next month'],
      ['approvals', "Payments waiting for the customer's approval"],
    ] as const) {
      await page.goto('/staff');
      const count = Number(await page.getByTestId(`count-${list}`).locator('[data-count]').getAttribute('data-count'));
      await page.getByTestId(`count-${list}`).click();
      await expect(page.getByRole('heading', { name: heading })).toBeVisible();
      await expect(page.getByTestId('attention-row')).toHaveCount(Math.min(count, 100));
      if (count > 100) await expect(page.getByTestId('list-pager')).toContainText(`of ${count.toLocaleString('en')}`);
      if (list === 'expiring') await lookAt(page, 'attention-expiring');
    }

    await page.context().addCookies([{ name: 'lang', value: 'da', url: E2E.appUrl }]);
    await page.goto('/staff');
    await expect(page.getByRole('heading', { name: 'Det, der kræver opmærksomhed' })).toBeVisible();
    await lookAt(page, 'overview-da');
    await page.getByTestId('count-failed').click();
    await expect(page.getByRole('heading', { name: 'Fejlede betalinger' })).toBeVisible();
    await lookAt(page, 'failed-da');
  });
});
