import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { addStaffUser, signInStaff, submitPassword } from './support/staff';

/** A full-page screenshot for a person to look at, and axe on the same page: no violations. */
async function lookAt(page: Page, name: string): Promise<void> {
  const width = page.viewportSize()?.width ?? 0;
  await page.screenshot({ path: test.info().outputPath(`${name}-${width}.png`), fullPage: true });
  // The sandbox banner sits outside any landmark (the portal's layout, not these pages): left out.
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test.describe('staff pages, looked at @phone', () => {
  test.describe.configure({ timeout: 120_000 });

  test('sign-in and the TOTP step', async ({ page }) => {
    await page.goto('/staff/login');
    await lookAt(page, 'staff-login');
    await submitPassword(page, 'someone@staff.test', 'wrong-password-here');
    await expect(page.locator('#staff-form-error')).toBeVisible();
    await lookAt(page, 'staff-login-refused');
    await submitPassword(page, 'operator@sandbox.test', 'sandbox-staff-password');
    await expect(page.locator('input[name="code"]')).toBeVisible();
    await lookAt(page, 'staff-login-code');
  });

  test('enrolment and its recovery codes', async ({ page, browser }) => {
    const user = await addStaffUser(browser, 'operator');
    await submitPassword(page, user.email, user.password);
    await page.waitForURL('**/staff/enrol');
    await lookAt(page, 'staff-enrol');
  });

  test('the console and the staff users page', async ({ page }) => {
    await signInStaff(page, 'admin');
    await lookAt(page, 'staff-home');
    await page.goto('/staff/users');
    await expect(page.getByTestId('staff-users')).toBeVisible();
    await lookAt(page, 'staff-users');
  });

  test('the sandbox home page with the staff sign-ins', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByTestId('sandbox-staff')).toBeVisible();
    await lookAt(page, 'home-staff');
  });
});
