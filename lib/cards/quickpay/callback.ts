import { createHash } from 'node:crypto';
import type { Db } from '@/lib/db/connect';
import { inbox } from '@/lib/db/schema';
import { refused, type Refused } from '@/lib/domain/outcomes';
import { hasNul } from '@/lib/domain/storable';
import { quickpaySubscription } from '@/lib/quickpay/wire';
import { findRegistration, markFailed, queueRegistration, type Registration } from '@/lib/registrations/store';
import { cardOf, isSavedCard } from './subscription-card';
import { TEST_MODE_REFUSED, type TestModePolicy } from './test-mode';

export type CallbackOutcome = { kind: 'ignored'; reason: string } | { kind: 'queued'; registration: Registration };

/**
 * A QuickPay callback whose checksum the caller has verified over the raw body: stored
 * (repeats recognised), then a saved card is queued for Fenerum under the account of our own
 * pending registration, never one the callback names.
 */
export async function receiveQuickpayCallback(db: Db, raw: string, resourceType: string | null, policy: TestModePolicy): Promise<CallbackOutcome | Refused> {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return refused('invalid-input', 'Malformed JSON body');
  }
  // Signed, so QuickPay sent it, but it can never be stored: acknowledged, so it is not retried for ever.
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return { kind: 'ignored', reason: 'not a JSON object' };
  if (hasNul(json)) return { kind: 'ignored', reason: 'carries a NUL character, which cannot be stored' };
  if (resourceType !== 'Subscription') return { kind: 'ignored', reason: `resource ${resourceType ?? 'unknown'}` };
  const parsed = quickpaySubscription.safeParse(json);
  if (!parsed.success) return refused('invalid-input', 'Not a QuickPay subscription');
  const sub = parsed.data;

  const digest = createHash('sha256').update(raw).digest('hex').slice(0, 32);
  await db
    .insert(inbox)
    .values({ provider: 'quickpay', eventKey: `subscription:${sub.id}:${digest}`, payload: json })
    .onConflictDoNothing();

  const reg = await findRegistration(db, 'quickpay', String(sub.id));
  if (!reg) return { kind: 'ignored', reason: 'not a subscription this portal started' };
  if (!isSavedCard(sub)) return { kind: 'ignored', reason: 'no saved card (yet)' };
  if (sub.order_id !== reg.orderId) return { kind: 'ignored', reason: 'order_id does not match' };
  if (sub.test_mode && !policy.acceptTestMode) {
    if (reg.status === 'started' || reg.status === 'expired') await markFailed(db, reg, TEST_MODE_REFUSED, 'test-mode');
    return { kind: 'ignored', reason: 'a test card, and QuickPay runs with a live key' };
  }
  const queued = await queueRegistration(db, reg.id, String(sub.id), cardOf(sub));
  return { kind: 'queued', registration: queued ?? reg };
}
