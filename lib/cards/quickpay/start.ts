import { randomBytes, randomUUID } from 'node:crypto';
import { audit } from '@/lib/audit';
import type { CustomerSession } from '@/lib/auth/session-token';
import type { Db } from '@/lib/db/connect';
import type { QuickpayClient } from '@/lib/quickpay/client';
import { startRegistration } from '@/lib/registrations/store';

export type StartDeps = { db: Db; quickpay: QuickpayClient; appUrl: string };

/** 4–20 characters of [A-Za-z0-9-] (QuickPay's exact rule is unconfirmed): "cp-" and 14 random. */
export function newOrderId(): string {
  return `cp-${randomBytes(12).toString('base64url').replace(/[_-]/g, '').slice(0, 14).padEnd(14, '0')}`;
}

/**
 * The customer chose QuickPay: a subscription named by our own pending registration (its
 * order_id), then its hosted window's URL. The account comes from the session alone.
 */
export async function startQuickpayCard(
  deps: StartDeps,
  session: CustomerSession,
  language: 'da' | 'en',
  ip: string | null,
): Promise<{ url: string; registrationId: string }> {
  const id = randomUUID();
  const orderId = newOrderId();
  const sub = await deps.quickpay.createSubscription({
    orderId,
    currency: 'DKK',
    description: `Payment card for ${session.accountCode}`,
    variables: { account: session.accountCode },
  });
  await startRegistration(deps.db, {
    id,
    gateway: 'quickpay',
    providerRef: String(sub.id),
    orderId,
    accountCode: session.accountCode,
    accountUuid: session.accountUuid,
  });
  const back = (path: string) => new URL(`${path}?r=${id}`, deps.appUrl).toString();
  const url = await deps.quickpay.createLink(sub.id, {
    amount: 0,
    continueUrl: back('/pay/quickpay/return'),
    cancelUrl: back('/pay/quickpay/cancel'),
    callbackUrl: new URL('/api/quickpay-callback', deps.appUrl).toString(),
    language,
  });
  await audit(deps.db, {
    actor: `customer:${session.accountCode}`,
    action: 'card.add_started',
    accountCode: session.accountCode,
    subject: String(sub.id),
    details: { gateway: 'quickpay', orderId },
    ip,
  });
  return { url, registrationId: id };
}
