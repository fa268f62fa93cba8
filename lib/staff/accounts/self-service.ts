import { audit } from '@/lib/audit';
import type { PortalCache } from '@/lib/cards/portal';
import type { Db } from '@/lib/db/connect';
import { isRefused, refused, type Refused } from '@/lib/domain/outcomes';
import type { Actor, FenerumClient } from '@/lib/fenerum/types';
import { findAccount } from './load-account';

export type SelfServiceDeps = { db: Db; fenerum: Pick<FenerumClient, 'getAccount' | 'initiateSelfService'>; portalCache: Pick<PortalCache, 'accounts'> };

/**
 * Fenerum's own Self-Service link for the account's email (seeds/000 "Kunde-selvbetjening"),
 * asked in the staff member's name (X-User) and audited. The link itself is a key to the
 * customer's Fenerum account: it is shown once and never stored.
 */
export async function createSelfServiceLink(
  deps: SelfServiceDeps,
  input: { accountCode: string; actor: Actor; ip?: string | null },
): Promise<{ url: string; email: string } | Refused> {
  const account = await findAccount(deps, input.accountCode);
  if (isRefused(account)) return account;
  const email = account.email?.trim();
  if (!email) return refused('invalid-input', 'Fenerum has no email address for this account; add one in Fenerum first');
  const { url } = await deps.fenerum.initiateSelfService(email, input.actor);
  await audit(deps.db, { actor: input.actor.email, action: 'self_service.link_created', accountCode: account.code, details: { email }, ip: input.ip });
  return { url, email };
}
