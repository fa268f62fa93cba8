import type { GatewayCard } from '../gateways';
import { sendJson, type Emulator } from '../http';
import type { RetryPlan } from '../delivery';
import { Router } from '../router';
import { registerApiRoutes } from './api-routes';
import { guard } from './auth';
import { CallbackDispatcher, type CallbackAttempt } from './callbacks';
import { CALLBACK_RETRY_PLANS, DEFAULT_MERCHANT_ID, MAX_CALLBACK_ATTEMPTS, type QuickpayEmulatorOptions } from './config';
import { registerControlRoutes, type QuickpaySettings } from './control';
import { authorize, freshState, subscriptionJson, type QuickpayState } from './store';
import { FENERUM_BRAND } from './test-cards';
import type { QpSubscription } from './types';
import { registerWindowRoutes, type Complete } from './window-routes';

export type { QuickpayEmulatorOptions } from './config';

export type QuickpayEmulator = Emulator & {
  /** The card behind an accepted subscription, as Fenerum asks QuickPay; null otherwise. */
  lookupCard: (subscriptionId: string) => GatewayCard | null;
  /** The live state (reset() empties it). */
  state: QuickpayState;
  /** Every callback delivery attempt so far, oldest first. */
  callbackAttempts: () => CallbackAttempt[];
  /** Resolves when no callback is in flight or waiting for a retry. */
  callbacksIdle: () => Promise<void>;
  /** Empties the state and drops queued callbacks and the log, as POST /__sandbox/reset. */
  reset: () => void;
};

/** A local QuickPay (API v10, subscriptions + hosted window + callbacks); see PROVIDERS.md. */
export function createQuickpayEmulator(opts: QuickpayEmulatorOptions): QuickpayEmulator {
  const now = () => new Date();
  const merchantId = opts.merchantId ?? DEFAULT_MERCHANT_ID;
  const state = freshState(now());
  const defaults = (): QuickpaySettings => ({ retrySchedule: opts.retrySchedule ?? 'real' });
  const settings = defaults();
  const plan = (): RetryPlan => {
    const { delaysMs, timeoutMs } = CALLBACK_RETRY_PLANS[settings.retrySchedule];
    return { delaysMs: (opts.retryScheduleMs ?? delaysMs).slice(0, MAX_CALLBACK_ATTEMPTS - 1), timeoutMs };
  };
  const dispatcher = new CallbackDispatcher({ privateKey: opts.privateKey, merchantId, plan });

  // The body is serialized once, as GET /subscriptions/{id} would answer at this moment.
  const sendCallback = (sub: QpSubscription): boolean => {
    const url = sub.link?.callback_url;
    if (!url) return false;
    dispatcher.send(sub.id, url, JSON.stringify(subscriptionJson(sub)));
    return true;
  };
  // QuickPay sends a callback for every operation, approved or not.
  const complete: Complete = (sub, entered, threeDSecure) => {
    const op = authorize(sub, entered, threeDSecure, now());
    sendCallback(sub);
    return op;
  };
  // Ids never go back, so an app's database that outlives a reset sees no id twice.
  const reset = () => {
    dispatcher.stop();
    Object.assign(settings, defaults());
    const nextId = state.nextId;
    Object.assign(state, freshState(now()));
    state.nextId = Math.max(state.nextId, nextId);
  };

  // The hosted window and the sandbox's own endpoints need no API key; everything else does.
  const router = new Router((ctx, status) => sendJson(ctx.res, status, { message: status === 404 ? 'Not found' : 'Method not allowed' }));
  router.use((ctx, next) => (guard(ctx.req, ctx.res, opts.apiKey) ? next() : undefined), { except: ['/__sandbox/', '/window/'] });
  registerApiRoutes(router, { state, merchantId, publicUrl: opts.publicUrl, now });
  registerWindowRoutes(router, { state, now, complete });
  registerControlRoutes(router, {
    state,
    settings,
    now,
    complete,
    reset,
    attempts: () => dispatcher.attempts,
    resend: (id) => {
      const sub = state.subscriptions.get(id);
      return sub ? sendCallback(sub) : false;
    },
  });

  return {
    name: 'quickpay',
    state,
    reset,
    callbackAttempts: () => [...dispatcher.attempts],
    callbacksIdle: () => dispatcher.idle(),
    lookupCard(subscriptionId) {
      const sub = /^\d+$/.test(subscriptionId) ? state.subscriptions.get(Number(subscriptionId)) : undefined;
      const { brand, last4, exp_month, exp_year } = sub?.metadata ?? {};
      if (!sub?.accepted || !brand || !last4 || !exp_month || !exp_year) return null;
      const fenerumBrand = brand in FENERUM_BRAND ? FENERUM_BRAND[brand as keyof typeof FENERUM_BRAND] : brand;
      return { brand: fenerumBrand, last4, expMonth: exp_month, expYear: exp_year };
    },
    handle: (req, res, body) => router.handle(req, res, body),
    close: () => dispatcher.stop(),
  };
}
