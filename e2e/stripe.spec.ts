import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { fenerumCards, setupIntentsMadeFor } from './support/api';
import { E2E } from './support/ports';
import { yearFor } from './support/portal-cards';
import { expect, test } from './support/test';

/** The sandbox's Stripe.js, as the portal loads it (the Stripe emulator is the sandbox's second port). */
const STRIPE_JS = new RegExp(`^http://localhost:${E2E.sandboxPort + 1}/v3/`);

const cardFrame = (page: Page) => page.frameLocator('iframe[title="Secure payment input frame"]');

async function openForm(page: Page, link: { url: string }) {
  await page.goto(link.url);
  await page.getByRole('button', { name: 'Add card', exact: true }).click();
  await expect(cardFrame(page).getByLabel('Card number')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save card' })).toBeEnabled();
}

/** Counts the page's own calls to create a SetupIntent as they are made (before any answer). */
async function countSetupIntentCalls(page: Page) {
  await page.addInitScript(() => {
    const w = window as Window & { setupIntentCalls?: number };
    w.setupIntentCalls = 0;
    const original = window.fetch.bind(window);
    window.fetch = (input, init) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (url.includes('/api/create-setup-intent')) w.setupIntentCalls = (w.setupIntentCalls ?? 0) + 1;
      return original(input, init);
    };
  });
}
const setupIntentCalls = (page: Page) => page.evaluate(() => (window as Window & { setupIntentCalls?: number }).setupIntentCalls ?? 0);

/** The page's next idle period: whatever waits for idle (or was set off by the last event) has run by then. */
const idleOnce = (page: Page) => page.evaluate(() => new Promise<void>((resolve) => requestIdleCallback(() => resolve())));
/**
 * A task after the next frame: React has committed and run the effects of the last event by then.
 * (Once the form has closed, headless Chromium may hold off an idle period until its timeout.)
 */
const afterNextFrame = (page: Page) => page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve))));

async function enterCard(page: Page, number: string, expiry: string) {
  const frame = cardFrame(page);
  await frame.getByLabel('Card number').fill(number);
  await frame.getByLabel('Expiration date').fill(expiry);
  await frame.getByLabel('Security code').fill('123');
}

async function registered(account: { code: string }, last4: string, year: number) {
  return (await fenerumCards(account.code)).filter((c) => c.card_number.endsWith(last4) && c.year === 2000 + year);
}

test.describe('adding a card with Stripe', () => {
  test('a Visa is saved, registered once and listed @phone', async ({ page, account, link }, testInfo) => {
    const year = yearFor(testInfo, 34);
    if (testInfo.project.name === 'phone') await page.setViewportSize({ width: 390, height: 844 });
    const shot = (name: string) => page.screenshot({ path: testInfo.outputPath(`${name}-${testInfo.project.name}.png`), fullPage: true });
    await openForm(page, link);
    // Card only (SEPA is off here): the Payment Element offers what the server's SetupIntent will allow, so no tabs.
    await expect(cardFrame(page).getByRole('tab')).toHaveCount(0);
    await shot('form');
    await enterCard(page, '4242 4242 4242 4242', `12 / ${year}`);
    await page.getByRole('button', { name: 'Save card' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Card saved' })).toHaveText(`Card saved: Visa •••• 4242, expires 12/${year}`);
    await expect(page.getByTestId('stripe-form')).toBeHidden();
    await shot('saved');
    expect(await registered(account, '4242', year)).toHaveLength(1);
    await expect(
      page
        .getByTestId('card')
        .filter({ hasText: '4242' })
        .filter({ hasText: `12/${year}` }),
    ).toBeVisible();
  });

  test('a card that asks for 3-D Secure is saved once the customer completes it', async ({ page, account, link }, testInfo) => {
    const year = yearFor(testInfo, 36);
    await openForm(page, link);
    await enterCard(page, '4000 0000 0000 3220', `10 / ${year}`);
    await page.getByRole('button', { name: 'Save card' }).click();
    await page.frameLocator('iframe[name="stripe-challenge-frame"]').getByRole('button', { name: 'Complete authentication' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Card saved' })).toHaveText(`Card saved: Visa •••• 3220, expires 10/${year}`);
    expect(await registered(account, '3220', year)).toHaveLength(1);
    await expect(
      page
        .getByTestId('card')
        .filter({ hasText: '3220' })
        .filter({ hasText: `10/${year}` }),
    ).toBeVisible();
  });

  test('failed 3-D Secure says so, keeps the form for another try, and registers nothing', async ({ page, account, link }, testInfo) => {
    const year = yearFor(testInfo, 38);
    await openForm(page, link);
    await enterCard(page, '4000 0000 0000 3220', `09 / ${year}`);
    await page.getByRole('button', { name: 'Save card' }).click();
    await page.frameLocator('iframe[name="stripe-challenge-frame"]').getByRole('button', { name: 'Fail authentication' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Authentication failed' })).toContainText('not saved');
    await expect(page.getByRole('button', { name: 'Save card' })).toBeEnabled();
    await expect(page.getByRole('status').filter({ hasText: 'Card saved' })).toHaveCount(0);
    expect(await registered(account, '3220', year)).toHaveLength(0);
  });

  test('a declined card shows Stripe’s message and registers nothing', async ({ page, account, link }, testInfo) => {
    const year = yearFor(testInfo, 40);
    await openForm(page, link);
    await enterCard(page, '4000 0000 0000 0002', `08 / ${year}`);
    await page.getByRole('button', { name: 'Save card' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'declined' })).toHaveText('Your card was declined.');
    expect(await registered(account, '0002', year)).toHaveLength(0);
  });

  test('Stripe.js failing to load shows an error, and "Try again" loads it', async ({ page, link }) => {
    await page.route(STRIPE_JS, (route) => route.abort('internetdisconnected'));
    await page.goto(link.url);
    await page.getByRole('button', { name: 'Add card', exact: true }).click();
    // (Next's route announcer is an empty alert of its own: match by text.)
    await expect(page.getByRole('alert').filter({ hasText: 'could not load' })).toHaveText(/secure card form could not load/);
    await page.unroute(STRIPE_JS);
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(cardFrame(page).getByLabel('Card number')).toBeVisible();
    await expect(page.getByRole('alert').filter({ hasText: /\S/ })).toHaveCount(0);
  });

  test('over the hourly cap of new setups, Save says so (not "try again in a minute"); the refusal is not kept', async ({ page, account, link }, testInfo) => {
    const year = yearFor(testInfo, 48);
    await page.route('**/api/create-setup-intent', (route) =>
      route.fulfill({
        status: 429,
        headers: { 'Retry-After': '1800' },
        json: { error: 'Too many card setups were started for this account in the last hour' },
      }),
    );
    // The fields come without a SetupIntent: the cap shows only once one is needed, on Save.
    await openForm(page, link);
    await enterCard(page, '4242 4242 4242 4242', `04 / ${year}`);
    await page.getByRole('button', { name: 'Save card' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Too many card setups' })).toHaveText(/in the last hour\. Please try again later\./);
    await expect(page.getByRole('button', { name: 'Save card' })).toBeEnabled();
    expect(await registered(account, '4242', year)).toHaveLength(0);
    // Once the server makes one again, the same form saves the card.
    await page.unroute('**/api/create-setup-intent');
    await page.getByRole('button', { name: 'Save card' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Card saved' })).toHaveText(`Card saved: Visa •••• 4242, expires 04/${year}`);
    expect(await registered(account, '4242', year)).toHaveLength(1);
  });

  test('a declined card, then another in the same form: saved, with the one SetupIntent the first Save made', async ({ page, account, link }, testInfo) => {
    const year = yearFor(testInfo, 50);
    await countSetupIntentCalls(page);
    await openForm(page, link);
    await enterCard(page, '4000 0000 0000 0002', `03 / ${year}`);
    await page.getByRole('button', { name: 'Save card' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'declined' })).toHaveText('Your card was declined.');
    await enterCard(page, '5555 5555 5555 4444', `03 / ${year}`);
    await page.getByRole('button', { name: 'Save card' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Card saved' })).toContainText(`•••• 4444, expires 03/${year}`);
    expect(await registered(account, '4444', year)).toHaveLength(1);
    expect(await registered(account, '0002', year)).toHaveLength(0);
    // The page kept the declined-but-open SetupIntent for the second Save: one asked for, one made.
    expect(await setupIntentCalls(page)).toBe(1);
    expect(await setupIntentsMadeFor(account.code)).toBe(1);
  });

  test('a double click on "Save card" saves one card', async ({ page, account, link }, testInfo) => {
    const year = yearFor(testInfo, 42);
    await openForm(page, link);
    await enterCard(page, '4242 4242 4242 4242', `11 / ${year}`);
    await page.getByRole('button', { name: 'Save card' }).dblclick();
    await expect(page.getByRole('status').filter({ hasText: 'Card saved' })).toHaveText(`Card saved: Visa •••• 4242, expires 11/${year}`);
    expect(await registered(account, '4242', year)).toHaveLength(1);
    await expect(page.getByTestId('card').filter({ hasText: `11/${year}` })).toHaveCount(1);
  });

  test('when the server answers 202 (Fenerum slow) the page says it is finishing, then shows the saved card', async ({ page, account, link }, testInfo) => {
    const year = yearFor(testInfo, 44);
    let calls = 0;
    // The first answer as when Fenerum is slow; then the real server, which finishes it.
    await page.route('**/api/register-payment-card', async (route) => {
      if (calls++ > 0) return route.continue();
      await route.fulfill({ status: 202, json: { status: 'pending', card: { brand: 'Visa', last4: '4242', expMonth: 6, expYear: 2000 + year } } });
    });
    await openForm(page, link);
    await enterCard(page, '4242 4242 4242 4242', `06 / ${year}`);
    await page.getByRole('button', { name: 'Save card' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Finishing' })).toContainText(`Visa •••• 4242, expires 06/${year}`);
    await expect(page.getByRole('status').filter({ hasText: 'Card saved' })).toHaveText(`Card saved: Visa •••• 4242, expires 06/${year}`);
    expect(calls).toBeGreaterThanOrEqual(2);
    expect(await registered(account, '4242', year)).toHaveLength(1);
  });

  test('a network error after Stripe confirmed says so; saving again finishes it (no second confirmation)', async ({ page, account, link }, testInfo) => {
    const year = yearFor(testInfo, 46);
    let calls = 0;
    await page.route('**/api/register-payment-card', (route) => (calls++ > 0 ? route.continue() : route.abort('internetdisconnected')));
    await openForm(page, link);
    await enterCard(page, '4242 4242 4242 4242', `05 / ${year}`);
    await page.getByRole('button', { name: 'Save card' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'could not reach the server' })).toBeVisible();
    // The SetupIntent already succeeded: Stripe answers setup_intent_unexpected_state, which is success.
    await page.getByRole('button', { name: 'Save card' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Card saved' })).toHaveText(`Card saved: Visa •••• 4242, expires 05/${year}`);
    expect(await registered(account, '4242', year)).toHaveLength(1);
  });

  test('Cancel closes the form and gives focus back to "Add card"', async ({ page, link }) => {
    await openForm(page, link);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByTestId('stripe-form')).toBeHidden();
    await expect(page.getByRole('button', { name: 'Add card', exact: true })).toBeFocused();
  });

  test('the open form has no serious or critical accessibility violation @phone', async ({ page, link }) => {
    await openForm(page, link);
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  });

  test('the form speaks Danish when the portal does', async ({ page, link }) => {
    await page.goto(link.url);
    await page.getByRole('button', { name: 'Dansk' }).click();
    await page.getByRole('button', { name: 'Tilføj kort', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Tilføj et kort' })).toBeVisible();
    await expect(cardFrame(page).getByLabel('Kortnummer')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Gem kort' })).toBeEnabled();
    await page.getByRole('button', { name: 'Annuller' }).click();
  });

  test('Stripe.js loads once, only on a page with "Add card"; pointing, pressing and opening the form make no SetupIntent, Save makes one', async ({
    page,
    account,
    link,
  }, testInfo) => {
    const year = yearFor(testInfo, 52);
    const stripeRequests: string[] = [];
    page.on('request', (r) => {
      if (STRIPE_JS.test(r.url()) || r.url().includes('js.stripe.com')) stripeRequests.push(r.url());
    });
    await countSetupIntentCalls(page);
    // A page without the button (no session yet) never loads Stripe.js, even once it is idle.
    await page.goto('/pay');
    await expect(page.getByRole('button', { name: 'Add card', exact: true })).toHaveCount(0);
    await idleOnce(page);
    await page.waitForLoadState('networkidle');
    expect(stripeRequests).toEqual([]);

    // With the button: Stripe.js once the page is idle, before any sign of intent.
    await page.goto(link.url);
    const add = page.getByRole('button', { name: 'Add card', exact: true });
    await expect(add).toBeEnabled();
    await expect.poll(() => stripeRequests.length).toBe(1);
    await add.hover();
    await page.mouse.down();
    await page.mouse.up();
    // The card fields are there, ready for a card, with no SetupIntent behind them yet.
    await expect(cardFrame(page).getByLabel('Card number')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Save card' })).toBeEnabled();
    await idleOnce(page);
    expect(await setupIntentCalls(page)).toBe(0);
    expect(await setupIntentsMadeFor(account.code)).toBe(0);
    // Save asks for it, once, and the card is saved with it.
    await enterCard(page, '4242 4242 4242 4242', `02 / ${year}`);
    await page.getByRole('button', { name: 'Save card' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Card saved' })).toHaveText(`Card saved: Visa •••• 4242, expires 02/${year}`);
    expect(await setupIntentCalls(page)).toBe(1);
    expect(await setupIntentsMadeFor(account.code)).toBe(1);
    // The form used that Stripe.js.
    expect(stripeRequests.filter((u) => u.includes('js.stripe.com'))).toEqual([]);
    expect(stripeRequests).toHaveLength(1);
  });

  test('opening the form (from the keyboard, twice) and cancelling makes no SetupIntent', async ({ page, account, link }) => {
    await countSetupIntentCalls(page);
    await page.goto(link.url);
    const add = page.getByRole('button', { name: 'Add card', exact: true });
    await expect(add).toBeEnabled();
    for (const key of ['Space', 'Enter']) {
      await add.focus();
      await page.keyboard.press(key);
      await expect(cardFrame(page).getByLabel('Card number')).toBeVisible();
      await expect(page.getByRole('button', { name: 'Save card' })).toBeEnabled();
      await idleOnce(page);
      await page.getByRole('button', { name: 'Cancel' }).click();
      await expect(page.getByTestId('stripe-form')).toBeHidden();
      await expect(add).toBeFocused();
      await afterNextFrame(page);
    }
    expect(await setupIntentCalls(page)).toBe(0);
    expect(await setupIntentsMadeFor(account.code)).toBe(0);
  });

  test('without a session the Stripe routes refuse with 401', async ({ request }) => {
    const create = await request.post('/api/create-setup-intent');
    expect(create.status()).toBe(401);
    const register = await request.post('/api/register-payment-card', { data: { setupIntentId: 'seti_123' } });
    expect(register.status()).toBe(401);
  });
});
