import type { Page } from '@playwright/test';
import { fenerumCards } from './support/api';
import { expect, test } from './support/test';

async function openWindow(page: Page, link: { url: string }) {
  await page.goto(link.url);
  await page.getByTestId('add-quickpay').click();
  await expect(page.getByLabel('Card number')).toBeVisible();
}

async function pay(page: Page, number: string, expiry = '12/30') {
  await page.getByLabel('Card number').fill(number);
  await page.getByLabel('Expiry (MM/YY)').fill(expiry);
  await page.getByLabel('CVC').fill('123');
  await page.getByRole('button', { name: /Save card|Pay/ }).click();
}

test.describe('adding a card with QuickPay', () => {
  test('an approved Dankort is saved, registered once, and listed @phone', async ({ page, account, link }, testInfo) => {
    // Each project adds its own card (a year of its own) so parallel runs stay apart.
    const year = testInfo.project.name === 'phone' ? 33 : 31;
    await openWindow(page, link);
    await pay(page, '1000 0200 0000 0006', `11/${year}`);
    await expect(page.getByTestId('card-saved')).toContainText(`Card saved: Dankort •••• 0006, expires 11/${year}`, { timeout: 15_000 });
    await page.getByRole('link', { name: 'Back to your cards' }).click();
    await expect(
      page
        .getByTestId('card')
        .filter({ hasText: '0006' })
        .filter({ hasText: `11/${year}` }),
    ).toBeVisible();
    const registered = (await fenerumCards(account.code)).filter((c) => c.card_number.endsWith('0006') && c.year === 2000 + year);
    expect(registered).toHaveLength(1);
  });

  test('the 3-D Secure card goes through its challenge and is saved', async ({ page, account, link }) => {
    await openWindow(page, link);
    await pay(page, '1000 0000 0000 0073', '10/32');
    await page.getByRole('button', { name: 'Approve authentication' }).click();
    await expect(page.getByTestId('card-saved')).toContainText('•••• 0073, expires 10/32', { timeout: 15_000 });
    const cards = (await fenerumCards(account.code)).filter((c) => c.card_number.endsWith('0073'));
    expect(cards).toHaveLength(1);
    // Listed on the portal too (the history held a 30100 "3-D Secure is required" before the 20000).
    await page.getByRole('link', { name: 'Back to your cards' }).click();
    await expect(page.getByTestId('card').filter({ hasText: '0073' })).toBeVisible();
  });

  test('a rejected card shows a message and nothing is registered', async ({ page, account, link }) => {
    await openWindow(page, link);
    await pay(page, '1000 0000 0000 0016');
    await expect(page.getByText(/declined|rejected/i).first()).toBeVisible();
    expect((await fenerumCards(account.code)).filter((c) => c.card_number.endsWith('0016'))).toHaveLength(0);
  });

  test('cancel in the window says nothing was added and leads back to the portal', async ({ page, link }) => {
    await openWindow(page, link);
    await page.getByRole('link', { name: 'Cancel and go back' }).click();
    await expect(page.getByRole('heading', { name: 'No card was added' })).toBeVisible();
    await page.getByRole('link', { name: 'Back to your cards' }).click();
    await expect(page).toHaveURL(/\/pay$/);
    await expect(page.getByRole('heading', { name: 'Your payment cards' })).toBeVisible();
  });

  test('without a session the QuickPay routes refuse with 401 and create nothing', async ({ request }) => {
    const post = await request.post('/api/create-quickpay-link');
    expect(post.status()).toBe(401);
    expect(await post.json()).toEqual({ error: expect.stringMatching(/session/), code: 'session-ended' });
    const get = await request.get('/add-payment-card', { maxRedirects: 0 });
    expect(get.status()).toBe(401);
  });
});
