import { expect, test } from '@playwright/test';
import { E2E } from './support/ports';
import { signInStaff, submitPassword } from './support/staff';

test.describe('staff sign-in', () => {
  test('an operator signs in with password and TOTP, sees the console, and signs out', async ({ page }) => {
    // For real, not the run's shared session: this signs in, and its sign-out ends the session.
    await signInStaff(page, 'operator', { fresh: true });
    await expect(page.getByTestId('staff-user')).toContainText('operator@sandbox.test');
    await expect(page.getByRole('navigation')).not.toContainText(/staff users|medarbejdere/i);
    await page.locator('.staff-user button[type="submit"]').click();
    await page.waitForURL('**/staff/login');
    await page.goto('/staff');
    await expect(page).toHaveURL(/\/staff\/login$/);
  });

  test('a viewer needs no second factor; the password alone does not open an operator’s console', async ({ page, browser }) => {
    await signInStaff(page, 'viewer');
    await expect(page.getByRole('main')).toContainText('Vera Viewer');
    const other = await browser.newPage();
    await submitPassword(other, 'operator@sandbox.test', 'sandbox-staff-password');
    await expect(other.locator('input[name="code"]')).toBeVisible();
    await other.goto('/staff');
    await expect(other).toHaveURL(/\/staff\/login$/);
    await expect(other.locator('input[name="code"]')).toBeVisible();
    await other.close();
  });

  test('sign-in speaks Danish to a Danish reader', async ({ page }) => {
    await page.context().addCookies([{ name: 'lang', value: 'da', url: E2E.appUrl }]);
    await submitPassword(page, 'nobody@staff.test', 'not-the-password');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Log ind for medarbejdere');
    await expect(page.locator('#staff-form-error')).toHaveText('E-mail eller adgangskode er forkert.');
  });

  test('the sandbox home page shows the staff sign-ins and the current code', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByTestId('sandbox-staff')).toContainText('admin@sandbox.test');
    await expect(page.getByTestId('totp-admin')).toHaveText(/^\d{6}$/);
  });
});
