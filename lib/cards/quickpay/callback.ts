import { createHash } from 'node:crypto';
import type { Db } from '@/lib/db/connect';
import { callbackIgnored, callbackQueued, callbackStored, type CallbackOutcome, type CallbackReceiver } from '@/lib/domain/callbacks';
import { refused } from '@/lib/domain/outcomes';
import { hasUnstorableText } from '@/lib/domain/storable';
import { verifyQuickpayChecksum } from '@/lib/quickpay/checksum';
import { quickpaySubscription } from '@/lib/quickpay/wire';
import { recordAndQueue } from '@/lib/registrations/record-and-queue';
import { getRegistration, markFailed } from '@/lib/registrations/store';
import { cardOf, isSavedCard } from './subscription-card';
import { TEST_MODE_REFUSED, type TestModePolicy } from './test-mode';

export type QuickpayCallbackDeps = { db: Db; privateKey: string; policy: TestModePolicy };

/** QuickPay's callback as the composition root binds it: the checksum over the raw body, then the callback stored. */
export function quickpayCallbacks(deps: QuickpayCallbackDeps): CallbackReceiver<string | null> {
  return {
    verify: (raw, headers) =>
      verifyQuickpayChecksum(raw, headers.get('quickpay-checksum-sha256'), deps.privateKey)
        ? headers.get('quickpay-resource-type')
        : refused('forged', 'quickpayChecksum'),
    receive: (resourceType, raw) => receiveQuickpayCallback(deps.db, raw, resourceType, deps.policy),
  };
}

/**
 * A QuickPay callback whose checksum the caller has verified over the raw body: stored
 * (repeats recognised) and a saved card queued for Fenerum under the account of our own
 * pending registration, never one the callback names: one statement, so the acknowledgement
 * waits for one commit. Only a test card refused under a live key costs a second write.
 */
export async function receiveQuickpayCallback(db: Db, raw: string, resourceType: string | null, policy: TestModePolicy): Promise<CallbackOutcome> {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return refused('invalid-input', 'malformedJson');
  }
  // Signed, so QuickPay sent it, but it can never be stored: acknowledged, so it is not retried for ever.
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return callbackIgnored('not a JSON object');
  if (hasUnstorableText(json)) return callbackIgnored('carries text that cannot be stored (a NUL or an unpaired surrogate)');
  if (resourceType !== 'Subscription') return callbackIgnored(`resource ${resourceType ?? 'unknown'}`);
  const parsed = quickpaySubscription.safeParse(json);
  if (!parsed.success) return refused('invalid-input', 'notQuickpaySubscription');
  const sub = parsed.data;

  const digest = createHash('sha256').update(raw).digest('hex').slice(0, 32);
  const event = { provider: 'quickpay', eventKey: `subscription:${sub.id}:${digest}`, payload: json };
  const lookup = { gateway: 'quickpay' as const, providerRef: String(sub.id) };
  const refusedTestCard = sub.test_mode === true && !policy.acceptTestMode;
  // The card is queued in the same statement that stores the callback when it can be: one write.
  const queue = isSavedCard(sub) && !refusedTestCard && sub.order_id ? { orderId: sub.order_id, token: String(sub.id), card: cardOf(sub) } : undefined;
  const { registration: reg, queuedNow } = await recordAndQueue(db, event, lookup, queue);

  if (!reg) return callbackIgnored('not a subscription this portal started');
  if (!isSavedCard(sub)) return callbackIgnored('no saved card (yet)');
  if (sub.order_id !== reg.orderId) return callbackIgnored('order_id does not match');
  if (refusedTestCard) {
    const row = await getRegistration(db, reg.id);
    if (row && (row.status === 'started' || row.status === 'expired')) await markFailed(db, row, TEST_MODE_REFUSED, 'test-mode');
    return callbackIgnored('a test card, and QuickPay runs with a live key');
  }
  // Queued by this callback or an earlier one: tried after the answer; already further on: stored, nothing to try.
  return queuedNow || reg.status === 'queued' ? callbackQueued(reg.id) : callbackStored();
}
