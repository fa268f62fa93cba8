import { expect, test } from './support/test';
import { signInStaff } from './support/staff';
import { accountWithCards, lookAt } from './support/staff-accounts';
import { recipientEmail } from '../sandbox/control-client';
import { E2E } from './support/ports';

test.describe.configure({ timeout: 150_000 });

const accountPage = (code: string) => `/staff/accounts/${encodeURIComponent(code)}`;
const cardPage = (code: string, uuid: string) => `${accountPage(code)}/cards/${uuid}`;

test.describe('staff: accounts and their cards', () => {
  test('an operator finds CUST001 by search and sees its cards, the legacy Stripe card flagged', async ({ page }) => {
    await signInStaff(page, 'operator');
    await page.goto('/staff/accounts');
    await lookAt(page, 'search-empty');
    // The accounts page's own search (the console's search box in the layout is another form).
    const search = page.locator('form[action="/staff/accounts"]');
    await search.getByRole('searchbox').fill('nordlys');
    await search.getByRole('button', { name: 'Search' }).click();
    await expect(page.getByTestId('account-results')).toContainText('CUST001');
    await lookAt(page, 'search-results');
    await page.getByRole('link', { name: 'Open Nordlys ApS' }).click();
    await expect(page.getByTestId('account-title')).toHaveText('Nordlys ApS');
    const cards = page.getByTestId('staff-card');
    await expect(cards.filter({ hasText: '•••• 4242' }).getByTestId('card-state')).toHaveText('Active');
    await expect(cards.filter({ hasText: '•••• 0341' }).getByTestId('card-state')).toHaveText('Disabled');
    const legacy = cards.filter({ hasText: '•••• 5556' });
    await expect(legacy.getByTestId('legacy-notice')).toContainText("Fenerum will ask for 3-D Secure on this card's first payment");
    const legacyUuid = (await legacy.getAttribute('data-card')) ?? '';
    await expect(legacy.getByRole('link', { name: 'Send the customer a link to add the card again' })).toHaveAttribute(
      'href',
      `/staff/accounts/CUST001?send=new-card&card=${legacyUuid}#send`,
    );
    const recipients = page.getByTestId('account-recipients').getByRole('listitem');
    await expect(recipients.filter({ hasText: 'faktura@nordlys.dk' })).toContainText("Gets the portal's emails");
    await expect(recipients.filter({ hasText: 'ida@nordlys.dk' })).not.toContainText("Gets the portal's emails");
    await lookAt(page, 'account-cust001');
  });

  test('a viewer finds an account by a recipient’s email (Fenerum keeps no email on the account)', async ({ page }) => {
    await signInStaff(page, 'viewer');
    await page.goto('/staff/accounts?q=ida%40nordlys.dk');
    const results = page.getByTestId('account-results');
    await expect(results.getByRole('listitem')).toHaveCount(1);
    await expect(results).toContainText('CUST001');
    await expect(results).toContainText('faktura@nordlys.dk');
    await page.goto('/staff/accounts?q=kreditor%40storkunde');
    await expect(page.getByTestId('account-results')).toContainText('CUST004');
  });

  test('an operator disables a card of a fresh account: shown disabled, Fenerum holds it with our X-User, audited on the timeline; a viewer cannot', async ({
    page,
    browser,
    sandbox,
  }) => {
    const account = await accountWithCards(sandbox);
    await signInStaff(page, 'operator');
    await page.goto(accountPage(account.code));
    await expect(page.getByTestId('staff-card')).toHaveCount(2);
    await page.getByRole('link', { name: 'Visa •••• 4242' }).click();
    const year = String((new Date().getFullYear() + 1) % 100).padStart(2, '0');
    await expect(page.getByText(`Disable Visa •••• 4242, expires 12/${year}?`)).toBeVisible();
    await expect(page.getByText('The card stays saved at the payment gateway')).toBeVisible();
    await lookAt(page, 'card-operator');
    await page.getByLabel('Reason').fill('Customer reported the card stolen');
    const posted = page.waitForRequest((r) => r.method() === 'POST' && !!r.headers()['next-action']);
    await page.getByRole('button', { name: 'Yes, disable Visa •••• 4242' }).click();
    const action = await posted; // the Server Action exactly as the operator's browser sent it, replayed by a viewer below
    await expect(page.getByTestId('card-state')).toHaveText('Disabled');
    await expect(page.getByText('This card is disabled: Fenerum no longer charges it.')).toBeVisible();

    const atFenerum = await sandbox.fenerum.cards(account.code);
    expect(atFenerum.find((c) => c.uuid === account.visa)).toMatchObject({ active: false, disabled_by: 'operator@sandbox.test' });
    expect(atFenerum.find((c) => c.uuid === account.mastercard)).toMatchObject({ active: true });
    await page.goto(accountPage(account.code));
    await expect(page.getByTestId('staff-card').filter({ hasText: '4242' }).getByTestId('card-state')).toHaveText('Disabled');
    // (Not necessarily the newest entry: the account's security notice about it follows.)
    await expect(
      page.getByTestId('timeline-entry').filter({ hasText: 'operator@sandbox.test disabled Visa •••• 4242. Reason: Customer reported the card stolen' }),
    ).toHaveCount(1);
    await lookAt(page, 'account-operator');

    // A viewer sees the card but no Disable button; the operator's form posted with the viewer's session is refused.
    const viewerContext = await browser.newContext({ baseURL: E2E.appUrl });
    const viewer = await viewerContext.newPage();
    await signInStaff(viewer, 'viewer');
    await viewer.goto(cardPage(account.code, account.mastercard));
    await expect(viewer.getByTestId('card-state')).toHaveText('Active');
    await expect(viewer.getByRole('button', { name: /disable/i })).toHaveCount(0);
    await expect(viewer.getByText('Only an operator can disable cards.')).toBeVisible();
    await lookAt(viewer, 'card-viewer');
    const res = await viewer.request.post(cardPage(account.code, account.mastercard), {
      headers: { 'Next-Action': action.headers()['next-action'] ?? '', 'Content-Type': action.headers()['content-type'] ?? '', Origin: E2E.appUrl },
      data: (action.postData() ?? '').replaceAll(account.visa, account.mastercard),
    });
    expect(res.status()).toBe(200);
    expect(await res.text()).toContain('Your role does not allow this');
    expect((await sandbox.fenerum.cards(account.code)).find((c) => c.uuid === account.mastercard)).toMatchObject({ active: true, disabled_by: null });
    await viewer.reload();
    await expect(viewer.getByTestId('timeline-entry').filter({ hasText: /mastercard/i })).toHaveCount(0);
    await viewerContext.close();

    // The operator's own action with another account's card, or a card id that is not one: refused in a sentence, nothing changed.
    const other = await accountWithCards(sandbox);
    const replay = async (cardUuid: string) => {
      const answer = await page.request.post(cardPage(account.code, account.mastercard), {
        headers: { 'Next-Action': action.headers()['next-action'] ?? '', 'Content-Type': action.headers()['content-type'] ?? '', Origin: E2E.appUrl },
        data: (action.postData() ?? '').replaceAll(account.visa, cardUuid),
      });
      expect(answer.status()).toBe(200);
      return answer.text();
    };
    expect(await replay(other.visa)).toContain('That card belongs to another account; nothing was disabled');
    expect(await replay('not-a-card-id-but-36-characters-long')).toContain('That is not a card id');
    expect((await sandbox.fenerum.cards(other.code)).every((c) => c.active && c.disabled_by === null)).toBe(true);
    expect((await sandbox.fenerum.cards(account.code)).find((c) => c.uuid === account.mastercard)).toMatchObject({ active: true });
  });

  test('a support user creates a customer link and a self-service link, copies them, and revokes the link', async ({ page, sandbox }) => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    const account = await accountWithCards(sandbox);
    await signInStaff(page, 'support');
    await page.goto(accountPage(account.code));
    await expect(page.getByRole('button', { name: /disable/i })).toHaveCount(0);
    await page.getByLabel('Valid for').selectOption('24h');
    await page.getByRole('button', { name: 'Create customer link' }).click();
    const link = page.getByTestId('issue-link').getByTestId('copy-value');
    await expect(link).toHaveValue(/^http:\/\/localhost:\d+\/pay\/[\w.-]+$/);
    await page.getByTestId('issue-link').getByRole('button', { name: 'Copy' }).click();
    await expect(page.getByTestId('issue-link').getByRole('button', { name: 'Copied' })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await link.inputValue());
    await expect(page.getByTestId('open-link')).toHaveCount(1);
    await expect(page.getByTestId('open-link')).toContainText('support@sandbox.test');

    const to = recipientEmail(account);
    await page.getByRole('button', { name: `Create Self-Service link for ${to}` }).click();
    await expect(page.getByTestId('self-service').getByTestId('copy-value')).toHaveValue(/\/self-service\/access\/[0-9a-f]+$/);
    const selfService = (await sandbox.fenerum.audit()).filter((e) => e.path.includes('self-service') && (e.body as { email?: string }).email === to);
    expect(selfService).toMatchObject([{ status: 200, user: 'support@sandbox.test' }]);
    await lookAt(page, 'account-support-links');

    await page
      .getByTestId('open-link')
      .getByRole('button', { name: /Revoke/ })
      .click();
    await expect(page.getByTestId('open-link')).toHaveCount(0);
    await expect(page.getByText('No open links.')).toBeVisible();
    const kinds = await page.getByTestId('timeline-entry').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
    expect(kinds.slice(0, 3)).toEqual(['linkRevoked', 'selfServiceLink', 'linkIssued']);
    await expect(page.getByTestId('timeline-entry').filter({ hasText: `Self-Service link for ${to}` })).toHaveCount(1);
  });

  test('in Danish: the account page and the card page read Danish, on a phone too', async ({ page, sandbox }) => {
    const account = await accountWithCards(sandbox);
    await signInStaff(page, 'operator');
    await page.context().addCookies([{ name: 'lang', value: 'da', url: E2E.appUrl }]);
    await page.goto(accountPage(account.code));
    await expect(page.getByRole('heading', { name: 'Betalingskort' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Opret kundelink' })).toBeVisible();
    await lookAt(page, 'account-da');
    await page.goto(cardPage(account.code, account.visa));
    const year = String((new Date().getFullYear() + 1) % 100).padStart(2, '0');
    await expect(page.getByText(`Deaktivér Visa •••• 4242, udløber 12/${year}?`)).toBeVisible();
    await lookAt(page, 'card-da');
  });

  test('Fenerum over its rate limit: the page says it is busy and when it refreshes, never an error page', async ({ page, sandbox }) => {
    const account = await accountWithCards(sandbox);
    await signInStaff(page, 'viewer');
    // Fenerum's 429 for this account's calls alone: other tests on the run's sandbox never see it.
    await sandbox.fenerum.settings({ failNext: { status: 429, count: 1, retryAfter: 30, account: account.code } });
    const res = await page.goto(accountPage(account.code));
    expect(res?.status()).toBe(200);
    await expect(page.getByTestId('fenerum-busy')).toContainText(/Fenerum is busy; this page refreshes in \d+ seconds?\./);
    const first = Number(/(\d+) seconds?/.exec((await page.getByTestId('fenerum-busy').textContent()) ?? '')?.[1]);
    await expect(page.getByTestId('fenerum-busy')).not.toContainText(`refreshes in ${first} second`); // it counts down
    await lookAt(page, 'busy');
    await page.getByRole('button', { name: 'Try now' }).click();
    await expect(page.getByTestId('account-title')).toHaveText(`Testkunde ${account.code} ApS`);
  });
});
