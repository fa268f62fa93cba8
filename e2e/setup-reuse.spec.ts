import type { Page } from '@playwright/test';
import { setupIntentsMadeFor } from './support/api';
import { expect, test } from './support/test';

const cardFrame = (page: Page) => page.frameLocator('iframe[title="Secure payment input frame"]');

async function saveCard(page: Page, number: string, expiry: string) {
  await page.getByRole('button', { name: 'Add card', exact: true }).click();
  const frame = cardFrame(page);
  await frame.getByLabel('Card number').fill(number);
  await frame.getByLabel('Expiration date').fill(expiry);
  await frame.getByLabel('Security code').fill('123');
  await page.getByRole('button', { name: 'Save card' }).click();
}

/** What the portal's own page sends: JSON, from our origin. */
const fromThePortal = (baseURL: string | undefined) => ({ headers: { 'Content-Type': 'application/json', Origin: baseURL ?? '' }, data: {} });

test.describe('a session offers its open card setup again instead of starting another', () => {
  test('"Add card with QuickPay" a second time goes back to the same QuickPay window', async ({ page, link }) => {
    await page.goto(link.url);
    await page.getByTestId('add-quickpay').click();
    await expect(page.getByLabel('Card number')).toBeVisible();
    const first = page.url();
    await page.goBack();
    await page.getByTestId('add-quickpay').click();
    await expect(page.getByLabel('Card number')).toBeVisible();
    expect(page.url()).toBe(first);
  });

  test('asking for a SetupIntent twice gives the same one while no card was entered', async ({ page, link, baseURL }) => {
    await page.goto(link.url);
    const ask = async () => {
      const res = await page.request.post('/api/create-setup-intent', fromThePortal(baseURL));
      expect(res.status()).toBe(200);
      return (await res.json()) as { setupIntentId: string; clientSecret: string };
    };
    const first = await ask();
    expect(await ask()).toEqual(first);
  });

  test('after a declined card and a reload, Save confirms the session’s open SetupIntent instead of making another', async ({ page, account, link }) => {
    await page.goto(link.url);
    await saveCard(page, '4000 0000 0000 0002', '01 / 41');
    await expect(page.getByRole('alert').filter({ hasText: 'declined' })).toHaveText('Your card was declined.');
    expect(await setupIntentsMadeFor(account.code)).toBe(1);
    await page.reload();
    await saveCard(page, '4242 4242 4242 4242', '01 / 41');
    await expect(page.getByRole('status').filter({ hasText: 'Card saved' })).toHaveText('Card saved: Visa •••• 4242, expires 01/41');
    expect(await setupIntentsMadeFor(account.code)).toBe(1);
  });
});
