import { randomUUID } from 'node:crypto';
import type { Refused } from '@/lib/domain/outcomes';
import type { FenerumClient } from '@/lib/fenerum/types';
import { queueCustomerEmail, type QueueMailDeps, type QueueMailResult } from './queue';
import type { MailCard } from './types';

/**
 * Sandbox only (the home page's "Send a test email"): queues the "card expires this month"
 * email for an account as Fenerum's `card_expires_this_month` would, naming the account's
 * soonest-expiring active card (a made-up Visa •••• 4242 when it has none). Each click is an
 * event of its own, so each sends one message.
 */
export async function sendDemoExpiringEmail(
  deps: QueueMailDeps & { fenerum: Pick<FenerumClient, 'getAccount' | 'listPaymentCards' | 'listRecipients'> },
  accountCode: string,
  now = new Date(),
): Promise<QueueMailResult | Refused> {
  const fallback: MailCard = { brand: 'Visa', last4: '4242', expMonth: now.getUTCMonth() + 1, expYear: now.getUTCFullYear() };
  let card = fallback;
  try {
    const account = await deps.fenerum.getAccount(accountCode, { priority: 'bulk' });
    const cards = (await deps.fenerum.listPaymentCards(account, { priority: 'bulk' })).filter((c) => c.active && c.expYear > 0);
    const soonest = cards.sort((a, b) => a.expYear - b.expYear || a.expMonth - b.expMonth)[0];
    if (soonest) card = { brand: soonest.brand, last4: soonest.last4, expMonth: soonest.expMonth, expYear: soonest.expYear };
  } catch {
    // An unknown account is refused by queueCustomerEmail below, in its own words.
  }
  return queueCustomerEmail(deps, { eventKey: `sandbox-demo:${randomUUID()}`, kind: 'card-expiring', accountCode, card });
}
