import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxSecrets } from '@/lib/env/sandbox-defaults';
import { createFarpayClient } from '@/lib/farpay/client';
import { toMinor } from '@/lib/farpay/money';
import { sandbox, sandboxUrls } from '@/test/support/sandbox-control';
import { csvChunks, CSV_HEADER } from './csv';
import { createAttentionCache } from '@/lib/staff/overview/cache';
import { farpayFailedOf } from './failed/farpay-failed';
import { reconcilePeriod } from './reconciliation';

const farpay = createFarpayClient({ apiUrl: `${sandboxUrls.farpay ?? ''}/v2`, apiKey: sandboxSecrets.FARPAY_API_KEY });
const YEAR = { from: '2025-01-01', to: '2025-12-31' };

describe('FarPay figures of a period', () => {
  beforeAll(async () => void (await sandbox.farpay.settings({ size: 100_000 })));
  afterAll(async () => void (await sandbox.farpay.settings({ size: 400, pageCap: null, pageSizeMax: null, currency: 'none' })));

  it.each([
    ['FarPay serves the 1000 asked', { pageCap: null, pageSizeMax: null, currency: 'none' }],
    ['FarPay cuts every page to 100 without a word', { pageCap: 100, pageSizeMax: null, currency: 'mixed' }],
    ['FarPay answers 400 above 100', { pageCap: null, pageSizeMax: 100, currency: 'DKK' }],
  ] as const)(
    'the CSV of 100,000 payments sums to the emulator’s own totals, to the øre, per currency (%s)',
    async (_name, switches) => {
      await sandbox.farpay.settings(switches);
      const totals = await sandbox.farpay.totals(YEAR.from, YEAR.to);
      expect(totals.count).toBe(100_000);
      let header = '';
      let lines = 0;
      let net = 0;
      let rest = '';
      const paidIndex = CSV_HEADER.indexOf('PaidAmount');
      const currencyIndex = CSV_HEADER.indexOf('Currency');
      const perCurrency: Record<string, number> = {};
      for await (const chunk of csvChunks(farpay, { mode: 'period', ...YEAR })) {
        const parts = (rest + chunk).split('\r\n');
        rest = parts.pop() ?? '';
        for (const line of parts) {
          if (!header) {
            header = line;
            continue;
          }
          lines++;
          // No field before PaidAmount can hold a comma (ids, dates, codes), so the split is safe up to it.
          const fields = line.split(',');
          const minor = toMinor(fields[paidIndex] ?? 'x') ?? Number.NaN;
          net += minor;
          const currency = fields[currencyIndex] || 'DKK';
          perCurrency[currency] = (perCurrency[currency] ?? 0) + minor;
        }
      }
      expect(header).toBe(CSV_HEADER.join(','));
      expect(lines).toBe(totals.count);
      expect(net).toBe(totals.netMinor);
      expect(perCurrency).toEqual(Object.fromEntries(Object.entries(totals.byCurrency).map(([c, f]) => [c, f.netMinor])));
      if (switches.currency === 'mixed') expect(Object.keys(perCurrency).sort()).toEqual(['DKK', 'EUR']);
    },
    120_000,
  );

  it('reconciliation sums per type and status to the emulator’s totals', async () => {
    const period = { from: '2025-03-01', to: '2025-04-30' };
    const [mine, theirs] = await Promise.all([reconcilePeriod(farpay, period), sandbox.farpay.totals(period.from, period.to)]);
    const figures = (f: { count: number; paidMinor: number; returnedMinor: number; refundedMinor: number; pendingRefundMinor: number }) => ({
      count: f.count,
      paidMinor: f.paidMinor,
      returnedMinor: f.returnedMinor,
      refundedMinor: f.refundedMinor,
      pendingRefundMinor: f.pendingRefundMinor,
    });
    expect(mine.count).toBe(theirs.count);
    expect(mine.byCurrency).toEqual({ DKK: figures(theirs) });
    expect(theirs.returnedMinor).toBeGreaterThan(0);
    expect(mine.byType).toEqual(Object.fromEntries(Object.entries(theirs.byType).map(([k, f]) => [k, figures(f)])));
    expect(mine.byStatus).toEqual(theirs.byStatus);
    expect(mine.unit).toBe('day');
    expect(mine.buckets.reduce((s, b) => s + b.paidMinor, 0)).toBe(theirs.paidMinor);
  });

  it('lists failed and rejected payments of a period, newest first, with their error', async () => {
    const { rows, truncated } = await farpayFailedOf({ farpay, cache: createAttentionCache() }, { from: '2025-06-01', to: '2025-06-30' });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => ['PaymentFailed', 'PaymentRejected'].includes(r.status) && r.error)).toBe(true);
    expect(rows.map((r) => r.date)).toEqual([...rows.map((r) => r.date)].sort().reverse());
    expect(truncated).toBe(false);
  });
});
