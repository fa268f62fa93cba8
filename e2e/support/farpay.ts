import AxeBuilder from '@axe-core/playwright';
import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import type { StaffRole } from '../../lib/auth/staff-roles';
import { control } from './test';
import { signInStaff } from './staff';

/** Helpers of the FarPay specs: signed-in contexts kept for a whole file, a payment of the test's own, looks. */
export async function staffContext(browser: Browser, role: StaffRole): Promise<BrowserContext> {
  const context = await browser.newContext();
  await signInStaff(await context.newPage(), role);
  return context;
}

export const farpay = control.farpay;

export async function newPayment(type = 'Visa', amountMinor = 12_550, status = 'Paid'): Promise<number> {
  return (await farpay.createPayment({ type, amountMinor, status })).PaymentId;
}

/** FarPay's refunds of a payment, in øre. */
export const refundsAtFarpay = async (id: number) => (await farpay.refunds(id)).map((r) => Math.round(r.PaidAmount * 100));

/** Opens the refund dialog (unless it is open) and fills it (full, or partial with an amount), a reason chosen. */
export async function fillRefund(page: Page, amount?: string, reason = 'duplicate'): Promise<void> {
  if (!(await page.locator('.pay-refund').evaluate((d: HTMLDetailsElement) => d.open))) await page.locator('.pay-refund summary').click();
  const form = page.getByTestId('refund-form');
  if (amount !== undefined) {
    await form.locator('input[name="mode"][value="partial"]').check();
    await form.locator('input[name="amount"]').fill(amount);
  } else await form.locator('input[name="mode"][value="full"]').check();
  await form.locator('select[name="reason"]').selectOption(reason);
}

/** "Review refund": the summary to confirm, or the sentence that stops it; nothing moves yet. */
export async function reviewRefund(page: Page): Promise<void> {
  const form = page.getByTestId('refund-form');
  // The action's answer, not a sentence left from the form's last one.
  await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && r.request().headers()['next-action'] !== undefined),
    form.getByTestId('refund-review').click(),
  ]);
  await expect(form.getByTestId('refund-summary').or(form.getByTestId('refund-error'))).toBeVisible();
}

/** The two clicks that move money: "Review refund", then (when the summary comes) "Confirm refund". */
export async function submitRefund(page: Page): Promise<void> {
  await reviewRefund(page);
  const form = page.getByTestId('refund-form');
  if (await form.getByTestId('refund-summary').isVisible()) await form.getByTestId('refund-confirm').click();
}

/** A screenshot at desktop and phone width, and no axe violations at either. */
export async function look(page: Page, name: string): Promise<void> {
  for (const [width, height, label] of [
    [1280, 900, 'desktop'],
    [390, 844, 'phone'],
  ] as const) {
    // The sandbox banner sits outside every landmark on every page (the layout's, not this page's): left out here.
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `test-results/farpay-${name}-${label}.png`, fullPage: true });
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}
