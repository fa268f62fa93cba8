import { refused } from '@/lib/domain/outcomes';
import { readFilters, type FilterProblem } from '@/lib/staff/payments/filters';
import { exportPaymentsCsv } from '@/lib/staff/payments/export';
import { linkOpenedBy } from '@/lib/server/request-origin';
import { staffRoute } from '@/lib/server/staff-route';

export const dynamic = 'force-dynamic';

/** Each problem with the filters, as the refusal that says it. */
const PROBLEM_KEY = {
  'bad-date': 'invalidPeriod',
  'bad-range': 'invalidPeriod',
  'too-long': 'invalidPeriod',
  'bad-type': 'unknownPaymentType',
  'bad-status': 'unknownPaymentStatus',
  'bad-invoice': 'invalidPaymentLookup',
  'bad-refund': 'invalidPaymentLookup',
  'bad-reference': 'invalidPaymentLookup',
  'empty-lookup': 'invalidPaymentLookup',
} as const satisfies Record<FilterProblem, string>;

/**
 * GET /staff/payments/export?<the payments page's filters>: the payments of a period
 * (from, to[, type][, status]) or a look-up (mode=lookup, invoice / refund / reference[, type]) as
 * CSV (viewers and up), streamed and audited by the use case (lib/staff/payments/export.ts). The
 * filters are read as the payments page reads them, so the file holds what the list shows
 * (every page of it). Only our own pages or a typed address start one.
 */
export const GET = staffRoute('viewer', async (req, { user, ctx, ip }) => {
  if (linkOpenedBy(req) !== 'visitor') return refused('cross-site');
  const params = Object.fromEntries(new URL(req.url).searchParams);
  const filters = readFilters(params, new Date().toISOString().slice(0, 10));
  if (typeof filters === 'string') return refused('invalid-input', PROBLEM_KEY[filters]);
  const { filename, body } = await exportPaymentsCsv({ db: ctx.db, farpay: ctx.farpay }, filters, { actor: user.email, ip }, req.signal);
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'no-store',
    },
  });
});
