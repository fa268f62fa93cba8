import { createHash } from 'node:crypto';
import type { Db } from '@/lib/db/connect';
import { inbox } from '@/lib/db/schema';
import { verifyQuickpayChecksum } from '@/lib/quickpay/checksum';
import { quickpaySubscription } from '@/lib/quickpay/wire';
import { findRegistration, queueRegistration, type Registration } from '@/lib/registrations/store';
import { cardOf, isSavedCard } from './subscription-card';

export type CallbackOutcome =
  | { status: 403 | 400; error: string }
  | { status: 200; result: 'queued' | 'ignored'; reason?: string; registration?: Registration };

/**
 * A QuickPay callback: checksum over the raw body first (constant time, private key), then
 * stored (repeats recognised), then a saved card is queued for Fenerum under the account of
 * our own pending registration, never one the callback names.
 */
export async function receiveQuickpayCallback(db: Db, privateKey: string, raw: string, headers: Headers): Promise<CallbackOutcome> {
  if (!verifyQuickpayChecksum(raw, headers.get('quickpay-checksum-sha256'), privateKey)) {
    return { status: 403, error: 'Missing or invalid QuickPay-Checksum-Sha256' };
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { status: 400, error: 'Malformed JSON body' };
  }
  const resource = headers.get('quickpay-resource-type');
  if (resource !== 'Subscription') return { status: 200, result: 'ignored', reason: `resource ${resource ?? 'unknown'}` };
  const parsed = quickpaySubscription.safeParse(json);
  if (!parsed.success) return { status: 400, error: 'Not a QuickPay subscription' };
  const sub = parsed.data;

  const digest = createHash('sha256').update(raw).digest('hex').slice(0, 32);
  await db.insert(inbox).values({ provider: 'quickpay', eventKey: `subscription:${sub.id}:${digest}`, payload: json }).onConflictDoNothing();

  const reg = await findRegistration(db, 'quickpay', String(sub.id));
  if (!reg) return { status: 200, result: 'ignored', reason: 'not a subscription this portal started' };
  if (!isSavedCard(sub)) return { status: 200, result: 'ignored', reason: 'no saved card (yet)' };
  if (sub.order_id !== reg.orderId) return { status: 200, result: 'ignored', reason: 'order_id does not match' };
  const queued = await queueRegistration(db, reg.id, String(sub.id), cardOf(sub));
  return { status: 200, result: 'queued', registration: queued };
}
