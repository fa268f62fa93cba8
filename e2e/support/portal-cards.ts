import { expect, type Page, type TestInfo } from '@playwright/test';

/** The Payment Element's frame on /pay (the Stripe emulator's, as Stripe's own). */
export const paymentFrame = (page: Page) => page.frameLocator('iframe[title="Secure payment input frame"]');

/**
 * An expiry year of each project's own (phone one above desktop): a card a test saves is told
 * apart from another test's by brand, last four and expiry, and both projects run at once.
 */
export const yearFor = (testInfo: TestInfo, desktop: number) => (testInfo.project.name === 'phone' ? desktop + 1 : desktop);

/** On an open portal page: "Add card", a Visa typed in (expiring December of `year`), "Save card". */
export async function addVisa(page: Page, year: number) {
  await page.getByRole('button', { name: 'Add card', exact: true }).click();
  const frame = paymentFrame(page);
  await frame.getByLabel('Card number').fill('4242 4242 4242 4242');
  await frame.getByLabel('Expiration date').fill(`12 / ${year}`);
  await frame.getByLabel('Security code').fill('123');
  await page.getByRole('button', { name: 'Save card' }).click();
}

/** The customer saves a Visa in the portal, as any customer does: the card Fenerum later charges. */
export async function saveVisa(page: Page, link: { url: string }, year: number) {
  await page.goto(link.url);
  await addVisa(page, year);
  await expect(page.getByRole('status').filter({ hasText: 'Card saved' })).toBeVisible();
}
