import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxSecrets } from '@/lib/env/sandbox-defaults';
import { createFarpayClient } from '@/lib/farpay/client';
import { toMinor } from '@/lib/farpay/money';
import { sandbox, sandboxUrls } from '@/test/sandbox-control';
import { csvChunks, CSV_HEADER } from './csv';
import { listFailedPayments } from './pages';
import { reconcilePeriod } from './reconciliation';

const farpay = createFarpayClient({ apiUrl: `${sandboxUrls.farpay ?? ''}/v2`, apiKey: sandboxSecrets.FARPAY_API_KEY });
const YEAR = { from: '2025-01-01', to: '2025-12-31' };

describe('FarPay figures of a period', () => {
  beforeAll(async () => void (await sandbox.farpay.settings({ size: 100_000 })));
  afterAll(async () => void (await sandbox.farpay.settings({ size: 400 })));

  it('the CSV of 100,000 payments sums to the emulator’s own totals, to the øre', async () => {
    const totals = await sandbox.farpay.totals(YEAR.from, YEAR.to);
    expect(totals.count).toBe(100_000);
    let header = '';
    let lines = 0;
    let net = 0;
    let rest = '';
    const paidIndex = CSV_HEADER.indexOf('PaidAmount');
    for await (const chunk of csvChunks(farpay, YEAR)) {
      const parts = (rest + chunk).split('\r\n');
      rest = parts.pop() ?? '';
      for (const line of parts) {
        if (!header) {
          header = line;
          continue;
        }
        lines++;
        // No field before PaidAmount can hold a comma (ids, dates, codes), so the split is safe up to it.
        net += toMinor(line.split(',')[paidIndex] ?? 'x') ?? Number.NaN;
      }
    }
    expect(header).toBe(CSV_HEADER.join(','));
    expect(lines).toBe(totals.count);
    expect(net).toBe(totals.netMinor);
  }, 60_000);

  it('reconciliation sums per type and status to the emulator’s totals', async () => {
    const period = { from: '2025-03-01', to: '2025-04-30' };
    const [mine, theirs] = await Promise.all([reconcilePeriod(farpay, period), sandbox.farpay.totals(period.from, period.to)]);
    expect([mine.count, mine.paidMinor, mine.refundedMinor]).toEqual([theirs.count, theirs.paidMinor, theirs.refundedMinor]);
    expect(mine.byType).toEqual(theirs.byType);
    expect(mine.byStatus).toEqual(theirs.byStatus);
    expect(mine.unit).toBe('day');
    expect(mine.buckets.reduce((s, b) => s + b.paidMinor, 0)).toBe(theirs.paidMinor);
  });

  it('lists failed and rejected payments of a period, newest first, with their error', async () => {
    const { rows, hasNext } = await listFailedPayments(farpay, { from: '2025-06-01', to: '2025-06-30' }, 0);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => ['PaymentFailed', 'PaymentRejected'].includes(r.status) && r.error)).toBe(true);
    expect(rows.map((r) => r.date)).toEqual([...rows.map((r) => r.date)].sort().reverse());
    expect(hasNext).toBe(rows.length === 50);
  });
});
