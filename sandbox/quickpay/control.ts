import { z } from 'zod';
import { RETRY_SPEEDS, type RetrySpeed } from '../delivery';
import { parseBody, sendJson } from '../http';
import { type Router } from '../router';
import { notFound } from './api-routes';
import type { CallbackAttempt } from './callbacks';
import { readCard } from './card-input';
import { requireThreeDSecure, subscriptionJson, type QuickpayState } from './store';
import type { Complete } from './window-routes';

/**
 * The sandbox's own endpoints under /__sandbox/ (no authentication): reset, settings, the callback log,
 * completing the window without a browser, and resending a callback.
 */
const authorizeInput = z.strictObject({
  card: z.union([z.string(), z.strictObject({ number: z.string(), expiry: z.string().optional() })]),
  /** MM/YY; a date two years ahead when omitted. */
  expiry: z.string().optional(),
  /** The answer to the 3-D Secure challenge of the 3-D Secure test card. */
  three_d_secure: z.enum(['approve', 'fail']).optional(),
});

const settingsInput = z.strictObject({ retrySchedule: z.enum(RETRY_SPEEDS).optional() });

/** What a test may change through POST /__sandbox/settings; a reset restores the defaults. */
export type QuickpaySettings = { retrySchedule: RetrySpeed };

export type ControlDeps = {
  state: QuickpayState;
  settings: QuickpaySettings;
  now: () => Date;
  complete: Complete;
  reset: () => void;
  attempts: () => CallbackAttempt[];
  /** Sends the subscription's current state to its link's callback_url; false without one. */
  resend: (subscriptionId: number) => boolean;
};

const defaultExpiry = (now: Date) => `12/${String((now.getUTCFullYear() + 2) % 100).padStart(2, '0')}`;

export function registerControlRoutes(router: Router, deps: ControlDeps): void {
  const { state, now, complete } = deps;

  router.post('/__sandbox/reset', (ctx) => {
    deps.reset();
    sendJson(ctx.res, 200, { ok: true });
  });

  router.get('/__sandbox/settings', (ctx) => sendJson(ctx.res, 200, deps.settings));

  // Callbacks are retried on QuickPay's schedule (an hour apart); {retrySchedule: 'fast'} for a test.
  router.post('/__sandbox/settings', (ctx) => {
    const parsed = settingsInput.safeParse(parseBody(ctx));
    if (!parsed.success)
      return sendJson(ctx.res, 400, {
        message: 'Send {retrySchedule: "real" | "fast"}.',
        issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
      });
    Object.assign(deps.settings, parsed.data);
    sendJson(ctx.res, 200, deps.settings);
  });

  router.get('/__sandbox/callbacks', (ctx) => {
    const only = ctx.url.searchParams.get('subscription');
    const rows = deps.attempts().filter((a) => only === null || String(a.subscriptionId) === only);
    sendJson(ctx.res, 200, { count: rows.length, results: rows });
  });

  router.post('/__sandbox/subscriptions/:id/authorize', (ctx) => {
    const sub = state.subscriptions.get(Number(ctx.params.id));
    if (!sub) return sendJson(ctx.res, 404, notFound(ctx.params.id ?? ''));
    const parsed = authorizeInput.safeParse(parseBody(ctx));
    if (!parsed.success) {
      return sendJson(ctx.res, 400, {
        message: 'Send {card: "<test card number>", expiry?: "MM/YY", three_d_secure?: "approve" | "fail"}.',
        issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
      });
    }
    if (sub.accepted) return sendJson(ctx.res, 409, { message: `Subscription ${sub.id} is already authorized` });
    const { card, expiry, three_d_secure } = parsed.data;
    const number = typeof card === 'string' ? card : card.number;
    const read = readCard({ number, expiry: (typeof card === 'string' ? undefined : card.expiry) ?? expiry ?? defaultExpiry(now()), cvc: '123' }, now());
    if ('error' in read) return sendJson(ctx.res, 400, { message: read.error });
    const threeDS = read.entered.card.behaviour === 'three_d_secure' ? { passed: three_d_secure !== 'fail' } : null;
    if (threeDS) requireThreeDSecure(sub, now());
    const operation = complete(sub, read.entered, threeDS);
    sendJson(ctx.res, 200, { subscription: subscriptionJson(sub), operation });
  });

  router.post('/__sandbox/callbacks/:id/resend', (ctx) => {
    const id = Number(ctx.params.id);
    if (!state.subscriptions.has(id)) return sendJson(ctx.res, 404, notFound(ctx.params.id ?? ''));
    if (!deps.resend(id)) return sendJson(ctx.res, 400, { message: `Subscription ${id} has no link with a callback_url` });
    sendJson(ctx.res, 202, { ok: true });
  });
}
