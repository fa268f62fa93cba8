import { expect, test, type Page } from '@playwright/test';
import { E2E } from './support/ports';
import { addStaffUser, enrolTotp, signInStaff, submitPassword } from './support/staff';

const errorOf = (page: Page) => page.locator('#staff-form-error');

/** Types a password and waits for the refusal: how long the answer took, and what it said. */
async function timedRefusal(page: Page, email: string, password: string): Promise<{ ms: number; text: string }> {
  await page.goto('/staff/login');
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  const started = performance.now();
  // The Server Action answers once the use case has run (its result is in the body): the headers mark the time.
  await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/staff/login'),
    page.locator('form.staff-form button[type="submit"]').click(),
  ]);
  const ms = performance.now() - started;
  await expect(errorOf(page)).toBeVisible();
  return { ms, text: (await errorOf(page).textContent()) ?? '' };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

test.describe('staff sign-in: refusals', () => {
  // A fresh user is added by the seeded admin first (whose TOTP step may wait for the next code).
  test.describe.configure({ timeout: 120_000 });

  test('ten wrong passwords hold the email back with a message, even for the right password', async ({ page, browser }) => {
    const user = await addStaffUser(browser, 'viewer');
    for (let i = 0; i < 10; i++) {
      const { text } = await timedRefusal(page, user.email, `wrong-password-${i}`);
      expect(text).toBe('The email or password is not right.');
    }
    await submitPassword(page, user.email, user.password);
    await expect(errorOf(page)).toHaveText(/Too many failed sign-ins\. Please wait 1[45] minutes and try again\./);
    await expect(page).toHaveURL(/\/staff\/login$/);
  });

  test('an unknown email gets the same answer as a wrong password, in the same time within noise @load', async ({ page, browser }) => {
    const user = await addStaffUser(browser, 'viewer');
    const wrong: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 5; i++) {
      const a = await timedRefusal(page, user.email, `not-it-${i}-password`);
      const b = await timedRefusal(page, `nobody-${i}-${user.email}`, `not-it-${i}-password`);
      expect(b.text).toBe(a.text);
      wrong.push(a.ms);
      unknown.push(b.ms);
    }
    const ratio = median(unknown) / median(wrong);
    test.info().annotations.push({ type: 'timing', description: `median wrong ${median(wrong).toFixed(0)} ms, unknown ${median(unknown).toFixed(0)} ms` });
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  });

  test('a disabled user’s open session stops working at once', async ({ page, browser }) => {
    const user = await addStaffUser(browser, 'viewer');
    await submitPassword(page, user.email, user.password);
    await page.waitForURL((u) => u.pathname === '/staff');
    await expect(page.getByTestId('staff-user')).toContainText(user.email);

    const admin = await browser.newPage();
    await signInStaff(admin, 'admin');
    await admin.goto('/staff/users');
    const row = admin.locator(`li[data-email="${user.email}"]`);
    await row.getByRole('button', { name: 'Disable' }).click();
    await expect(row.getByTestId('action-answer')).toContainText('is disabled and signed out everywhere');
    await admin.close();

    await page.reload();
    await expect(page).toHaveURL(/\/staff\/login$/);
    await submitPassword(page, user.email, user.password);
    await expect(errorOf(page)).toHaveText('The email or password is not right.');
  });

  test('a new admin enrols with the QR code, gets ten recovery codes once, and one of them signs in', async ({ page, browser }) => {
    const user = await addStaffUser(browser, 'admin');
    await submitPassword(page, user.email, user.password);
    await page.waitForURL('**/staff/enrol');
    await expect(page.getByRole('img', { name: 'QR code for your authenticator app' })).toBeVisible();
    const { recoveryCodes } = await enrolTotp(page);
    expect(new Set(recoveryCodes).size).toBe(10);
    await page.getByRole('link', { name: /go to the console/ }).click();
    await page.waitForURL((u) => u.pathname === '/staff');
    await expect(page.getByRole('navigation')).toContainText('Staff users');

    await page.context().clearCookies();
    await submitPassword(page, user.email, user.password);
    await page.waitForURL('**/staff/login');
    await page.locator('input[name="code"]').fill(recoveryCodes[0] ?? '');
    await page.locator('form.staff-form button[type="submit"]').click();
    await page.waitForURL((u) => u.pathname === '/staff');
    // Enrolled: the secret is never shown again.
    await page.goto('/staff/enrol');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByTestId('totp-secret')).toHaveCount(0);
  });

  test('a viewer is not shown staff users, and the page refuses them', async ({ page }) => {
    await signInStaff(page, 'viewer');
    await expect(page.getByRole('navigation')).not.toContainText('Staff users');
    await page.goto('/staff/users');
    await expect(page.locator('main [role="alert"]')).toHaveText('Your role does not allow this page.');
    await expect(page.getByTestId('staff-users')).toHaveCount(0);
  });
});

test.describe('staff forms: bad input', () => {
  test.describe.configure({ timeout: 120_000 });

  test('sign-in: missing, oversized and malformed fields get a sentence, no session', async ({ page }) => {
    for (const [email, password] of [
      ['', ''],
      ['x'.repeat(300) + '@staff.test', 'long-enough-password'],
      ['viewer@sandbox.test', 'p'.repeat(2000)],
    ]) {
      await submitPassword(page, email ?? '', password ?? '');
      await expect(errorOf(page)).toBeVisible();
      await expect(page).toHaveURL(/\/staff\/login$/);
    }
    expect((await page.context().cookies()).filter((c) => c.name.includes('staff_session'))).toEqual([]);
  });

  test('staff users: a forged id, an unknown id, an unknown role and a bad email are refused, nothing changes', async ({ page, browser }) => {
    const user = await addStaffUser(browser, 'viewer');
    await signInStaff(page, 'admin');
    await page.goto('/staff/users');
    const row = page.locator(`li[data-email="${user.email}"]`);
    const roleForm = row.locator('form', { has: page.getByRole('button', { name: 'Change role' }) });
    const setHidden = (value: string) => roleForm.locator('input[name="userId"]').evaluate((el, v) => ((el as HTMLInputElement).value = v), value);

    await setHidden('not-a-uuid');
    await roleForm.locator('select').selectOption('admin');
    await roleForm.getByRole('button', { name: 'Change role' }).click();
    await expect(roleForm.getByTestId('action-answer')).toHaveText('Please correct the highlighted fields');

    await setHidden('00000000-0000-4000-8000-000000000000');
    await roleForm.getByRole('button', { name: 'Change role' }).click();
    await expect(roleForm.getByTestId('action-answer')).toHaveText('That staff user does not exist (any more). Reload the page.');

    await roleForm.locator('select').evaluate((el) => {
      const option = document.createElement('option');
      option.value = 'boss';
      el.appendChild(option);
      (el as HTMLSelectElement).value = 'boss';
    });
    await roleForm.getByRole('button', { name: 'Change role' }).click();
    await expect(roleForm.getByTestId('action-answer')).toHaveText('Please correct the highlighted fields');

    const add = page.locator('form.staff-add');
    await add.locator('input[name="email"]').fill('not an email');
    await add.locator('input[name="name"]').fill('Someone');
    await add.locator('input[name="email"]').evaluate((el) => el.setAttribute('type', 'text'));
    await add.locator('button[type="submit"]').click();
    await expect(add.getByTestId('action-answer')).toHaveText('Please correct the highlighted fields');

    await page.reload();
    await expect(page.locator(`li[data-email="${user.email}"]`)).toContainText('viewer · active');
  });

  test('in Danish: an action refused by the console is said in Danish', async ({ page, browser }) => {
    const user = await addStaffUser(browser, 'viewer');
    await signInStaff(page, 'admin');
    await page.context().addCookies([{ name: 'lang', value: 'da', url: E2E.appUrl }]);
    await page.goto('/staff/users');
    const roleForm = page.locator(`li[data-email="${user.email}"]`).locator('form', { has: page.getByRole('button', { name: 'Skift rolle' }) });
    await roleForm.locator('input[name="userId"]').evaluate((el) => ((el as HTMLInputElement).value = 'not-a-uuid'));
    await roleForm.getByRole('button', { name: 'Skift rolle' }).click();
    await expect(roleForm.getByTestId('action-answer')).toHaveText('Ret de markerede felter');
  });
});
