import { z } from 'zod';
import { parseBody, sendJson } from '../http';
import type { Ctx, Router } from '../router';
import { PAYMENT_STATUSES, PAYMENT_TYPES } from './data';
import { faultInput, settingsInput, type FarpaySettings, type PaymentFault } from './settings';
import { createPayment, findRecord, refundsOf, totalsOf, type FarpayState } from './store';
import { currencyOf, wireRecord } from './wire';

/** The sandbox's own FarPay endpoints under /__sandbox/ (no API key). */
export type ControlDeps = {
  state: FarpayState;
  settings: FarpaySettings;
  faults: Map<number, PaymentFault>;
  now: () => Date;
  reset: () => void;
  /** A new seed or size: the data set changes, the overlay stays. */
  reshape: (seed: number, size: number) => void;
  /** How many API requests arrived (GET /__sandbox/stats). */
  stats: { total: number };
};

const paymentInput = z.strictObject({
  /** A known type, or another spelling FarPay's pages use (DanKort, MobilePayRecurring…). */
  type: z.union([z.enum(PAYMENT_TYPES), z.string().regex(/^[A-Za-z]{2,40}$/)]),
  status: z.enum(PAYMENT_STATUSES).default('Paid'),
  amountMinor: z.number().int().min(1).max(100_000_000),
  error: z.string().max(200).nullable().optional(),
  invoiceId: z.number().int().min(1).optional(),
});

const bad = (ctx: Ctx, error: z.ZodError, hint: string) =>
  sendJson(ctx.res, 400, { message: hint, issues: error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) });

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function registerControlRoutes(router: Router, deps: ControlDeps): void {
  const { state, settings } = deps;
  router.post('/__sandbox/reset', (ctx) => {
    deps.reset();
    sendJson(ctx.res, 200, { ok: true });
  });
  router.get('/__sandbox/settings', (ctx) => sendJson(ctx.res, 200, settings));
  router.get('/__sandbox/stats', (ctx) => sendJson(ctx.res, 200, deps.stats));
  router.post('/__sandbox/settings', (ctx) => {
    const parsed = settingsInput.safeParse(parseBody(ctx));
    if (!parsed.success) return bad(ctx, parsed.error, 'Send known settings (see sandbox/farpay/settings.ts).');
    const { seed, size, ...switches } = parsed.data;
    Object.assign(settings, switches);
    if (seed !== undefined || size !== undefined) deps.reshape(seed ?? settings.seed, size ?? settings.size);
    sendJson(ctx.res, 200, settings);
  });
  router.post('/__sandbox/payments', (ctx) => {
    const parsed = paymentInput.safeParse(parseBody(ctx));
    if (!parsed.success) return bad(ctx, parsed.error, 'Send {type, status?, amountMinor, error?, invoiceId?}.');
    sendJson(ctx.res, 201, wireRecord(createPayment(state, parsed.data, deps.now()), settings, state));
  });
  router.post('/__sandbox/payments/:id/faults', (ctx) => {
    const id = Number(ctx.params.id);
    if (!findRecord(state, id)) return sendJson(ctx.res, 404, { message: `No payment ${ctx.params.id}` });
    const parsed = faultInput.safeParse(parseBody(ctx));
    if (!parsed.success) return bad(ctx, parsed.error, 'Send {pspError?, timeoutMs?, count?}.');
    deps.faults.set(id, { ...parsed.data, count: parsed.data.count ?? 1 });
    sendJson(ctx.res, 200, { ok: true });
  });
  // A record's status moves on (a refund New → Ok, or → Error), as FarPay's would.
  router.post('/__sandbox/payments/:id/status', (ctx) => {
    const record = deps.state.byId.get(Number(ctx.params.id));
    if (!record) return sendJson(ctx.res, 404, { message: `No payment made at runtime with id ${ctx.params.id}` });
    const parsed = z.strictObject({ status: z.string().regex(/^[A-Za-z]{2,40}$/) }).safeParse(parseBody(ctx));
    if (!parsed.success) return bad(ctx, parsed.error, 'Send {status}.');
    record.status = parsed.data.status;
    sendJson(ctx.res, 200, wireRecord(record, settings, state));
  });
  router.get('/__sandbox/payments/:id/refunds', (ctx) => {
    const id = Number(ctx.params.id);
    if (!findRecord(state, id)) return sendJson(ctx.res, 404, { message: `No payment ${ctx.params.id}` });
    sendJson(ctx.res, 200, { results: refundsOf(state, id).map((r) => wireRecord(r, settings, state)) });
  });
  router.get('/__sandbox/totals', (ctx) => {
    const from = ctx.url.searchParams.get('from') ?? '';
    const to = ctx.url.searchParams.get('to') ?? '';
    if (!DAY.test(from) || !DAY.test(to)) return sendJson(ctx.res, 400, { message: 'Send ?from=YYYY-MM-DD&to=YYYY-MM-DD' });
    const fromMs = Date.parse(`${from}T00:00:00Z`);
    const toMs = Date.parse(`${to}T00:00:00Z`) + 86_399_999;
    sendJson(
      ctx.res,
      200,
      totalsOf(state, fromMs, toMs, { from, to }, (r) => currencyOf(r, settings) ?? 'DKK'),
    );
  });
}
