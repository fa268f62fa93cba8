import type { Page } from '@playwright/test';
import { recipientEmail } from '../sandbox/control-client';
import { E2E } from './support/ports';
import { signInStaff } from './support/staff';
import { lookAt } from './support/staff-accounts';
import { expect, test } from './support/test';
import { addVisa } from './support/portal-cards';

test.describe.configure({ timeout: 150_000 });

const accountPage = (code: string) => `/staff/accounts/${encodeURIComponent(code)}`;
const kindsOn = (page: Page) => page.getByTestId('timeline-entry').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));

/**
 * Issue 23's first must-show: staff send a link by email from the account page; the customer
 * opens it from the sandbox's mailbox and adds a card; the timeline follows it. Each test mails
 * an account of its own and reads only its recipient's messages.
 */
test.describe('staff send a link by email', () => {
  test('a support user sends a customer link; the customer opens it from the email and adds a card; the timeline shows sent, opened, card added', async ({
    page,
    browser,
    sandbox,
  }) => {
    const account = await sandbox.fenerum.createAccount({ language: 'en' });
    const to = recipientEmail(account);
    await signInStaff(page, 'support');
    await page.goto(`${accountPage(account.code)}?send=customer-link#send`);
    const form = page.locator('#send').getByTestId('send-form');
    await expect(form.getByRole('radio', { name: /Customer link/ })).toBeChecked();
    await expect(form.getByRole('combobox', { name: 'To' })).toHaveValue(to);
    await lookAt(page, 'account-send-form');
    await form.getByRole('button', { name: 'Send email' }).click();
    await expect(form.getByTestId('send-answer')).toHaveText(`Sent: “Customer link” is on its way to ${to}. The activity below shows when it is opened.`);
    await expect(page.getByTestId('timeline-entry').first()).toContainText(`support@sandbox.test sent a customer link by email to ${to}`);

    // The sandbox's mailbox caught it, in the account's language.
    await expect.poll(async () => (await sandbox.mail.list(to)).length, { timeout: 20_000 }).toBe(1);
    const [mail] = await sandbox.mail.list(to);
    expect(mail?.subject).toBe('Your link to add or update your payment card');
    expect(mail?.language).toBe('en');
    const link = mail?.links.find((l) => new URL(l).pathname.startsWith('/pay/')) ?? '';
    expect(link).not.toBe('');

    // The customer opens it from the mail program (a fresh browser) and adds a card.
    const customerContext = await browser.newContext({ baseURL: E2E.appUrl });
    try {
      const customer = await customerContext.newPage();
      await customer.goto(link);
      await expect(customer.getByTestId('account-name')).toHaveText(account.company_name);
      await addVisa(customer, 39);
      await expect(customer.getByRole('status').filter({ hasText: 'Card saved' })).toHaveText('Card saved: Visa •••• 4242, expires 12/39');
    } finally {
      await customerContext.close();
    }

    // The account's activity: sent → opened → card added, newest first.
    await expect(async () => {
      await page.reload();
      const kinds = (await kindsOn(page)).filter((k) => k?.startsWith('staffSen'));
      expect(kinds).toEqual(['staffSendCardAdded', 'staffSendOpened', 'staffSent']);
    }).toPass({ timeout: 20_000 });
    const entries = page.getByTestId('timeline-entry');
    await expect(entries.filter({ hasText: `${to} opened a customer link that support@sandbox.test sent` })).toHaveCount(1);
    await expect(entries.filter({ hasText: 'The customer added Visa •••• 4242 through a customer link that support@sandbox.test sent' })).toHaveCount(1);
    await lookAt(page, 'account-sent-opened-card');

    // The same page in Danish.
    await page.context().addCookies([{ name: 'lang', value: 'da', url: E2E.appUrl }]);
    try {
      await page.goto(`${accountPage(account.code)}?send=new-card#send`);
      await expect(page.getByRole('heading', { name: 'Send pr. e-mail' })).toBeVisible();
      await expect(page.locator('#send').getByRole('radio', { name: /Tilføj venligst dit kort igen/ })).toBeChecked();
      await expect(page.getByTestId('timeline-entry').filter({ hasText: `support@sandbox.test sendte et kundelink pr. e-mail til ${to}` })).toHaveCount(1);
      await lookAt(page, 'account-sent-da');
    } finally {
      await page.context().clearCookies({ name: 'lang' });
    }
  });

  test('sending the same again within ten minutes asks first; confirmed it sends; the confirmed post replayed sends nothing more', async ({
    page,
    sandbox,
  }) => {
    const account = await sandbox.fenerum.createAccount({ language: 'da' });
    const to = recipientEmail(account);
    await signInStaff(page, 'support');
    await page.goto(`${accountPage(account.code)}?send=new-card#send`);
    const form = page.locator('#send').getByTestId('send-form');
    await expect(form.getByRole('radio', { name: /Please add your card again/ })).toBeChecked();
    await form.getByRole('button', { name: 'Send email' }).click();
    await expect(form.getByTestId('send-answer')).toContainText(`on its way to ${to}`);

    await form.getByRole('button', { name: 'Send email' }).click();
    await expect(form.getByTestId('send-answer')).toContainText(
      `support@sandbox.test sent “Please add your card again” to ${to} 1 minute ago. Nothing was sent now. Send it again?`,
    );
    await lookAt(page, 'account-send-confirm');
    await expect.poll(async () => (await sandbox.mail.list(to)).length, { timeout: 20_000 }).toBe(1);

    const posted = page.waitForRequest((r) => r.method() === 'POST' && !!r.headers()['next-action']);
    await form.getByRole('button', { name: 'Yes, send it again' }).click();
    const action = await posted;
    await expect(form.getByTestId('send-answer')).toContainText(`on its way to ${to}`);
    await expect.poll(async () => (await sandbox.mail.list(to)).length, { timeout: 20_000 }).toBe(2);
    const [newest] = await sandbox.mail.list(to);
    expect(newest?.subject).toBe('Tilføj venligst dit betalingskort igen');

    // The confirmed form posted again, exactly as the browser sent it: answered, nothing more sent.
    const replay = await page.request.post(accountPage(account.code), {
      headers: { 'Next-Action': action.headers()['next-action'] ?? '', 'Content-Type': action.headers()['content-type'] ?? '', Origin: E2E.appUrl },
      data: action.postData() ?? '',
    });
    expect(replay.status()).toBe(200);
    expect(await replay.text()).toContain('This form was sent already');
    await page.waitForTimeout(1_000);
    expect(await sandbox.mail.list(to)).toHaveLength(2);
  });

  test('a legacy card’s page leads to the send form with "please add your card again" preselected, naming the card', async ({ page }) => {
    await signInStaff(page, 'support');
    await page.goto(accountPage('CUST001'));
    await page
      .getByTestId('staff-card')
      .filter({ hasText: '•••• 5556' })
      .getByRole('link', { name: /•••• 5556/ })
      .click();
    const notice = page.getByTestId('legacy-notice');
    await expect(notice).toContainText("Fenerum will ask for 3-D Secure on this card's first payment");
    await lookAt(page, 'card-legacy-support');
    await notice.getByRole('link', { name: 'Send the customer a link to add the card again' }).click();
    await expect(page).toHaveURL(/\/staff\/accounts\/CUST001\?send=new-card&card=[0-9a-f-]{36}#send$/);
    const newCard = page.locator('#send').getByRole('radio', { name: /Please add your card again/ });
    await expect(newCard).toBeChecked();
    await expect(page.locator('#send')).toContainText(/About Visa •••• 5556, expires \d{2}\/\d{2}\./);
  });
});
