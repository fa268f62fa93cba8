import { expect, test } from './fixtures/test';

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
});
