import type { CallbackOutcome } from '@/lib/domain/callbacks';
import { isRefused, type Refused } from '@/lib/domain/outcomes';
import { refusalResponse } from './errors';
import { ok } from './reply';
import { log } from '@/lib/log';

/** The providers whose callbacks the portal receives (lib/server/context.ts binds each one). */
export type CallbackProvider = 'quickpay' | 'stripe' | 'fenerum';

type Acknowledged = Exclude<CallbackOutcome, Refused>;

/**
 * The body each provider has always been answered with (none of them reads it; a person
 * looking at a delivery log does): QuickPay `{ok, result: queued|ignored, reason?}`, Stripe
 * `{received, result}` (the state, or `ignored[: reason]`), Fenerum `{received, repeat}`.
 */
const ACKNOWLEDGEMENT: Record<CallbackProvider, { name: string; body: (o: Acknowledged) => Record<string, unknown> }> = {
  quickpay: {
    name: 'QuickPay callback',
    body: (o) => (o.kind === 'ignored' ? { ok: true, result: 'ignored', reason: o.reason } : { ok: true, result: 'queued' }),
  },
  stripe: {
    name: 'Stripe event',
    body: (o) => ({ received: true, result: o.kind === 'ignored' ? (o.reason === undefined ? 'ignored' : `ignored: ${o.reason}`) : o.state }),
  },
  fenerum: {
    name: 'Fenerum webhook',
    body: (o) => ({ received: true, repeat: o.kind === 'stored' ? (o.repeat ?? false) : false }),
  },
};

/** The one mapping from a callback's outcome to its answer: a refusal is a 4xx; anything else is a 200 with the provider's body. */
export function callbackResponse(provider: CallbackProvider, outcome: CallbackOutcome): Response {
  if (isRefused(outcome)) return refusalResponse(outcome);
  const { name, body } = ACKNOWLEDGEMENT[provider];
  if (outcome.kind === 'ignored' && outcome.reason !== undefined) log.warn({ provider, reason: outcome.reason }, `${name} ignored`);
  return ok(body(outcome));
}
