import { randomBytes, randomUUID } from 'node:crypto';
import { audit } from '@/lib/audit';
import type { CustomerSession } from '@/lib/auth/session-token';
import type { Db } from '@/lib/db/connect';
import { refused, retryAfter, type Refused } from '@/lib/domain/outcomes';
import type { QuickpayClient } from '@/lib/quickpay/client';
import { isQuickpayError } from '@/lib/quickpay/errors';
import { releaseSetup, reserveSetup } from '@/lib/registrations/setup-budget';
import { findOpenStart, startRegistration, type Registration } from '@/lib/registrations/store';
import { windowDescription } from './window-text';

export type StartDeps = { db: Db; quickpay: Pick<QuickpayClient, 'createSubscription' | 'createLink'>; appUrl: string; setupsPerHour: number };
export type QuickpayStart = { url: string; registrationId: string };

/** 4–20 characters of [A-Za-z0-9-] (QuickPay's exact rule is unconfirmed): "cp-" and 14 random. */
function newOrderId(): string {
  return `cp-${randomBytes(12).toString('base64url').replace(/[_-]/g, '').slice(0, 14).padEnd(14, '0')}`;
}

/** The hosted window's URL for a registration's subscription: PUT /link makes it, and makes it again unchanged. */
function windowLink(deps: StartDeps, reg: Pick<Registration, 'id' | 'providerRef'>, language: 'da' | 'en'): Promise<string> {
  const back = (path: string) => new URL(`${path}?r=${reg.id}`, deps.appUrl).toString();
  return deps.quickpay.createLink(Number(reg.providerRef), {
    amount: 0,
    continueUrl: back('/pay/quickpay/return'),
    cancelUrl: back('/pay/quickpay/cancel'),
    callbackUrl: new URL('/api/quickpay-callback', deps.appUrl).toString(),
    language,
  });
}

/**
 * The session's open subscription, its window link asked for again, while its registration is
 * still `started`. QuickPay refusing the link (the card was saved meanwhile) means a new one.
 */
async function reusableWindow(deps: StartDeps, session: CustomerSession, language: 'da' | 'en'): Promise<QuickpayStart | null> {
  const open = await findOpenStart(deps.db, 'quickpay', session.accountCode, session.linkId);
  if (!open) return null;
  try {
    return { url: await windowLink(deps, open, language), registrationId: open.id };
  } catch (err) {
    if (isQuickpayError(err) && !err.isTransient) return null;
    throw err;
  }
}

/**
 * The customer chose QuickPay: a subscription named by our own pending registration (its
 * order_id), then its hosted window's URL. The account comes from the session alone. The
 * session's open one is offered again; a new one counts against the account's hourly cap.
 */
export async function startQuickpayCard(deps: StartDeps, session: CustomerSession, language: 'da' | 'en', ip: string | null): Promise<QuickpayStart | Refused> {
  const reused = await reusableWindow(deps, session, language);
  if (reused) return reused;
  const slot = await reserveSetup(deps.db, session.accountCode, 'quickpay', { perHour: deps.setupsPerHour });
  if (!slot.ok) return retryAfter(refused('too-many'), slot.retryAfterSeconds);
  const orderId = newOrderId();
  const sub = await deps.quickpay
    .createSubscription({ orderId, currency: 'DKK', description: windowDescription(language), variables: { account: session.accountCode } })
    .catch(async (err: unknown) => {
      await releaseSetup(deps.db, slot.id);
      throw err;
    });
  const reg = await startRegistration(deps.db, {
    id: randomUUID(),
    gateway: 'quickpay',
    providerRef: String(sub.id),
    orderId,
    accountCode: session.accountCode,
    accountUuid: session.accountUuid,
    linkId: session.linkId,
  });
  const url = await windowLink(deps, reg, language);
  await audit(deps.db, {
    actor: `customer:${session.accountCode}`,
    action: 'card.add_started',
    accountCode: session.accountCode,
    subject: String(sub.id),
    details: { gateway: 'quickpay', orderId },
    ip,
  });
  return { url, registrationId: reg.id };
}
