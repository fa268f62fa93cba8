import { refused } from '@/lib/domain/outcomes';
import { readPeriod } from '@/lib/staff/payments/filters';
import { exportPaymentsCsv } from '@/lib/staff/payments/export';
import { KNOWN_PAYMENT_TYPES } from '@/lib/domain/payments';
import { linkOpenedBy } from '@/lib/server/request-origin';
import { staffRoute } from '@/lib/server/staff-route';

export const dynamic = 'force-dynamic';

/**
 * GET /staff/payments/export?from&to[&type]: a period's payments as CSV (viewers and up), streamed
 * and audited by the use case (lib/staff/payments/export.ts). Only our own pages or a typed
 * address start one.
 */
export const GET = staffRoute('viewer', async (req, { user, ctx, ip }) => {
  if (linkOpenedBy(req) !== 'visitor') return refused('cross-site');
  const params = Object.fromEntries(new URL(req.url).searchParams);
  const period = readPeriod(params, new Date().toISOString().slice(0, 10));
  if (typeof period === 'string') return refused('invalid-input', 'invalidPeriod');
  const type = params.type || undefined;
  if (type !== undefined && !(KNOWN_PAYMENT_TYPES as readonly string[]).includes(type)) return refused('invalid-input', 'unknownPaymentType');
  const { filename, body } = await exportPaymentsCsv({ db: ctx.db, farpay: ctx.farpay }, { ...period, type }, { actor: user.email, ip }, req.signal);
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'no-store',
    },
  });
});
