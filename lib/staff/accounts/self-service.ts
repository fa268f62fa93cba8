import { audit } from '@/lib/audit';
import type { PortalCache } from '@/lib/cards/portal';
import type { Db } from '@/lib/db/connect';
import { isRefused, refused, type Refused } from '@/lib/domain/outcomes';
import type { Actor, FenerumClient } from '@/lib/fenerum/types';
import { loadRecipients } from './account-recipients';
import { findAccount } from './load-account';

export type SelfServiceDeps = {
  db: Db;
  fenerum: Pick<FenerumClient, 'getAccount' | 'listRecipients' | 'initiateSelfService'>;
  portalCache: Pick<PortalCache, 'accounts' | 'recipients'>;
};

/**
 * Fenerum's own Self-Service link (seeds/000 "Kunde-selvbetjening") for one of the account's
 * recipients (Self-Service users are account recipients), chosen by the staff member; an address
 * that is not one of this account's recipients is refused and Fenerum is not asked. Asked in the
 * staff member's name (X-User) and audited with the recipient. The link itself is a key to the
 * customer's Fenerum account: it is shown once and never stored.
 */
export async function createSelfServiceLink(
  deps: SelfServiceDeps,
  input: { accountCode: string; email: string; actor: Actor; ip?: string | null },
): Promise<{ url: string; email: string } | Refused> {
  const account = await findAccount(deps, input.accountCode);
  if (isRefused(account)) return account;
  const recipients = await loadRecipients(deps, account);
  if (recipients.length === 0) return refused('invalid-input', 'noRecipient');
  const wanted = input.email.trim().toLowerCase();
  const recipient = recipients.find((r) => r.email.toLowerCase() === wanted);
  if (!recipient) return refused('invalid-input', 'chooseRecipient');
  const { url } = await deps.fenerum.initiateSelfService(recipient.email, input.actor);
  await audit(deps.db, {
    actor: input.actor.email,
    action: 'self_service.link_created',
    accountCode: account.code,
    details: { email: recipient.email, recipient: recipient.id, recipientName: recipient.name },
    ip: input.ip,
  });
  return { url, email: recipient.email };
}
