import { audit } from '@/lib/audit';
import { refused } from '@/lib/domain/outcomes';
import { readPeriod } from '@/lib/staff/payments/filters';
import { csvChunks } from '@/lib/staff/payments/csv';
import { KNOWN_PAYMENT_TYPES } from '@/lib/domain/payments';
import { linkOpenedBy } from '@/lib/server/request-origin';
import { staffRoute } from '@/lib/server/staff-route';

export const dynamic = 'force-dynamic';

/**
 * GET /staff/payments/export?from&to[&type]: a period's payments as CSV (viewers and up),
 * streamed page by page from FarPay: only the page in hand is held, so a year costs no memory.
 * The filters used are audited. Only our own pages or a typed address start one.
 */
export const GET = staffRoute('viewer', async (req, { user, ctx, ip }) => {
  if (linkOpenedBy(req) !== 'visitor') return refused('cross-site');
  const params = Object.fromEntries(new URL(req.url).searchParams);
  const period = readPeriod(params, new Date().toISOString().slice(0, 10));
  if (typeof period === 'string') return refused('invalid-input', 'invalidPeriod');
  const type = params.type || undefined;
  if (type !== undefined && !(KNOWN_PAYMENT_TYPES as readonly string[]).includes(type)) return refused('invalid-input', 'unknownPaymentType');
  await audit(ctx.db, { actor: user.email, action: 'farpay.export', subject: 'farpay-payments', details: { ...period, type: type ?? null }, ip });
  const chunks = csvChunks(ctx.farpay, { ...period, type }, req.signal);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    // Pulled one page at a time: FarPay is asked for the next page only when the client has read this one.
    async pull(controller) {
      try {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (err) {
        controller.error(err);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="farpay-payments-${period.from}-${period.to}${type ? `-${type}` : ''}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
});
