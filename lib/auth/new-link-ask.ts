import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/lib/db/connect';
import { issuedLinks } from '@/lib/db/schema';
import { isLandingPath } from './landing';
import { readLinkTokenAnyAge } from './link-token';
import type { CustomerSession } from './session-token';
import { signToken, verifyToken } from './signing';

/**
 * "Email me a new link": which account a request may be for comes from something this server
 * signed, never from the browser. A page that offers the form (an expired or withdrawn link, an
 * ended session) puts a short-lived signed value in it, made from the old link's token or the
 * ended session's cookie, each verified here (expiry ignored for this purpose alone). The form
 * posts it back; a value typed, changed or older than an hour names no account.
 */
export const ASK_LIFETIME_SECONDS = 3600;

const askPayload = z.object({
  v: z.literal(1),
  acct: z.string().min(1).max(100),
  /** The link (or the ended session's link) it was asked from: the timeline's trace. */
  lid: z.string().min(1).max(100),
  /** Where the old link landed (allowlisted again when the new link opens). */
  to: z.string().max(200).optional(),
  exp: z.number().int(),
});

/** What a verified form value names. */
export type NewLinkAsk = { accountCode: string; linkId: string; landing?: string };

export function signAsk(ask: NewLinkAsk, secret: string, now: number): string {
  const to = ask.landing && isLandingPath(ask.landing) ? { to: ask.landing } : {};
  return signToken({ v: 1, acct: ask.accountCode, lid: ask.linkId, ...to, exp: Math.floor(now / 1000) + ASK_LIFETIME_SECONDS }, secret, 'new-link-ask');
}

/** The account a form value names, or null: not ours, changed, or out of date. */
export function checkAsk(value: string, secret: string, now: number): NewLinkAsk | null {
  const v = verifyToken(value, secret, 'new-link-ask');
  if (!v.ok) return null;
  const p = askPayload.safeParse(v.payload);
  if (!p.success || p.data.exp * 1000 <= now) return null;
  return { accountCode: p.data.acct, linkId: p.data.lid, ...(p.data.to && isLandingPath(p.data.to) ? { landing: p.data.to } : {}) };
}

/**
 * The form value for an expired or withdrawn link's page: the token is ours (signature), and
 * its link is still on record for that account (retention deletes links a month after they
 * expire: an older one gets no form). Null otherwise.
 */
export async function askForLink(db: Db, token: string, secret: string, now: number): Promise<string | null> {
  const link = readLinkTokenAnyAge(token, secret);
  if (!link) return null;
  const [row] = await db
    .select({ id: issuedLinks.id })
    .from(issuedLinks)
    .where(and(eq(issuedLinks.id, link.lid), eq(issuedLinks.accountCode, link.acct)))
    .limit(1);
  return row ? signAsk({ accountCode: link.acct, linkId: link.lid, ...(link.to ? { landing: link.to } : {}) }, secret, now) : null;
}

/** The form value for an ended session's page: the cookie was ours (signature), ended or withdrawn. */
export function askForSession(session: Pick<CustomerSession, 'accountCode' | 'linkId'>, secret: string, now: number): string {
  return signAsk({ accountCode: session.accountCode, linkId: session.linkId }, secret, now);
}
