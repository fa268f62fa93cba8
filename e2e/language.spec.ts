import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { sandboxSecrets } from '../lib/env/sandbox-defaults';
import type { SandboxControl } from '../sandbox/control-client';
import { alreadyExpired, issueLink } from './support/api';
import { newPayment } from './support/farpay';
import { E2E } from './support/ports';
import { accountWithCards, type AccountWithCards } from './support/staff-accounts';
import { addStaffUser, signInStaff, submitPassword } from './support/staff';
import { expect, test } from './support/test';

/**
 * Must-show of issue 23: no English on a Danish page. Every page the production build serves
 * (its app-paths manifest, so a new page cannot be left out: it fails the first test until it is
 * given a visit below) is opened with the `lang=da` cookie, with data of its own, and fails on
 *  - a message missing from the catalogue (lib/i18n/misses.ts renders ⟦key⟧ on the server; the
 *    browser's next-intl logs MISSING_MESSAGE),
 *  - a word that is English and never Danish, in the text, the labels a screen reader reads, or
 *    the tab title (which must not be empty). FarPay's own texts are marked translate="no" and left out.
 * The 404 and a link error page are walked too; error.tsx has its own unit test (no page throws on demand).
 */

/** English UI words no Danish sentence uses (not "type", "status", "filter", "log", "to", "link", "have": Danish has them too; not "card": the audit filter names action codes). */
const ENGLISH =
  /\b(the|and|your|you|with|this|that|please|could|would|should|there|here|which|been|has|was|were|are|not|of|page|payment|payments|refund|refunded|refunds|account|accounts|cards|sign|search|show|back|again|download|save|cancel|approve|approved|error|failed|paid|amount|date|when|who|what|from|next|previous|older|newer|loading|overview|users|added|expires|customer|email)\b/i;

/** Text that is data, not the portal's words: kept as the provider or the person wrote it. */
const DATA_SELECTORS = ['code', 'pre', 'kbd', '[translate="no"]', 'iframe', 'script', 'style', 'template', 'noscript'];

/** With LANGUAGE_SHOTS_DIR set, each Danish page is also kept as a screenshot at 1280 and 390 pixels wide, for a person to look at. */
const SHOTS = process.env.LANGUAGE_SHOTS_DIR;
async function shoot(page: Page, url: string): Promise<void> {
  const name =
    url
      .replace(/^\//, '')
      .replace(/[^a-zA-Z0-9-]+/g, '_')
      .slice(0, 80) || 'home';
  const size = page.viewportSize();
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: path.join(SHOTS ?? '', `${name}-${width}.png`), fullPage: true });
  }
  if (size) await page.setViewportSize(size);
}

type Seen = { url: string; title: string; texts: string[]; misses: string[] };

async function look(page: Page, url: string, { expectStatus }: { expectStatus?: number } = {}): Promise<Seen> {
  const misses: string[] = [];
  const onConsole = (m: { text(): string }) => {
    if (/MISSING_MESSAGE|\[i18n\]/.test(m.text())) misses.push(m.text());
  };
  page.on('console', onConsole);
  const res = url ? await page.goto(url) : null;
  if (expectStatus !== undefined) expect(res?.status(), url).toBe(expectStatus);
  else if (res) expect(res.status(), url).toBeLessThan(400);
  await page.waitForLoadState('load');
  // Client components (the card form, the approval panel, the refund form) render after hydration.
  await page.waitForTimeout(400);
  const { texts, marked } = await page.evaluate((dataSelectors) => {
    const clone = document.body.cloneNode(true) as HTMLElement;
    for (const el of clone.querySelectorAll(dataSelectors.join(','))) el.remove();
    const attrs = [...document.querySelectorAll('[aria-label],[title],[placeholder],[alt],input[type="submit"][value]')]
      .filter((el) => !el.closest(dataSelectors.join(',')))
      .flatMap((el) => ['aria-label', 'title', 'placeholder', 'alt', 'value'].map((a) => (a === 'value' && el.tagName !== 'INPUT' ? null : el.getAttribute(a))))
      .filter((v): v is string => !!v);
    // textContent, not innerText: closed <details>, hidden notices and visually-hidden captions count too.
    const text = (clone.textContent ?? '').replace(/\s+/g, ' ');
    return { texts: [text, ...attrs], marked: document.body.textContent?.includes('⟦') ?? false };
  }, DATA_SELECTORS);
  if (SHOTS) await shoot(page, url || new URL(page.url()).pathname);
  if (marked) misses.push(`⟦…⟧ on the page: ${(await page.locator('body').textContent())?.match(/⟦[^⟧]*⟧/g)?.join(', ')}`);
  page.off('console', onConsole);
  return { url: url || page.url(), title: await page.title(), texts, misses };
}

/** What a Danish reader would find wrong on a page: each problem as one line. */
function problemsOf(seen: Seen, data: string[]): string[] {
  const strip = (s: string) => data.reduce((acc, d) => (d ? acc.split(d).join(' ') : acc), s);
  const out = seen.misses.map((m) => `catalogue miss: ${m}`);
  if (!seen.title.trim()) out.push('no tab title');
  for (const text of [seen.title, ...seen.texts]) {
    const english = ENGLISH.exec(strip(text));
    if (english) {
      const at = english.index;
      const s = strip(text);
      out.push(`English "${english[0]}" in: …${s.slice(Math.max(0, at - 60), at + 60)}…`);
    }
  }
  return out.map((p) => `${seen.url}: ${p}`);
}

/** Every page entry of the production build ("/staff/(console)/payments/[id]/page"). */
function builtPages(): string[] {
  const manifest = path.join(process.env.NEXT_DIST_DIR || '.next', 'server', 'app-paths-manifest.json');
  return Object.keys(JSON.parse(readFileSync(manifest, 'utf8')) as Record<string, string>)
    .filter((e) => e.endsWith('/page'))
    .sort();
}

type World = {
  staff: Page;
  customer: Page;
  nobody: Page;
  /** A customer whose session ended (its link withdrawn): the page offers "email me a new link". */
  ended: Page;
  enrolling: Page;
  account: AccountWithCards;
  /** A customer of `account` (two cards): the remove pages and the card list with its notes. */
  owner: Page;
  /** The customer's only card (customer page): its remove page says it cannot be removed. */
  customerCard: string;
  paymentId: number;
  approval: string;
  expiredLink: string;
};

/** How each built page is reached in Danish, with data made for this run. A page not here fails the first test. */
const VISITS: Record<string, (w: World) => Array<{ page: Page; url: string; status?: number }>> = {
  '/page': (w) => [{ page: w.nobody, url: '/' }],
  '/_not-found/page': (w) => [
    { page: w.nobody, url: '/findes-ikke', status: 404 },
    { page: w.staff, url: '/staff/findes-ikke', status: 404 },
  ],
  '/pay/page': (w) => [
    { page: w.customer, url: '/pay' },
    // No session ever: how to get a link. A session that ended: the new-link form.
    { page: w.nobody, url: '/pay' },
    { page: w.ended, url: '/pay' },
    { page: w.owner, url: '/pay' },
  ],
  '/pay/cards/[cardUuid]/remove/page': (w) => [
    { page: w.owner, url: `/pay/cards/${w.account.visa}/remove` },
    { page: w.owner, url: '/pay/cards/00000000-0000-4000-8000-000000000000/remove' },
    { page: w.customer, url: `/pay/cards/${w.customerCard}/remove` },
  ],
  '/pay/approve/[paymentIntentId]/page': (w) => [{ page: w.customer, url: `/pay/approve/${w.approval}` }],
  '/pay/quickpay/cancel/page': (w) => [{ page: w.customer, url: '/pay/quickpay/cancel' }],
  '/pay/quickpay/return/page': (w) => [{ page: w.customer, url: '/pay/quickpay/return' }],
  '/pay/stripe/return/page': (w) => [{ page: w.customer, url: '/pay/stripe/return' }],
  '/staff/login/page': (w) => [{ page: w.nobody, url: '/staff/login' }],
  '/staff/enrol/page': (w) => [{ page: w.enrolling, url: '' }],
  '/staff/(console)/page': (w) => [{ page: w.staff, url: '/staff' }],
  '/staff/(console)/accounts/page': (w) => [
    { page: w.staff, url: '/staff/accounts' },
    { page: w.staff, url: `/staff/accounts?q=${w.account.code}` },
  ],
  '/staff/(console)/accounts/[code]/page': (w) => [{ page: w.staff, url: `/staff/accounts/${w.account.code}` }],
  '/staff/(console)/accounts/[code]/cards/[uuid]/page': (w) => [{ page: w.staff, url: `/staff/accounts/${w.account.code}/cards/${w.account.visa}` }],
  '/staff/(console)/attention/[list]/page': (w) =>
    ['approvals', 'registrations', 'expiring', 'refunds', 'mail'].map((list) => ({ page: w.staff, url: `/staff/attention/${list}` })),
  '/staff/(console)/search/page': (w) => [
    { page: w.staff, url: `/staff/search?q=${w.account.code}` },
    { page: w.staff, url: '/staff/search?q=4242' },
    { page: w.staff, url: '/staff/search?q=' },
  ],
  '/staff/(console)/audit/page': (w) => [{ page: w.staff, url: '/staff/audit' }],
  '/staff/(console)/users/page': (w) => [{ page: w.staff, url: '/staff/users' }],
  '/staff/(console)/campaigns/page': (w) => [{ page: w.staff, url: '/staff/campaigns' }],
  '/staff/(console)/imports/page': (w) => [{ page: w.staff, url: '/staff/imports' }],
  '/staff/(console)/payments/page': (w) => [
    { page: w.staff, url: '/staff/payments' },
    { page: w.staff, url: '/staff/payments?from=2025-01-01&to=2025-03-31' },
    { page: w.staff, url: '/staff/payments?mode=lookup' },
  ],
  '/staff/(console)/payments/[id]/page': (w) => [{ page: w.staff, url: `/staff/payments/${w.paymentId}` }],
  '/staff/(console)/payments/failed/page': (w) => [{ page: w.staff, url: '/staff/payments/failed?from=2025-06-01&to=2025-06-30' }],
  '/staff/(console)/payments/reconciliation/page': (w) => [{ page: w.staff, url: '/staff/payments/reconciliation?from=2025-01-01&to=2025-03-31' }],
};

/**
 * A payment waiting for this customer's approval, as a customer meets it: a Visa saved in the
 * portal (in Danish), then Fenerum's charge that the bank wants authenticated; the banner says so.
 */
async function pendingApproval(customer: Page, sandbox: SandboxControl, accountCode: string): Promise<string> {
  await customer.getByRole('button', { name: 'Tilføj kort', exact: true }).click();
  const frame = customer.frameLocator('iframe[title="Secure payment input frame"]');
  await frame.getByLabel('Kortnummer').fill('4242 4242 4242 4242');
  await frame.getByLabel('Udløbsdato').fill(`12 / ${40 + Math.floor(Math.random() * 30)}`);
  await frame.getByLabel('Kontrolcifre').fill('123');
  await customer.getByRole('button', { name: 'Gem kort' }).click();
  await expect(customer.getByRole('status').filter({ hasText: 'Kortet er gemt' })).toBeVisible({ timeout: 20_000 });
  const charge = await sandbox.fenerum.charge(accountCode);
  expect(charge).toMatchObject({ errorCode: 'authentication_required', sent: true });
  await expect(async () => {
    await customer.goto('/pay');
    await expect(customer.getByTestId('approval-banner')).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  return charge.paymentGatewayId;
}

async function danish(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: 'da-DK' });
  await context.addCookies([{ name: 'lang', value: 'da', url: E2E.appUrl }]);
  return context;
}

/** Built pages no visit can reach on demand, each with the reason. */
const UNREACHABLE: Record<string, string> = {
  '/_global-error/page': "Next's own page for a failure of the root layout itself (no request makes the layout fail); app/error.tsx covers every page below it",
};

test('every page the build serves has a Danish visit in this spec', () => {
  const built = builtPages().filter((entry) => !UNREACHABLE[entry]);
  expect(built.filter((entry) => !VISITS[entry])).toEqual([]);
  expect(Object.keys(VISITS).filter((entry) => !built.includes(entry))).toEqual([]);
});

test('every customer and staff page in Danish: no catalogue miss, no English words, Danish tab titles, 404 included', async ({
  browser,
  sandbox,
  request,
  account: customerAccount,
}) => {
  test.setTimeout(180_000);
  const account = await accountWithCards(sandbox);
  const link = await issueLink(request, customerAccount.code);
  const [staffContext, customerContext, nobodyContext, enrollingContext, endedContext, ownerContext] = await Promise.all([
    danish(browser),
    danish(browser),
    danish(browser),
    danish(browser),
    danish(browser),
    danish(browser),
  ]);
  try {
    const staff = await staffContext.newPage();
    await signInStaff(staff, 'admin');
    const customer = await customerContext.newPage();
    await customer.goto(link.url);
    await expect(customer).toHaveURL(/\/pay$/);
    const ended = await endedContext.newPage();
    const withdrawn = await issueLink(request, customerAccount.code);
    await ended.goto(withdrawn.url);
    await expect(ended).toHaveURL(/\/pay$/);
    const revoked = await request.delete(`/api/links/${withdrawn.id}`, { headers: { Authorization: `Bearer ${sandboxSecrets.PORTAL_API_KEY}` } });
    expect(revoked.status()).toBe(200);
    const enrolling = await enrollingContext.newPage();
    const fresh = await addStaffUser(browser, 'operator');
    await submitPassword(enrolling, fresh.email, fresh.password);
    await enrolling.waitForURL('**/staff/enrol');
    const owner = await ownerContext.newPage();
    await owner.goto((await issueLink(request, account.code)).url);
    const approval = await pendingApproval(customer, sandbox, customerAccount.code);
    const world: World = {
      staff,
      customer,
      nobody: await nobodyContext.newPage(),
      ended,
      enrolling,
      account,
      owner,
      customerCard: (await sandbox.fenerum.cards(customerAccount.code)).find((c) => c.active)?.uuid ?? '',
      paymentId: await newPayment('BS', 30_000),
      approval,
      expiredLink: alreadyExpired(link.url),
    };
    // Words that are data here: the account's name and emails, the staff's own, FarPay's texts as FarPay wrote them.
    const data = [
      account.company_name,
      customerAccount.company_name,
      ...account.recipients.map((r) => r.email),
      ...customerAccount.recipients.map((r) => r.email),
      fresh.email,
      fresh.name,
    ];

    const problems: string[] = [];
    for (const entry of builtPages().filter((e) => !UNREACHABLE[e])) {
      for (const visit of VISITS[entry]?.(world) ?? []) problems.push(...problemsOf(await look(visit.page, visit.url, { expectStatus: visit.status }), data));
    }
    // A refusal in Danish: a wrong password on the sign-in page, and a customer link that has expired.
    await submitPassword(world.nobody, 'nobody@staff.test', 'not-the-password');
    await expect(world.nobody.locator('#staff-form-error')).toBeVisible();
    problems.push(...problemsOf(await look(world.nobody, ''), data));
    problems.push(...problemsOf(await look(world.nobody, world.expiredLink, { expectStatus: 410 }), data));
    // Its "email me a new link" form, sent: the answer in Danish.
    await world.nobody.getByLabel('Din e-mailadresse').fill(customerAccount.recipients[0]?.email ?? '');
    await world.nobody.getByRole('button', { name: 'Send mig et nyt link' }).click();
    await expect(world.nobody.getByRole('heading', { name: 'Tjek din e-mail' })).toBeVisible();
    problems.push(...problemsOf(await look(world.nobody, ''), data));
    // An approval this account does not have: the page's own refusal, in Danish.
    problems.push(...problemsOf(await look(world.customer, '/pay/approve/pi_findesikke000000000000'), data));
    expect(problems).toEqual([]);
  } finally {
    await Promise.all([
      staffContext.close(),
      customerContext.close(),
      nobodyContext.close(),
      enrollingContext.close(),
      endedContext.close(),
      ownerContext.close(),
    ]);
  }
});
