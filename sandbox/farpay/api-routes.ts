import { parseBody, sendJson } from '../http';
import type { Ctx, Router } from '../router';
import { readAmount, readQuery } from './params';
import type { FarpaySettings, PaymentFault } from './settings';
import { findRecord, listPage, refund, type FarpayState } from './store';
import { decimal, wireError, wireRecord } from './wire';

export type ApiDeps = {
  state: FarpayState;
  settings: FarpaySettings;
  faults: Map<number, PaymentFault>;
  now: () => Date;
  /** Holds an answer (a refund that times out); resolves early when the emulator stops. */
  hold: (ms: number) => Promise<void>;
};

const CODE_TEXT: Record<string, string> = {
  '20012': 'No amount to refund',
  '20013': 'No payments received',
  '20014': 'Payment was not found',
  '20050': 'Payment is not refundable',
};

/** FarPay's /v2/payments resource; the API key is checked before. */
export function registerApiRoutes(router: Router, deps: ApiDeps): void {
  const { state, settings } = deps;
  const fail = (ctx: Ctx, status: number, code: string | null, text: string) => sendJson(ctx.res, status, wireError(settings, code, text));

  router.get('/v2/payments', (ctx) => {
    const q = readQuery(ctx.url.searchParams);
    if (typeof q === 'string') return fail(ctx, 400, null, q);
    if (settings.pageSizeMax !== null && q.pageSize > settings.pageSizeMax) return fail(ctx, 400, null, `pageSize must be at most ${settings.pageSizeMax}`);
    // A silent cap: the page is cut, and `page` counts in pages of the cap (as a server that clamps would).
    if (settings.pageCap !== null) q.pageSize = Math.min(q.pageSize, settings.pageCap);
    const rows = listPage(state, q, settings.refundIdPointsAt);
    if (rows.length === 0) {
      ctx.res.writeHead(204);
      return void ctx.res.end();
    }
    sendJson(
      ctx.res,
      200,
      rows.map((r) => wireRecord(r, settings, state)),
    );
  });

  const paymentOr404 = (ctx: Ctx) => {
    const raw = ctx.params.id ?? '';
    const record = /^\d{1,15}$/.test(raw) ? findRecord(state, Number(raw)) : null;
    if (!record) fail(ctx, 404, '20014', CODE_TEXT['20014'] as string);
    return record;
  };

  router.get('/v2/payments/:id', (ctx) => {
    const record = paymentOr404(ctx);
    if (record) sendJson(ctx.res, 200, wireRecord(record, settings, state));
  });

  const doRefund = async (ctx: Ctx, amountMinor: number | null) => {
    const record = paymentOr404(ctx);
    if (!record) return;
    const fault = deps.faults.get(record.paymentId);
    if (fault) {
      if (--fault.count <= 0) deps.faults.delete(record.paymentId);
      if (fault.pspError) return fail(ctx, 502, '20040', fault.pspError);
    }
    const out = refund(state, record.paymentId, amountMinor, deps.now(), {
      mobilePayRefundable: settings.mobilePayRefundable,
      refundStatus: settings.refundStatus,
    });
    if (!out.ok) {
      if (out.code !== 460) return fail(ctx, out.status, String(out.code), CODE_TEXT[String(out.code)] as string);
      const atMost = decimal(out.remainingMinor ?? 0);
      if (settings.amountTooHigh === '20050:460') return fail(ctx, 400, '20050:460', `The amount is too high; at most: ${atMost}`);
      return fail(ctx, 400, '20012', `Refund amount exceeds the remaining refundable amount; at most: ${atMost}`);
    }
    if (fault?.timeoutMs) await deps.hold(fault.timeoutMs);
    if (!ctx.res.destroyed) sendJson(ctx.res, 200, wireRecord(out.refund, settings, state));
  };

  router.post('/v2/payments/:id/refund', async (ctx) => {
    const amount = readAmount(ctx.body, ctx.body.trim() === '' ? {} : parseBody(ctx));
    if (typeof amount === 'string') return fail(ctx, 400, null, amount);
    await doRefund(ctx, amount);
  });

  // The ApiDoc repository's older form: the amount in minor units in the path.
  router.post('/v2/Payments/:id/refund/:minor', async (ctx) => {
    if (!settings.legacyRefundPath) return fail(ctx, 404, null, 'Not found');
    const minor = ctx.params.minor ?? '';
    if (!/^\d{1,12}$/.test(minor) || Number(minor) <= 0) return fail(ctx, 400, null, 'The amount must be a positive number of minor units');
    await doRefund(ctx, Number(minor));
  });
}
