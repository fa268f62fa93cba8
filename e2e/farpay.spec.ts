import { expect, test, type BrowserContext } from '@playwright/test';
import { sandboxSecrets } from '../lib/env/sandbox-defaults';
import { control } from './support/test';
import { farpay, fillRefund, look, newPayment, refundsAtFarpay, reviewRefund, staffContext, submitRefund } from './support/farpay';

/**
 * Issue 11's Must show, in one file with one signed-in context per role (an operator's TOTP code
 * is accepted once per 30 s step, so signing in for every test would be slow).
 */
test.describe.configure({ mode: 'serial' });
test.setTimeout(90_000);

let operator: BrowserContext;
let admin: BrowserContext;
let viewer: BrowserContext;
test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  viewer = await staffContext(browser, 'viewer');
  operator = await staffContext(browser, 'operator');
  admin = await staffContext(browser, 'admin');
});
test.afterAll(async () => Promise.all([operator, admin, viewer].map((c) => c.close())));

test('a period filter, paging, and an invoice look-up; the two modes never mix', async () => {
  const page = await viewer.newPage();
  await page.goto('/staff/payments?mode=period&from=2025-01-01&to=2025-12-31&type=Visa');
  const rows = page.getByTestId('payments-table').locator('tbody tr');
  await expect(rows).toHaveCount(50);
  await expect(rows.locator('td:nth-child(4)')).toHaveText(Array(50).fill('Visa'));
  const firstId = await rows.first().getAttribute('data-payment-id');
  await page.getByRole('link', { name: /next page/i }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(rows.first()).not.toHaveAttribute('data-payment-id', firstId ?? '');
  await look(page, 'list');

  // The period form has no look-up fields and the look-up form no dates: they cannot be sent together.
  await expect(page.getByTestId('filter-period').locator('input[name="invoice"], input[name="refund"], input[name="reference"]')).toHaveCount(0);
  await page.getByRole('link', { name: 'Look up' }).click();
  const lookup = page.getByTestId('filter-lookup');
  await expect(lookup.locator('input[name="from"], input[name="to"]')).toHaveCount(0);
  const created = await farpay.createPayment({ type: 'Dankort', amountMinor: 9_900 });
  const [id, invoice] = [created.PaymentId, String(created.InvoiceId)];
  await lookup.locator('input[name="invoice"]').fill(invoice);
  await lookup.getByRole('button').click();
  await expect(page).toHaveURL(new RegExp(`mode=lookup&invoice=${invoice}`));
  await expect(page.getByTestId('payments-table').locator('tbody tr')).toHaveCount(1);
  await expect(page.getByTestId('payments-table')).toContainText(String(id));

  // FarPay's emulator refuses a mixed query itself.
  const mixed = await fetch(`${control.urls.farpay}/v2/payments?paymentDateFrom=2025-01-01&invoiceId=${invoice}`, {
    headers: { 'X-API-KEY': sandboxSecrets.FARPAY_API_KEY },
  });
  expect(mixed.status).toBe(400);
});

test('a refund of part, then the rest; more than remaining is stopped before sending', async () => {
  const id = await newPayment('Visa', 12_550);
  const page = await operator.newPage();
  await page.goto(`/staff/payments/${id}`);
  await expect(page.getByTestId('remaining')).toContainText('125.50');
  await look(page, 'detail');
  await fillRefund(page, '125.51');
  await submitRefund(page);
  await expect(page.getByTestId('refund-error')).toContainText('more than the remaining');
  expect(await refundsAtFarpay(id)).toEqual([]);

  await page.getByTestId('refund-form').locator('input[name="amount"]').fill('50');
  await submitRefund(page);
  await expect(page.getByTestId('refund-done')).toContainText('Refunded DKK 50.00');
  await expect(page.getByTestId('remaining')).toContainText('75.50');
  await fillRefund(page, undefined, 'cancelled');
  await expect(page.getByTestId('refund-form')).toContainText('DKK 75.50');
  await submitRefund(page);
  // Nothing is left, so the dialog gives way to the sentence saying so.
  await expect(page.getByTestId('no-refund')).toContainText('refunded in full');
  expect(await refundsAtFarpay(id)).toEqual([-5_000, -7_550]);
  await expect(page.getByTestId('our-refunds')).toContainText('operator@sandbox.test');
  await expect(page.getByTestId('our-refunds')).toContainText('Subscription cancelled');
});

test('a Betalingsservice payment offers no refund; a 20040 PSP error shows its message and refunds nothing', async () => {
  const page = await operator.newPage();
  await page.goto(`/staff/payments/${await newPayment('BS', 30_000)}`);
  await expect(page.getByTestId('no-refund')).toContainText("can't be refunded");
  await expect(page.locator('.pay-refund')).toHaveCount(0);

  const id = await newPayment('MasterCard', 20_000);
  await farpay.fault(id, { pspError: 'PSP: 1001:Invalid card number' });
  await page.goto(`/staff/payments/${id}`);
  await fillRefund(page);
  await submitRefund(page);
  await expect(page.getByTestId('refund-error')).toContainText('refused the refund: PSP: 1001:Invalid card number');
  expect(await refundsAtFarpay(id)).toEqual([]);
  await page.reload();
  await expect(page.getByTestId('remaining')).toContainText('200.00');
  await expect(page.getByTestId('our-refunds')).toContainText('Not refunded');
});

test('a viewer sees no refund button, and the action posted with a viewer’s session is refused', async () => {
  const id = await newPayment('Visa', 10_000);
  const page = await viewer.newPage();
  await page.goto(`/staff/payments/${id}`);
  await expect(page.getByTestId('remaining')).toContainText('100.00');
  await expect(page.locator('.pay-refund')).toHaveCount(0);

  // The operator's own form, posted with the viewer's session cookie instead.
  const context = await page.context().browser()?.newContext();
  if (!context) throw new Error('no browser');
  const forged = await context.newPage();
  await context.addCookies(await operator.cookies());
  await forged.goto(`/staff/payments/${id}`);
  await fillRefund(forged);
  await context.clearCookies();
  await context.addCookies(await viewer.cookies());
  await submitRefund(forged);
  await expect(forged.getByTestId('refund-error')).toContainText('role does not allow');
  expect(await refundsAtFarpay(id)).toEqual([]);
  await context.close();
});

test('20 concurrent submissions of one form make exactly one refund', async () => {
  const id = await newPayment('Dankort', 40_000);
  const page = await operator.newPage();
  await page.goto(`/staff/payments/${id}`);
  await fillRefund(page);
  await reviewRefund(page);
  // The browser's own confirmation is held back and copied: 20 identical posts of the same form at once.
  const captured = new Promise<{ url: string; headers: Record<string, string>; body: Buffer }>((resolve) => {
    void page.route(`**/staff/payments/${id}`, async (route) => {
      const req = route.request();
      if (req.method() !== 'POST') return route.continue();
      resolve({ url: req.url(), headers: await req.allHeaders(), body: req.postDataBuffer() ?? Buffer.alloc(0) });
      await route.abort();
    });
  });
  await page.getByTestId('refund-confirm').click();
  const post = await captured;
  const headers = Object.fromEntries(Object.entries(post.headers).filter(([k]) => !k.startsWith(':') && k !== 'content-length' && k !== 'cookie'));
  const answers = await Promise.all(Array.from({ length: 20 }, () => operator.request.post(post.url, { headers, data: post.body })));
  expect(answers.every((a) => a.ok())).toBe(true);
  expect(await refundsAtFarpay(id)).toEqual([-40_000]);
});

test('two staff refunding at once: one succeeds, the other is told the payment changed', async () => {
  const id = await newPayment('Visa', 15_000);
  const [a, b] = [await operator.newPage(), await admin.newPage()];
  await Promise.all([a.goto(`/staff/payments/${id}`), b.goto(`/staff/payments/${id}`)]);
  await fillRefund(a, '20');
  await fillRefund(b, '30');
  await Promise.all([submitRefund(a), submitRefund(b)]);
  const said = await Promise.all(
    [a, b].map(async (p) => {
      await expect(p.getByTestId('refund-done').or(p.getByTestId('refund-error'))).toBeVisible();
      return (await p.getByTestId('refund-done').count()) ? 'done' : await p.getByTestId('refund-error').innerText();
    }),
  );
  expect(said.filter((s) => s === 'done')).toHaveLength(1);
  expect(said.find((s) => s !== 'done')).toContain('payment changed');
  expect(await refundsAtFarpay(id)).toHaveLength(1);
});

test('a refund that times out is unknown and a second one refused; a viewer opening the page writes nothing; “Check with FarPay” reconciles it', async () => {
  const id = await newPayment('Visa', 30_000);
  await farpay.fault(id, { timeoutMs: 8_000 });
  const [a, b] = [await operator.newPage(), await admin.newPage()];
  await Promise.all([a.goto(`/staff/payments/${id}`), b.goto(`/staff/payments/${id}`)]);
  await fillRefund(a, '100');
  await submitRefund(a);
  await expect(a.getByTestId('refund-error')).toContainText('did not answer in time');
  await fillRefund(b, '10');
  await submitRefund(b);
  await expect(b.getByTestId('refund-error')).toContainText('not confirmed by FarPay yet');
  expect(await refundsAtFarpay(id)).toEqual([-10_000]);

  // GET never writes (issue 22): a viewer's view settles nothing and audits nothing.
  const seen = await viewer.newPage();
  await seen.goto(`/staff/payments/${id}`);
  await expect(seen.getByTestId('open-refund')).toContainText('not confirmed by FarPay yet');
  await expect(seen.getByTestId('check-form')).toHaveCount(0);
  const log = await admin.newPage();
  await log.goto(`/staff/audit?actor=viewer%40sandbox.test&action=farpay.refund.reconciled`);
  await expect(log.locator('.audit-empty')).toBeVisible();
  await a.reload();
  await expect(a.getByTestId('open-refund')).toBeVisible();
  await expect(a.getByTestId('our-refunds')).toContainText('Not confirmed yet');

  // The operator's explicit check finds it among the invoice's refunds.
  await a.getByTestId('check-form').locator('button[type="submit"]').click();
  await expect(a.getByTestId('open-refund')).toHaveCount(0);
  await expect(a.getByTestId('our-refunds')).toContainText('Refunded (confirmed later)');
  await expect(a.getByTestId('remaining')).toContainText('200.00');
});

test('a EUR payment with a refund FarPay has not completed: amounts in euro, the refund pending, in English and Danish', async () => {
  await farpay.settings({ currency: 'mixed', refundStatus: 'New' });
  try {
    // Under `mixed`, every fifth payment id is in EUR.
    let id = await newPayment('Visa', 40_000);
    while (id % 5 !== 0) id = await newPayment('Visa', 40_000);
    const page = await operator.newPage();
    await page.goto(`/staff/payments/${id}`);
    await expect(page.getByTestId('currency')).toHaveText('EUR');
    await expect(page.getByTestId('remaining')).toContainText('€400.00');
    await fillRefund(page, '25');
    await submitRefund(page);
    await expect(page.getByTestId('refund-done')).toContainText('not completed it yet');
    await page.reload();
    await expect(page.getByTestId('pending-refunds')).toContainText('€25.00');
    await expect(page.getByTestId('remaining')).toContainText('€375.00');
    await expect(page.getByTestId('payments-table')).toContainText('Pending at FarPay');
    await expect(page.getByTestId('our-refunds')).toContainText('€25.00');
    await expect(page.getByTestId('our-refunds')).toContainText('Pending at FarPay');
    await look(page, 'detail-eur-pending');
    await page.getByRole('button', { name: 'Dansk' }).click();
    await expect(page.getByTestId('pending-refunds')).toContainText('25,00');
    await look(page, 'detail-eur-pending-da');
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByTestId('pending-refunds')).toContainText('€25.00');
  } finally {
    await farpay.settings({ currency: 'none', refundStatus: 'Paid' });
  }
});

test('failed payments and reconciliation with the CSV export', async () => {
  const page = await viewer.newPage();
  await page.goto('/staff/payments/failed?from=2025-06-01&to=2025-06-30');
  await expect(page.getByTestId('failed-table').locator('tbody tr').first()).toContainText(/(Failed|Rejected|Mislykkedes|Afvist)/);
  await look(page, 'failed');
  await page.goto('/staff/payments/reconciliation?from=2025-01-01&to=2025-03-31');
  const totals = await farpay.totals('2025-01-01', '2025-03-31');
  await expect(page.getByTestId('totals')).toContainText(String(totals.count));
  await look(page, 'reconciliation');
  await page.getByTestId('export').click();
  await expect(page.getByTestId('export-progress')).toContainText(`${totals.count} payments exported`);
});

test('the export refuses bad filters (400, saying what is wrong) and a request that is not a person’s own navigation (403), and audits nothing', async () => {
  const exportsAudited = async () => {
    const page = await admin.newPage();
    await page.goto('/staff/audit?action=farpay.export');
    const n = await page.locator('.audit-table tbody tr').count();
    await page.close();
    return n;
  };
  const before = await exportsAudited();
  const own = { 'sec-fetch-site': 'same-origin', 'sec-fetch-dest': 'document' };
  for (const [query, says] of [
    ['from=yesterday&to=2025-01-31', 'period'],
    ['from=2025-01-01&to=2026-06-30', 'period'],
    ['from=2025-02-01&to=2025-01-01', 'period'],
    ['from=2025-01-01&to=2025-01-31&type=%3Cscript%3E', 'payment type'],
    [`from=2025-01-01&to=2025-01-31&type=${'V'.repeat(5000)}`, 'payment type'],
  ] as const) {
    const res = await viewer.request.get(`/staff/payments/export?${query}`, { headers: own, maxRedirects: 0 });
    expect(res.status(), query).toBe(400);
    expect(((await res.json()) as { error: string }).error, query).toContain(says);
  }
  for (const headers of [{ 'sec-fetch-site': 'cross-site', 'sec-fetch-dest': 'document' }, { 'sec-fetch-site': 'same-site' }] as Record<string, string>[]) {
    const res = await viewer.request.get('/staff/payments/export?from=2025-01-01&to=2025-01-31', { headers, maxRedirects: 0 });
    expect(res.status(), JSON.stringify(headers)).toBe(403);
  }
  expect(await exportsAudited()).toBe(before);
});
