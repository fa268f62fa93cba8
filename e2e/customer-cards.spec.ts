import AxeBuilder from '@axe-core/playwright';
import type { Page, TestInfo } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { recipientEmail, type SandboxControl } from '../sandbox/control-client';
import { issueLink } from './support/api';
import { E2E } from './support/ports';
import { accountWithCards } from './support/staff-accounts';
import { signInStaff } from './support/staff';
import { yearFor, saveVisa } from './support/portal-cards';
import { expect, test } from './support/test';

/**
 * Issue 26, "Manage cards" and "Security notices": a customer removes an old card (never the
 * last), Fenerum holds it disabled with X-User naming the customer, the recipient gets the
 * security notice, the staff timeline says who did it; after "pay with another card" the portal
 * says which card was just added and offers to retire the refused one.
 */

const SHOTS = process.env.CARDS_SHOTS_DIR ?? 'test-results/customer-cards';
const axe = async (page: Page) => (await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()).violations;

/** A screenshot at 390 px (and the page's own width), for a person to look at. */
async function shot(page: Page, testInfo: TestInfo, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}-${testInfo.project.name}.png`, fullPage: true });
}

const cardFrame = (page: Page) => page.frameLocator('iframe[title="Secure card payment input frame"]');
const challenge = (page: Page) => page.frameLocator('iframe[name="stripe-challenge-frame"]');

const noticeTo = async (sandbox: SandboxControl, to: string, subject: string) => (await sandbox.mail.list(to)).filter((m) => m.subject === subject);

test.describe('a customer manages their cards', () => {
  test('removes the old card of two (confirmed by name), never the last; Fenerum holds it disabled; the recipient is told; the staff timeline says who @phone', async ({
    page,
    browser,
    request,
    sandbox,
  }, testInfo) => {
    const account = await accountWithCards(sandbox);
    const to = recipientEmail(account);
    const link = await issueLink(request, account.code);
    await page.goto(link.url);
    await expect(page.getByTestId('card')).toHaveCount(2);
    // No public Fenerum document says which active card it charges: the portal claims none (the emulator's default).
    await expect(page.getByTestId('charged-unknown')).toHaveText('Fenerum charges one of your active cards. Remove the cards you no longer want charged.');
    await expect(page.getByTestId('card-charged')).toHaveCount(0);
    await shot(page, testInfo, 'portal-two-cards-en');
    expect(await axe(page)).toEqual([]);

    await page.getByRole('link', { name: 'Remove Visa •••• 4242' }).click();
    await expect(page).toHaveURL(new RegExp(`/pay/cards/${account.visa}/remove$`));
    await expect(page.getByRole('heading', { name: /^Remove Visa •••• 4242, expires \d\d\/\d\d\?$/ })).toBeVisible();
    await shot(page, testInfo, 'remove-confirm-en');
    expect(await axe(page)).toEqual([]);
    const posted = page.waitForRequest((r) => r.method() === 'POST' && !!r.headers()['next-action']);
    await page.getByRole('button', { name: 'Remove Visa •••• 4242' }).click();
    const action = await posted;
    await expect(page).toHaveURL(/\/pay\?removed=/);
    await expect(page.getByTestId('card-removed')).toHaveText('Visa •••• 4242 is removed. It will not be charged again.');
    await expect(page.getByTestId('card')).toHaveCount(1);
    // The last card offers no remove link; its page says why; the action refuses it too (server-side, nothing written).
    await expect(page.getByTestId('card-remove')).toHaveCount(0);
    await shot(page, testInfo, 'portal-removed-en');
    expect(await axe(page)).toEqual([]);
    await page.goto(`/pay/cards/${account.mastercard}/remove`);
    await expect(page.getByTestId('remove-last')).toContainText('This is your only active card, so it cannot be removed.');
    const replay = (uuid: string) =>
      page.request.post(`/pay/cards/${account.visa}/remove`, {
        headers: { 'Next-Action': action.headers()['next-action'] ?? '', 'Content-Type': action.headers()['content-type'] ?? '', Origin: E2E.appUrl },
        data: (action.postData() ?? '').replaceAll(account.visa, uuid),
      });
    expect(await (await replay(account.mastercard)).text()).toContain('This is your only active card');
    const stranger = await accountWithCards(sandbox);
    expect(await (await replay(stranger.visa)).text()).toContain('This card is not among your active cards; nothing was removed.');
    expect((await sandbox.fenerum.cards(stranger.code)).every((c) => c.active && c.disabled_by === null)).toBe(true);

    // Fenerum holds it disabled, and its audit trail (X-User) names the customer, not a staff member.
    const atFenerum = await sandbox.fenerum.cards(account.code);
    expect(atFenerum.find((c) => c.uuid === account.visa)).toMatchObject({ active: false, disabled_by: `customer:${account.code}` });
    expect(atFenerum.find((c) => c.uuid === account.mastercard)).toMatchObject({ active: true, disabled_by: null });

    // The recipient's security notice, in the account's language (the sandbox's accounts are Danish): the card, and whom to contact if it was not them.
    const subject = 'Et betalingskort er fjernet fra din konto';
    await expect.poll(async () => (await noticeTo(sandbox, to, subject)).length, { timeout: 15_000 }).toBe(1);
    const [notice] = await noticeTo(sandbox, to, subject);
    expect(notice?.text).toContain('Et Visa-kort, der ender på 4242, er fjernet fra din konto');
    expect(notice?.text).toMatch(/Var det ikke dig\? Kontakt .+ med det samme\./);
    if (notice) {
      await page.goto(sandbox.mail.htmlUrl(notice.id));
      await shot(page, testInfo, 'notice-email-da');
    }

    // The staff timeline says the customer did it.
    const staffContext = await browser.newContext({ baseURL: E2E.appUrl });
    const staff = await staffContext.newPage();
    await signInStaff(staff, 'viewer');
    await staff.goto(`/staff/accounts/${encodeURIComponent(account.code)}`);
    await expect(
      staff.getByTestId('timeline-entry').filter({ hasText: `The customer removed Visa •••• 4242 in the portal (customer:${account.code})` }),
    ).toHaveCount(1);
    await expect(
      staff.getByTestId('timeline-entry').filter({ hasText: 'Security notice emailed: a card ending 4242 was removed (by the customer)' }),
    ).toHaveCount(1);
    await staffContext.close();

    // The same pages in Danish, at the phone's width.
    await page.context().addCookies([{ name: 'lang', value: 'da', url: E2E.appUrl }]);
    await page.goto(`/pay/cards/${account.mastercard}/remove`);
    await expect(page.getByTestId('remove-last')).toContainText('Dette er dit eneste aktive kort');
    await shot(page, testInfo, 'remove-last-da');
    await page.goto('/pay');
    await expect(page.getByRole('heading', { name: 'Dine betalingskort' })).toBeVisible();
    await shot(page, testInfo, 'portal-one-card-da');
    expect(await axe(page)).toEqual([]);
  });

  test('removing works without JavaScript: the confirmation page is a plain form', async ({ browser, request, sandbox }, testInfo) => {
    test.skip(testInfo.project.name === 'phone', 'one run is enough: the form is the same');
    const account = await accountWithCards(sandbox);
    const link = await issueLink(request, account.code);
    const context = await browser.newContext({ baseURL: E2E.appUrl, javaScriptEnabled: false });
    await context.addCookies([{ name: 'lang', value: 'da', url: E2E.appUrl }]);
    const page = await context.newPage();
    await page.goto(link.url);
    await page.getByRole('link', { name: 'Fjern Mastercard •••• 4444' }).click();
    await expect(page.getByRole('heading', { name: /^Vil du fjerne Mastercard •••• 4444, udløber \d\d\/\d\d\?$/i })).toBeVisible();
    await page.setViewportSize({ width: 390, height: 844 });
    await shot(page, testInfo, 'remove-confirm-da-nojs');
    await page.getByRole('button', { name: 'Fjern Mastercard •••• 4444' }).click();
    await expect(page.getByTestId('card-removed')).toHaveText(/^Mastercard •••• 4444 er fjernet\. Der bliver ikke trukket flere betalinger på det\.$/i);
    await shot(page, testInfo, 'portal-removed-da-nojs');
    expect((await sandbox.fenerum.cards(account.code)).find((c) => c.uuid === account.mastercard)).toMatchObject({ active: false });
    await context.close();
  });

  test('after "pay with another card" the portal says which card was just added, and offers to retire the refused one @phone', async ({
    page,
    sandbox,
    account,
    link,
  }, testInfo) => {
    const oldYear = yearFor(testInfo, 46);
    const newYear = yearFor(testInfo, 48);
    await saveVisa(page, link, oldYear);
    const charge = await sandbox.fenerum.charge(account.code);
    expect(charge).toMatchObject({ errorCode: 'authentication_required', sent: true });
    await expect(async () => {
      await page.goto(`/pay/approve/${charge.paymentGatewayId}`);
      await expect(page.getByRole('button', { name: /^Approve DKK\s499\.00/ })).toBeEnabled({ timeout: 1_000 });
    }).toPass({ timeout: 15_000 });
    await page.getByRole('button', { name: /^Approve DKK\s499\.00/ }).click();
    await challenge(page).getByRole('button', { name: 'Fail authentication' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'could not confirm the payment' })).toBeVisible();
    await page.getByRole('button', { name: 'Pay with another card' }).click();
    const card = cardFrame(page);
    await card.getByPlaceholder('Card number').fill('4242 4242 4242 4242');
    await card.getByPlaceholder('MM / YY').fill(`11 / ${newYear}`);
    await card.getByPlaceholder('CVC').fill('123');
    await page.getByRole('button', { name: 'Pay DKK 499.00' }).click();
    await expect(page.getByRole('heading', { name: 'Payment approved' })).toBeVisible();
    await shot(page, testInfo, 'approval-paid-new-card-en');
    expect(await axe(page)).toEqual([]);
    await page.getByRole('link', { name: 'See your cards and retire the refused one' }).click();

    // Two Visa •••• 4242 (two expiries): the refused one is offered for retiring, by its expiry; the new one is named as just added.
    const retire = page.getByTestId('retire');
    await expect(retire).toContainText(`Your new card Visa •••• 4242 (11/${newYear}) was just added.`);
    await expect(retire).toContainText('Your bank refused the payment with Visa •••• 4242. Remove it so it is not charged again?');
    await expect(page.getByTestId('charged-unknown')).toBeVisible();
    await shot(page, testInfo, 'portal-retire-refused-en');
    expect(await axe(page)).toEqual([]);
    await page.context().addCookies([{ name: 'lang', value: 'da', url: E2E.appUrl }]);
    await page.reload();
    await expect(retire).toContainText('Din bank afviste betalingen med Visa •••• 4242.');
    await shot(page, testInfo, 'portal-retire-refused-da');
    expect(await axe(page)).toEqual([]);
    await page.context().addCookies([{ name: 'lang', value: 'en', url: E2E.appUrl }]);
    await page.reload();
    await retire.getByRole('link', { name: `Remove Visa •••• 4242 (12/${oldYear})` }).click();
    await expect(page.getByRole('heading', { name: `Remove Visa •••• 4242, expires 12/${oldYear}?` })).toBeVisible();
    await page.getByRole('button', { name: 'Remove Visa •••• 4242' }).click();
    await expect(page.getByTestId('card-removed')).toBeVisible();
    await expect(page.getByTestId('card')).toHaveCount(1);
    await expect(page.getByTestId('card')).toContainText(`11/${newYear}`);
    const atFenerum = await sandbox.fenerum.cards(account.code);
    expect(atFenerum.filter((c) => c.active).map((c) => c.year)).toEqual([2000 + newYear]);
  });
});
