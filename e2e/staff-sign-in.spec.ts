import { expect, test } from '@playwright/test';
import { signInStaff, submitPassword } from './fixtures/staff';

test.describe('staff sign-in', () => {
  test('an operator signs in with password and TOTP, sees the console, and signs out', async ({ page }) => {
    await signInStaff(page, 'operator');
    await expect(page.getByTestId('staff-user')).toContainText('operator@sandbox.test');
    await expect(page.getByRole('navigation')).not.toContainText(/staff users|medarbejdere/i);
    await page.locator('.staff-user button[type="submit"]').click();
    await page.waitForURL('**/staff/login');
    await page.goto('/staff');
    await expect(page).toHaveURL(/\/staff\/login$/);
  });

  test('a viewer needs no second factor; the password alone does not open an operator’s console', async ({ page, browser }) => {
    await signInStaff(page, 'viewer');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Vera Viewer');
    const other = await browser.newPage();
    await submitPassword(other, 'operator@sandbox.test', 'sandbox-staff-password');
    await expect(other.locator('input[name="code"]')).toBeVisible();
    await other.goto('/staff');
    await expect(other).toHaveURL(/\/staff\/login$/);
    await expect(other.locator('input[name="code"]')).toBeVisible();
    await other.close();
  });

  test('the sandbox home page shows the staff sign-ins and the current code', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByTestId('sandbox-staff')).toContainText('admin@sandbox.test');
    await expect(page.getByTestId('totp-admin')).toHaveText(/^\d{6}$/);
  });
});
