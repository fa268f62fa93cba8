import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { audit } from '@/lib/audit';
import type { Db } from '@/lib/db/connect';
import { issuedLinks } from '@/lib/db/schema';
import { refused, type Refused } from '@/lib/domain/outcomes';
import { isFenerumError } from '@/lib/fenerum/errors';
import type { TtlCache } from '@/lib/cache/ttl-cache';
import { cachedAccount } from '@/lib/fenerum/cached-account';
import type { CallOptions, FenerumClient } from '@/lib/fenerum/types';
import type { Account } from '@/lib/domain/accounts';
import { DEFAULT_LINK_LIFETIME, MAX_LINK_LIFETIME_MS, parseDuration } from './duration';
import { checkLinkToken, signLinkToken } from './link-token';
import { isLandingPath, landingOrHome } from './landing';
import { MAX_SESSION_SECONDS, type CustomerSession } from './session-token';

export type IssueLinkInput = {
  accountCode: string;
  expiresIn?: string;
  /** Who asked: "api", "cli", "sandbox-home", or a staff member's email. */
  issuedBy: string;
  ip?: string | null;
  /** The account lookup's lane and the caller's signal (a route's `req.signal`); default lane `bulk`. */
  lookup?: CallOptions;
  /** A portal page to open once the session is set (lib/auth/landing.ts); refused unless allowlisted. */
  landing?: string;
};
export type IssuedLink = { id: string; url: string; expiresAt: Date; account: Account };
/** What the link use cases need; the app's context has all of it. */
export type LinkDeps = {
  db: Db;
  fenerum: Pick<FenerumClient, 'getAccount'>;
  /** The portal's account cache (the app context's): an account looked up a moment ago costs no Fenerum call. */
  portalCache: { accounts: TtlCache<Account> };
  env: { linkSecret: string; appUrl: string };
  now?: () => number;
};

/** Issues a signed, expiring link to one account's portal and records it in the audit log. */
export async function issueCustomerLink(deps: LinkDeps, input: IssueLinkInput): Promise<IssuedLink | Refused> {
  const lifetime = parseDuration(input.expiresIn ?? DEFAULT_LINK_LIFETIME);
  if (lifetime === null) return refused('invalid-input', 'expiresInFormat');
  if (lifetime > MAX_LINK_LIFETIME_MS) return refused('invalid-input', 'expiresInTooLong');
  if (input.landing !== undefined && !isLandingPath(input.landing)) return refused('invalid-input', 'landingUnknown');

  let account: Account;
  try {
    account = await cachedAccount(deps.portalCache.accounts, deps.fenerum, input.accountCode, { priority: 'bulk', ...input.lookup });
  } catch (err) {
    if (isFenerumError(err) && err.isNotFound) return refused('not-found', 'unknownAccount', { account: input.accountCode });
    throw err;
  }
  const now = deps.now?.() ?? Date.now();
  const id = randomUUID();
  const exp = Math.floor((now + lifetime) / 1000);
  const expiresAt = new Date(exp * 1000);

  await deps.db.transaction(async (tx) => {
    await tx.insert(issuedLinks).values({ id, accountCode: account.code, accountUuid: account.uuid, issuedBy: input.issuedBy, expiresAt });
    await audit(tx, {
      actor: input.issuedBy,
      action: 'link.issued',
      accountCode: account.code,
      subject: id,
      details: { expiresAt: expiresAt.toISOString() },
      ip: input.ip,
    });
  });
  const token = signLinkToken({ lid: id, acct: account.code, exp, ...(input.landing ? { to: input.landing } : {}) }, deps.env.linkSecret);
  return { id, url: new URL(`/pay/${token}`, deps.env.appUrl).toString(), expiresAt, account };
}

export type OpenLinkResult =
  { ok: true; session: CustomerSession; landing: string } | { ok: false; reason: 'malformed' | 'tampered' | 'expired' | 'revoked' | 'unknown' };

/** Checks a link token and, when it holds, returns the customer session it starts. */
export async function openCustomerLink(deps: Pick<LinkDeps, 'db' | 'env' | 'now'>, token: string): Promise<OpenLinkResult> {
  const now = deps.now?.() ?? Date.now();
  const check = checkLinkToken(token, deps.env.linkSecret, now);
  if (!check.ok) return check;
  const [row] = await deps.db.select().from(issuedLinks).where(eq(issuedLinks.id, check.payload.lid)).limit(1);
  if (!row || row.accountCode !== check.payload.acct) return { ok: false, reason: 'unknown' };
  if (row.revokedAt) return { ok: false, reason: 'revoked' };
  const expiresAt = Math.min(check.payload.exp, Math.floor(now / 1000) + MAX_SESSION_SECONDS);
  const session = { linkId: row.id, accountCode: row.accountCode, accountUuid: row.accountUuid, expiresAt };
  return { ok: true, session, landing: landingOrHome(check.payload.to) };
}

/** A session lives only while its link does: revoking the link ends it. */
export async function isLinkLive(db: Db, linkId: string): Promise<boolean> {
  const [row] = await db.select({ revokedAt: issuedLinks.revokedAt }).from(issuedLinks).where(eq(issuedLinks.id, linkId)).limit(1);
  return !!row && !row.revokedAt;
}

export async function revokeLink(db: Db, linkId: string, actor: string, ip?: string | null): Promise<boolean> {
  return db.transaction(async (tx) => {
    const rows = await tx.update(issuedLinks).set({ revokedAt: new Date() }).where(eq(issuedLinks.id, linkId)).returning();
    const row = rows[0];
    if (!row) return false;
    await audit(tx, { actor, action: 'link.revoked', accountCode: row.accountCode, subject: linkId, ip });
    return true;
  });
}

/** A customer opened a link and its session started: a line in the account's timeline ("links issued and opened"). */
export async function recordLinkOpened(db: Db, session: Pick<CustomerSession, 'accountCode' | 'linkId'>, ip?: string | null): Promise<void> {
  await audit(db, { actor: 'customer', action: 'link.opened', accountCode: session.accountCode, subject: session.linkId, ip });
}
