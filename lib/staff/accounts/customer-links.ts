import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import { issueCustomerLink, revokeLink, type IssuedLink, type LinkDeps } from '@/lib/auth/links';
import type { Db } from '@/lib/db/connect';
import { issuedLinks } from '@/lib/db/schema';
import { isRefused, refused, type Refused } from '@/lib/domain/outcomes';
import type { Actor } from '@/lib/fenerum/types';
import { findAccount } from './load-account';
import { STAFF_READ } from './staff-reads';

/** The lifetimes a staff member chooses from; the default is the API's (7 days). */
export const LINK_EXPIRIES = ['1h', '24h', '7d', '30d'] as const;
export type LinkExpiry = (typeof LINK_EXPIRIES)[number];

export type OpenLink = { id: string; issuedBy: string; createdAt: Date; expiresAt: Date };

/** A customer link to this account's portal, issued in the staff member's name (audited as link.issued). */
export async function issueLinkForAccount(
  deps: LinkDeps,
  input: { accountCode: string; expiresIn: LinkExpiry; actor: Actor; ip?: string | null },
): Promise<IssuedLink | Refused> {
  if (!(LINK_EXPIRIES as readonly string[]).includes(input.expiresIn)) return refused('invalid-input', 'chooseLifetime');
  const account = await findAccount(deps, input.accountCode);
  if (isRefused(account)) return account;
  return issueCustomerLink(deps, { accountCode: account.code, expiresIn: input.expiresIn, issuedBy: input.actor.email, ip: input.ip, lookup: STAFF_READ });
}

/** The account's links that still open: not revoked, not expired; newest first. */
export async function listOpenLinks(db: Db, accountCode: string, now = new Date(), limit = 50): Promise<OpenLink[]> {
  return db
    .select({ id: issuedLinks.id, issuedBy: issuedLinks.issuedBy, createdAt: issuedLinks.createdAt, expiresAt: issuedLinks.expiresAt })
    .from(issuedLinks)
    .where(and(eq(issuedLinks.accountCode, accountCode), isNull(issuedLinks.revokedAt), gt(issuedLinks.expiresAt, now)))
    .orderBy(desc(issuedLinks.createdAt))
    .limit(limit);
}

/** Revokes one of this account's links (its session ends with it); another account's link is refused, untouched. */
export async function revokeAccountLink(
  db: Db,
  input: { accountCode: string; linkId: string; actor: Actor; ip?: string | null },
): Promise<{ revoked: boolean } | Refused> {
  const [row] = await db.select().from(issuedLinks).where(eq(issuedLinks.id, input.linkId)).limit(1);
  if (!row) return refused('not-found', 'noSuchLinkHere');
  if (row.accountCode !== input.accountCode) return refused('other-account', 'linkOtherAccount');
  if (row.revokedAt) return { revoked: false };
  return { revoked: await revokeLink(db, row.id, input.actor.email, input.ip) };
}
