import type { PortalCache } from '@/lib/cards/portal';
import { cachedRecipients } from '@/lib/fenerum/cached-recipients';
import type { FenerumClient, Recipient } from '@/lib/fenerum/types';
import type { Account } from '@/lib/domain/accounts';
import { mailRecipients } from '@/lib/mail/recipients';
import { STAFF_READ } from './staff-reads';

export type RecipientDeps = { fenerum: Pick<FenerumClient, 'listRecipients'>; portalCache: Pick<PortalCache, 'recipients'> };

/** A recipient as the account page shows it: whether the portal's emails go to them. */
export type AccountRecipient = Recipient & { getsPortalMail: boolean };

/**
 * The account's recipients (Fenerum's, through the portal's cache; another account's are
 * dropped by the client), each marked with whether the portal's emails go to them (`mailRecipients`).
 */
export async function loadRecipients(deps: RecipientDeps, account: Pick<Account, 'code' | 'uuid'>): Promise<AccountRecipient[]> {
  const all = await cachedRecipients(deps.portalCache.recipients, deps.fenerum, account, STAFF_READ);
  const mailed = new Set(mailRecipients(all).map((r) => r.email.toLowerCase()));
  return all.map((r) => ({ ...r, getsPortalMail: mailed.has(r.email.toLowerCase()) }));
}
