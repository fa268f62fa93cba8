import type { Browser, BrowserContext, Page } from '@playwright/test';
import { recipientEmail, type FenerumAccount } from '../sandbox/control-client';
import { E2E } from './support/ports';
import { signInStaff } from './support/staff';
import { lookAt } from './support/staff-accounts';
import { expect, test } from './support/test';
import { addVisa } from './support/portal-cards';

test.describe.configure({ timeout: 180_000 });

const rowOf = (page: Page, code: string) => page.locator(`[data-testid="campaign-legacy"] [data-testid="campaign-row"][data-account="${code}"]`);

async function danish(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: 'da-DK', baseURL: E2E.appUrl });
  await context.addCookies([{ name: 'lang', value: 'da', url: E2E.appUrl }]);
  return context;
}

/** The portal link in the newest campaign email to this address. */
async function linkIn(sandbox: { mail: { list: (to?: string) => Promise<Array<{ links: string[] }>> } }, to: string): Promise<string> {
  const [mail] = await sandbox.mail.list(to);
  return mail?.links.find((l) => new URL(l).pathname.startsWith('/pay/')) ?? '';
}

/**
 * Issue 27's campaign must-show: three accounts with legacy cards → three emails in the sandbox
 * mailbox → one customer adds a card through the link → the page shows one replaced, two waiting
 * → a reminder goes to the two. The staff page is Danish; each account and mailbox is the test's own.
 */
test('legacy-card campaign: three emails, one card replaced, two waiting, reminders to the two', async ({ browser, sandbox }) => {
  const accounts: FenerumAccount[] = [];
  for (const language of ['en', 'da', 'en']) {
    const made = await sandbox.fenerum.createAccount({ language });
    await sandbox.fenerum.addCards(made.code, 1, 5556, { gateway: 'stripe', expMonth: 8, expYear: 2030 });
    accounts.push(made);
  }
  const [first, second, third] = accounts as [FenerumAccount, FenerumAccount, FenerumAccount];
  const stranger = await sandbox.fenerum.createAccount({ language: 'en' });
  const staffContext = await danish(browser);
  const customerContext = await browser.newContext({ baseURL: E2E.appUrl, locale: 'en-GB' });
  const danishCustomerContext = await danish(browser);
  try {
    const staff = await staffContext.newPage();
    await signInStaff(staff, 'operator');
    await staff.goto('/staff/campaigns');
    await staff.getByRole('button', { name: 'Opdater listerne' }).click();
    await expect(staff.getByTestId('action-answer').first()).toHaveText('Listerne opdateres i baggrunden. Genindlæs siden om et minut.');
    // The refresh reads Fenerum's card list in the bulk lane after the answer: the accounts appear when it is done.
    await expect(async () => {
      await staff.reload();
      for (const a of accounts) await expect(rowOf(staff, a.code)).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 60_000 });
    await expect(staff.getByTestId('campaign-refreshed')).toContainText('Listen opdateret');

    // Sending with nothing chosen: a sentence, nothing sent.
    const form = staff.getByTestId('campaign-form-legacy');
    await form.getByTestId('campaign-send').click();
    await expect(form.getByTestId('action-answer')).toHaveText('Vælg mindst én konto.');

    // Bad input through the real action, each a sentence with nothing sent (forms altered by hand):
    // an account that is not on the list, and a campaign that does not exist.
    await form.evaluate((el: HTMLFormElement, name) => {
      const extra = document.createElement('input');
      Object.assign(extra, { type: 'hidden', name, value: '1', id: 'stranger' });
      el.append(extra);
    }, `a:${stranger.code}`);
    await form.getByTestId('campaign-send').click();
    await expect(form.getByTestId('action-answer')).toContainText(`Konto ${stranger.code} er ikke på denne kampagnes liste`);
    await form.locator('#stranger').evaluate((el) => el.remove());
    await form.locator('input[name="campaign"]').evaluate((el: HTMLInputElement) => void (el.value = 'bogus'));
    await form.getByRole('checkbox', { name: `Vælg ${first.code}` }).check();
    await form.getByTestId('campaign-send').click();
    await expect(form.getByTestId('action-answer')).toHaveText('Ret de markerede felter');
    await staff.reload();
    await expect(rowOf(staff, first.code)).toHaveAttribute('data-state', 'none');

    for (const a of accounts) await form.getByRole('checkbox', { name: `Vælg ${a.code}` }).check();
    await form.getByTestId('campaign-send').click();
    await expect(form.getByTestId('action-answer')).toHaveText('3 e-mails sat i kø.');

    // Three emails in the sandbox's mailbox, each in its account's language.
    for (const a of accounts) await expect.poll(async () => (await sandbox.mail.list(recipientEmail(a))).length, { timeout: 30_000 }).toBe(1);
    expect((await sandbox.mail.list(recipientEmail(first)))[0]?.subject).toBe('Please add your payment card again');
    expect((await sandbox.mail.list(recipientEmail(second)))[0]?.subject).toBe('Tilføj venligst dit betalingskort igen');

    // The first customer opens the link and adds a card.
    const customer = await customerContext.newPage();
    await customer.goto(await linkIn(sandbox, recipientEmail(first)));
    await expect(customer.getByTestId('card-legacy')).toHaveText(
      'Your bank will ask you to confirm the next payment with this card. Add the card again to avoid it. Add the card again',
    );
    await addVisa(customer, 39);
    await expect(customer.getByRole('status').filter({ hasText: 'Card saved' })).toBeVisible({ timeout: 20_000 });

    // The second (Danish) customer only opens theirs: the notice sits on the card itself.
    const danishCustomer = await danishCustomerContext.newPage();
    await danishCustomer.goto(await linkIn(sandbox, recipientEmail(second)));
    await expect(danishCustomer.getByTestId('card-legacy')).toContainText('Din bank vil bede dig godkende den næste betaling med dette kort.');
    await lookAt(danishCustomer, 'campaign-card-notice-da');

    // The page: one replaced, two waiting (one of them opened).
    await expect(async () => {
      await staff.reload();
      await expect(rowOf(staff, first.code)).toHaveAttribute('data-state', 'replaced', { timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
    await expect(rowOf(staff, first.code).getByTestId('campaign-state')).toHaveText('Kort skiftet');
    await expect(rowOf(staff, second.code)).toHaveAttribute('data-state', 'opened');
    await expect(rowOf(staff, second.code).getByTestId('campaign-state')).toHaveText('Åbnet, venter');
    await expect(rowOf(staff, third.code)).toHaveAttribute('data-state', 'sent');
    await expect(rowOf(staff, third.code).getByTestId('campaign-state')).toHaveText('Sendt, venter');
    await lookAt(staff, 'campaigns-staff-da');

    // Reminders to those who did not act (after 0 days): the two, not the first.
    const legacy = staff.getByTestId('campaign-legacy');
    await legacy.getByTestId('remind-days').fill('0');
    await legacy.getByRole('button', { name: 'Send påmindelser' }).click();
    await expect(legacy.locator('.campaign-remind').getByTestId('action-answer')).toContainText('påmindelse');
    for (const a of [second, third]) await expect.poll(async () => (await sandbox.mail.list(recipientEmail(a))).length, { timeout: 30_000 }).toBe(2);
    expect((await sandbox.mail.list(recipientEmail(second))).map((m) => m.subject)).toContain('Påmindelse: Tilføj venligst dit betalingskort igen');
    expect((await sandbox.mail.list(recipientEmail(third))).map((m) => m.subject)).toContain('Reminder: Please add your payment card again');
    expect(await sandbox.mail.list(recipientEmail(stranger))).toEqual([]);
    // The first customer, who added a card, got its security notice but no reminder.
    expect((await sandbox.mail.list(recipientEmail(first))).map((m) => m.subject).filter((s) => s.includes('payment card again'))).toEqual([
      'Please add your payment card again',
    ]);

    // The same campaign again within its window: skipped, nothing sent.
    await staff.reload();
    for (const a of [second, third])
      await staff
        .getByTestId('campaign-form-legacy')
        .getByRole('checkbox', { name: `Vælg ${a.code}` })
        .check();
    await staff.getByTestId('campaign-form-legacy').getByTestId('campaign-send').click();
    await expect(staff.getByTestId('campaign-form-legacy').getByTestId('action-answer')).toHaveText(
      'Ingen e-mail sat i kø. 2 konti fik denne kampagne inden for de seneste 30 dage og blev sprunget over.',
    );
  } finally {
    await staffContext.close();
    await customerContext.close();
    await danishCustomerContext.close();
  }
});
