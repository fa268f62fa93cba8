import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { sandboxSecrets } from '../lib/env/sandbox-defaults';
import { fenerumCards, issueLink } from './support/api';
import { E2E } from './support/ports';
import { signInStaff } from './support/staff';
import { paymentFrame, yearFor, saveVisa } from './support/portal-cards';
import { expect, test } from './support/test';
import { recipientEmail, type SandboxControl } from '../sandbox/control-client';

const cardFrame = (page: Page) => page.frameLocator('iframe[title="Secure card payment input frame"]');
const challenge = (page: Page) => page.frameLocator('iframe[name="stripe-challenge-frame"]');
const banner = (page: Page) => page.getByTestId('approval-banner');
/** Every rule, on all but the layout's sandbox-only banner (a note outside the landmarks, shown in sandbox mode alone). */
const axe = (page: Page) => new AxeBuilder({ page }).analyze();

/**
 * "Fenerum tried to charge this account and the bank wants authentication"; the banner appears once
 * the webhook is handled. That work is after the response, on the background side of the database
 * (lib/db/priority-lane.ts), which under the e2e run's steady requests gets a tenth of the
 * database's time: 15 s was too short in CI and once locally beside five other specs (a card
 * Fenerum saved itself also reads Stripe and Fenerum to find its account).
 */
async function bankWantsAuthentication(page: Page, sandbox: SandboxControl, account: string): Promise<string> {
  const charge = await sandbox.fenerum.charge(account);
  expect(charge).toMatchObject({ status: 'requires_payment_method', errorCode: 'authentication_required', sent: true });
  test.info().setTimeout(test.info().timeout + 30_000); // the wait below is the test's time on top of its own
  await expect(async () => {
    await page.goto('/pay');
    await expect(banner(page)).toHaveText(/A payment of DKK\s499\.00 needs your approval/, { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  return charge.paymentGatewayId;
}

/** A card whose bank asks for 3-D Secure on setup (the challenge is completed), saved in the portal. */
async function saveCardWithChallenge(page: Page, link: { url: string }, number: string, year: number) {
  await page.goto(link.url);
  await page.getByRole('button', { name: 'Add card', exact: true }).click();
  const frame = paymentFrame(page);
  await frame.getByLabel('Card number').fill(number);
  await frame.getByLabel('Expiration date').fill(`12 / ${year}`);
  await frame.getByLabel('Security code').fill('123');
  await page.getByRole('button', { name: 'Save card' }).click();
  await challenge(page).getByRole('button', { name: 'Complete authentication' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Card saved' })).toBeVisible();
}

/** The account's emails other than the security notices a saved card brings (lib/mail/card-notice.ts): what these tests count. */
const CARD_NOTICE = /^(A payment card was (added to|removed from) your account|Et betalingskort er (tilføjet|fjernet))/;
async function mailsOf(sandbox: SandboxControl, account: Parameters<typeof recipientEmail>[0]) {
  return (await sandbox.mail.list(recipientEmail(account))).filter((m) => !CARD_NOTICE.test(m.subject));
}

async function succeededAtStripe(sandbox: SandboxControl, paymentIntentId: string) {
  return (await sandbox.stripe.events('payment_intent.succeeded')).filter((e) => e.data.object.id === paymentIntentId);
}

test.describe('approving a payment the bank wants authenticated', () => {
  test('banner → approve with the saved card → Complete authentication → approved, banner gone, approved again when reopened @phone', async ({
    page,
    sandbox,
    account,
    link,
  }, testInfo) => {
    const phone = testInfo.project.name === 'phone';
    const shot = (name: string) => page.screenshot({ path: testInfo.outputPath(`approval-${name}-${testInfo.project.name}.png`), fullPage: true });
    await saveVisa(page, link, yearFor(testInfo, 40));
    const pi = await bankWantsAuthentication(page, sandbox, account.code);
    await shot('portal-banner');
    await banner(page).getByRole('link', { name: 'Approve the payment' }).click();
    await expect(page).toHaveURL(new RegExp(`/pay/approve/${pi}$`));
    const approve = page.getByRole('button', { name: 'Approve DKK 499.00 with Visa •••• 4242' });
    await expect(approve).toBeEnabled();
    await shot('needs-approval');
    expect((await axe(page)).violations).toEqual([]);
    await approve.click();
    await challenge(page).getByRole('button', { name: 'Complete authentication' }).click();
    await expect(page.getByRole('heading', { name: 'Payment approved' })).toBeVisible();
    await expect(page.getByRole('status')).toHaveText('Payment approved');
    await shot('approved');
    expect((await axe(page)).violations).toEqual([]);
    expect(await succeededAtStripe(sandbox, pi)).toHaveLength(1);
    await page.goto('/pay');
    await expect(page.getByRole('heading', { name: 'Your payment cards' })).toBeVisible();
    await expect(banner(page)).toHaveCount(0);
    await page.goto(`/pay/approve/${pi}`);
    await expect(page.getByRole('heading', { name: 'Payment approved' })).toBeVisible();
    await expect(page.getByRole('button', { name: /Approve/ })).toHaveCount(0);
    if (phone) expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(page.viewportSize()?.width ?? 0);
  });

  test('Fail authentication → pay with another card (4242) → approved, and that card registered with Fenerum exactly once @phone', async ({
    page,
    sandbox,
    account,
    link,
  }, testInfo) => {
    const savedYear = yearFor(testInfo, 42);
    const newYear = yearFor(testInfo, 44);
    await saveVisa(page, link, savedYear);
    const pi = await bankWantsAuthentication(page, sandbox, account.code);
    await page.goto(`/pay/approve/${pi}`);
    await page.getByRole('button', { name: /^Approve DKK\s499\.00/ }).click();
    await challenge(page).getByRole('button', { name: 'Fail authentication' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'could not confirm the payment' })).toBeVisible();
    expect(await succeededAtStripe(sandbox, pi)).toHaveLength(0);
    await page.getByRole('button', { name: 'Pay with another card' }).click();
    const card = cardFrame(page);
    await card.getByPlaceholder('Card number').fill('4242 4242 4242 4242');
    await card.getByPlaceholder('MM / YY').fill(`11 / ${newYear}`);
    await card.getByPlaceholder('CVC').fill('123');
    await page.screenshot({ path: testInfo.outputPath(`approval-new-card-${testInfo.project.name}.png`), fullPage: true });
    await page.getByRole('button', { name: 'Pay DKK 499.00' }).click();
    await expect(page.getByRole('heading', { name: 'Payment approved' })).toBeVisible();
    await expect(page.getByText('The card Visa •••• 4242 is saved for your future payments.')).toBeVisible();
    expect(await succeededAtStripe(sandbox, pi)).toHaveLength(1);
    // Opened again (a reload, a second tab): still one card at Fenerum.
    await page.goto(`/pay/approve/${pi}`);
    await expect(page.getByRole('heading', { name: 'Payment approved' })).toBeVisible();
    await expect.poll(async () => (await fenerumCards(account.code)).filter((c) => c.card_number.endsWith('4242') && c.year === 2000 + newYear).length).toBe(1);
    const cards = await fenerumCards(account.code);
    expect(cards.filter((c) => c.year === 2000 + newYear)).toHaveLength(1);
    expect(cards.filter((c) => c.year === 2000 + savedYear)).toHaveLength(1);
  });

  test('a card added through Fenerum’s own link (a Stripe customer the portal never made): the customer is emailed and approves @phone', async ({
    page,
    sandbox,
    account,
    link,
  }, testInfo) => {
    // An expiry no other card in the run has: the payment is found by its card among Fenerum's.
    const expYear = 2000 + yearFor(testInfo, 60) + (Date.now() % 9);
    const expMonth = 1 + (Math.floor(Date.now() / 1000) % 12);
    const added = await sandbox.fenerum.addCardThroughFenerum(account.code, { number: '4242424242424242', expMonth, expYear });
    await page.goto(link.url);
    const pi = await bankWantsAuthentication(page, sandbox, account.code);
    const delivered = (await sandbox.fenerum.webhooks()).deliveries.find((d) => d.body.includes(pi));
    expect(JSON.parse(delivered?.body ?? '{}')).toEqual({ event: 'payment.authentication_required', data: { payment_gateway_id: pi } });
    await expect.poll(async () => (await mailsOf(sandbox, account)).length, { timeout: 15_000 }).toBe(1);
    await page.goto(`/pay/approve/${pi}`);
    await page.getByRole('button', { name: 'Approve DKK 499.00 with Visa •••• 4242' }).click();
    await challenge(page).getByRole('button', { name: 'Complete authentication' }).click();
    await expect(page.getByRole('heading', { name: 'Payment approved' })).toBeVisible();
    expect(await succeededAtStripe(sandbox, pi)).toHaveLength(1);
    // Fenerum already holds that card: nothing registered twice.
    expect((await fenerumCards(account.code)).map((c) => c.uuid)).toEqual([added.card.uuid]);
  });

  test('the bank declines after the customer approved: still payable, another card is offered and pays it @phone', async ({
    page,
    sandbox,
    account,
    link,
  }, testInfo) => {
    const shot = (name: string) => page.screenshot({ path: testInfo.outputPath(`approval-${name}-${testInfo.project.name}.png`), fullPage: true });
    await saveCardWithChallenge(page, link, '4000 0082 6000 3178', yearFor(testInfo, 62));
    const pi = await bankWantsAuthentication(page, sandbox, account.code);
    await page.goto(`/pay/approve/${pi}`);
    await page.getByRole('button', { name: 'Approve DKK 499.00 with Visa •••• 3178' }).click();
    await challenge(page).getByRole('button', { name: 'Complete authentication' }).click();
    const declined = page.getByTestId('approval-declined');
    await expect(declined).toHaveText(
      'The payment did not go through: Your card has insufficient funds. Nothing was charged. Try again, or pay with another card.',
    );
    await expect(page.getByRole('button', { name: 'Pay with another card' })).toBeVisible();
    await shot('declined');
    expect((await axe(page)).violations).toEqual([]);
    // Reopened, the page still offers it (the server reads Stripe: requires_payment_method, payable).
    await page.reload();
    await expect(declined).toHaveText('Your bank declined the payment, so nothing was charged. Try again, or pay with another card.');
    await expect(page.getByRole('heading', { name: 'This payment can no longer be approved' })).toHaveCount(0);
    await page.context().addCookies([{ name: 'lang', value: 'da', url: E2E.appUrl }]);
    await page.reload();
    await expect(declined).toHaveText('Din bank afviste betalingen, så der er ikke trukket noget. Prøv igen, eller betal med et andet kort.');
    await shot('declined-da');
    await page.context().addCookies([{ name: 'lang', value: 'en', url: E2E.appUrl }]);
    await page.reload();
    await page.getByRole('button', { name: 'Pay with another card' }).click();
    const card = cardFrame(page);
    await card.getByPlaceholder('Card number').fill('5555 5555 5555 4444');
    await card.getByPlaceholder('MM / YY').fill(`10 / ${yearFor(testInfo, 64)}`);
    await card.getByPlaceholder('CVC').fill('123');
    await page.getByRole('button', { name: 'Pay DKK 499.00' }).click();
    await expect(page.getByRole('heading', { name: 'Payment approved' })).toBeVisible();
    expect(await succeededAtStripe(sandbox, pi)).toHaveLength(1);
    await expect.poll(async () => (await fenerumCards(account.code)).filter((c) => c.card_number.endsWith('4444')).length).toBe(1);
  });

  test('the customer pays with a new card and closes the page at once: Stripe’s event still registers it with Fenerum once', async ({
    page,
    sandbox,
    account,
    link,
  }, testInfo) => {
    await saveVisa(page, link, yearFor(testInfo, 66));
    const pi = await bankWantsAuthentication(page, sandbox, account.code);
    await page.goto(`/pay/approve/${pi}`);
    await page.getByRole('button', { name: /^Approve DKK\s499\.00/ }).click();
    await challenge(page).getByRole('button', { name: 'Fail authentication' }).click();
    await page.getByRole('button', { name: 'Pay with another card' }).click();
    const card = cardFrame(page);
    await card.getByPlaceholder('Card number').fill('5555 5555 5555 4444');
    await card.getByPlaceholder('MM / YY').fill(`09 / ${yearFor(testInfo, 68)}`);
    await card.getByPlaceholder('CVC').fill('123');
    // The page never hears back: its call to the portal after Stripe.js is cut, and the tab is closed.
    await page.route('**/api/payment-approval', (route) => route.abort());
    await page.getByRole('button', { name: 'Pay DKK 499.00' }).click();
    await expect.poll(async () => (await succeededAtStripe(sandbox, pi)).length, { timeout: 15_000 }).toBe(1);
    await page.close();
    await expect.poll(async () => (await fenerumCards(account.code)).filter((c) => c.card_number.endsWith('4444')).length, { timeout: 20_000 }).toBe(1);
    expect(await fenerumCards(account.code)).toHaveLength(2);
  });

  test('a payment whose card two accounts hold is shown to staff as unattributed, and nobody is emailed', async ({
    page,
    browser,
    sandbox,
    account,
  }, testInfo) => {
    const twin = await sandbox.fenerum.createAccount();
    const card = { number: '4242424242424242', expMonth: 1 + (Date.now() % 12), expYear: 2000 + yearFor(testInfo, 70) + (Date.now() % 5) };
    for (const a of [account.code, twin.code]) await sandbox.fenerum.addCardThroughFenerum(a, card);
    const charge = await sandbox.fenerum.charge(account.code);
    expect(charge).toMatchObject({ errorCode: 'authentication_required', sent: true });
    const staff = await browser.newContext();
    try {
      const desk = await staff.newPage();
      await signInStaff(desk, 'viewer');
      await expect(async () => {
        await desk.goto('/staff/accounts');
        await expect(desk.getByTestId('unattributed-payment').filter({ hasText: charge.paymentGatewayId })).toHaveCount(1, { timeout: 1_000 });
      }).toPass({ timeout: 15_000 });
      const row = desk.getByTestId('unattributed-payment').filter({ hasText: charge.paymentGatewayId });
      await expect(row).toContainText('Several Fenerum accounts have a card like this');
      await expect(row).toContainText(/DKK\s499\.00 · Visa •••• 4242/);
      await desk.screenshot({ path: testInfo.outputPath('staff-unattributed.png'), fullPage: true });
      expect((await new AxeBuilder({ page: desk }).analyze()).violations).toEqual([]);
    } finally {
      await staff.close();
    }
    await page.goto('/');
    for (const a of [account, twin]) expect(await sandbox.mail.list(recipientEmail(a))).toHaveLength(0);
  });

  test('another account’s payment: its approval page says there is nothing to approve and carries no client secret', async ({
    page,
    browser,
    sandbox,
    account,
    link,
    request,
  }, testInfo) => {
    const other = await sandbox.fenerum.createAccount();
    const otherLink = await issueLink(request, other.code);
    await saveVisa(page, otherLink, yearFor(testInfo, 46));
    const pi = await bankWantsAuthentication(page, sandbox, other.code);
    // The first account's customer, in a browser of their own.
    const theirs = await browser.newContext();
    try {
      const pageA = await theirs.newPage();
      await pageA.goto(link.url);
      await expect(pageA.getByTestId('account-name')).toHaveText(account.company_name);
      await expect(banner(pageA)).toHaveCount(0);
      const res = await pageA.goto(`/pay/approve/${pi}`);
      await expect(pageA.getByRole('heading', { name: 'There is no payment to approve here' })).toBeVisible();
      expect(await res?.text()).not.toMatch(/_secret_/);
      const origin = new URL(pageA.url()).origin;
      const finish = await pageA.request.post('/api/payment-approval', { data: { paymentIntentId: pi }, headers: { Origin: origin } });
      expect(finish.status()).toBe(404);
      expect(await finish.text()).not.toMatch(/_secret_/);
    } finally {
      await theirs.close();
    }
    // The owner still sees it waiting.
    await page.goto(`/pay/approve/${pi}`);
    await expect(page.getByRole('button', { name: /^Approve DKK\s499\.00/ })).toBeVisible();
  });

  test('POST /api/payment-approval refuses bad input with a 4xx and changes nothing', async ({ page, link }) => {
    await page.goto(link.url);
    const origin = new URL(page.url()).origin;
    const post = (data: unknown, headers: Record<string, string> = {}) =>
      page.request.post('/api/payment-approval', {
        data: typeof data === 'string' ? data : JSON.stringify(data),
        headers: { Origin: origin, 'Content-Type': 'application/json', ...headers },
      });
    expect((await post('{"paymentIntentId": ')).status()).toBe(400);
    expect((await post({})).status()).toBe(400);
    expect((await post({ paymentIntentId: 42 })).status()).toBe(400);
    expect((await post({ paymentIntentId: 'seti_123' })).status()).toBe(400);
    expect((await post({ paymentIntentId: `pi_${'x'.repeat(70_000)}` })).status()).toBeGreaterThanOrEqual(400);
    expect((await post({ paymentIntentId: 'pi_neverMadeHere1' })).status()).toBe(404);
    expect((await post({ paymentIntentId: 'pi_neverMadeHere1' }, { Origin: 'http://evil.example' })).status()).toBe(403);
  });

  test('the approval email: one for five deliveries of the webhook, in Danish for a Danish account; its link opens the approval page in a fresh browser', async ({
    page,
    browser,
    sandbox,
    request,
  }, testInfo) => {
    const account = await sandbox.fenerum.createAccount({ language: 'da' });
    await saveVisa(page, await issueLink(request, account.code), yearFor(testInfo, 48));
    const pi = await bankWantsAuthentication(page, sandbox, account.code);
    const charge = (await sandbox.fenerum.webhooks()).deliveries.find((d) => d.body.includes(pi));
    // Fenerum delivered it once; a retrying Fenerum delivers the same body again, four times.
    const auth = `Basic ${Buffer.from(`${sandboxSecrets.FENERUM_WEBHOOK_USERNAME}:${sandboxSecrets.FENERUM_WEBHOOK_PASSWORD}`).toString('base64')}`;
    for (let i = 0; i < 4; i += 1) {
      const res = await request.post(`${E2E.appUrl}/api/fenerum-webhook`, {
        headers: { Authorization: auth, 'Content-Type': 'application/json' },
        data: charge?.body ?? '',
      });
      expect(res.status()).toBe(200);
    }
    await page.goto('/pay');
    await expect(banner(page)).toHaveCount(1);
    await expect.poll(async () => (await mailsOf(sandbox, account)).length, { timeout: 15_000 }).toBe(1);
    const [mail] = await mailsOf(sandbox, account);
    expect(mail?.language).toBe('da');
    expect(mail?.subject).toMatch(/^Godkend venligst din betaling på 499,00/);
    const link = mail?.links.find((l) => new URL(l).pathname.startsWith('/pay/')) ?? '';
    expect(link).not.toBe('');
    const fresh = await browser.newContext({ locale: 'da-DK', viewport: { width: 390, height: 844 } });
    try {
      const customer = await fresh.newPage();
      await customer.goto(link);
      await expect(customer).toHaveURL(new RegExp(`/pay/approve/${pi}$`));
      await expect(customer.getByRole('button', { name: 'Godkend 499,00 kr. med Visa •••• 4242' })).toBeEnabled();
      await customer.screenshot({ path: testInfo.outputPath('approval-from-email-da-phone.png'), fullPage: true });
      expect((await axe(customer)).violations).toEqual([]);
    } finally {
      await fresh.close();
    }
    await expect.poll(async () => (await mailsOf(sandbox, account)).length).toBe(1);
  });

  test('staff see on the account page the payment waiting for approval, the webhook and the email sent', async ({
    page,
    browser,
    sandbox,
    account,
    link,
  }, testInfo) => {
    await saveVisa(page, link, yearFor(testInfo, 50));
    await bankWantsAuthentication(page, sandbox, account.code);
    await expect.poll(async () => (await mailsOf(sandbox, account)).length, { timeout: 15_000 }).toBe(1);
    const staff = await browser.newContext();
    try {
      const desk = await staff.newPage();
      await signInStaff(desk, 'viewer');
      await desk.goto(`/staff/accounts/${encodeURIComponent(account.code)}`);
      const entries = desk.getByTestId('timeline-entry');
      await expect(entries.filter({ hasText: /Fenerum could not charge DKK\s499\.00 without the customer/ })).toHaveCount(1);
      await expect(entries.filter({ hasText: 'a payment needs the customer' })).toHaveCount(1);
      // The approval email; the card saved above brought a security notice too (lib/mail/card-notice.ts).
      await expect(entries.filter({ hasText: recipientEmail(account) }).filter({ hasNotText: /A payment card was|Et betalingskort er/ })).toHaveCount(1);
      await desk.screenshot({ path: testInfo.outputPath('staff-timeline-approval.png'), fullPage: true });
    } finally {
      await staff.close();
    }
  });

  test('the sandbox home page: "Bank wants authentication" beside an account makes the payment wait in its portal', async ({
    page,
    account,
    link,
  }, testInfo) => {
    await saveVisa(page, link, yearFor(testInfo, 52));
    await page.goto('/');
    await page.getByRole('button', { name: `Bank wants authentication: ${account.company_name} (${account.code})` }).click();
    await expect(page.getByTestId('demo-charge-outcome')).toContainText(`Fenerum tried to charge ${account.code} and the bank wants authentication`);
    await expect(async () => {
      await page.goto('/pay');
      await expect(banner(page)).toHaveCount(1, { timeout: 1_000 });
    }).toPass({ timeout: 15_000 });
  });

  test('the sandbox home page: an account with no saved card is told to add one first', async ({ page, account }) => {
    await page.goto('/');
    await page.getByRole('button', { name: `Bank wants authentication: ${account.company_name} (${account.code})` }).click();
    await expect(page.getByTestId('demo-charge-outcome')).toHaveText(`${account.code} has no saved Stripe card to charge. Open its portal and add one first.`);
  });
});
