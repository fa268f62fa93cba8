import { z } from 'zod';
import { signToken, verifyToken } from './signing';

/**
 * The session cookie's name. Under https it is `__Host-portal_session`: the browser keeps it only
 * when Secure, Path=/ and without Domain, so a sibling subdomain can neither set nor shadow it.
 * Browsers refuse that prefix without Secure, so plain http (local, the sandbox) uses
 * `portal_session`. Only the name that applies is read.
 */
export function sessionCookieName(appUrl: string): string {
  return isHttps(appUrl) ? '__Host-portal_session' : 'portal_session';
}

/**
 * The browser keeps the cookie this long after its session ends (the session's own expiry is
 * signed inside and checked on every read): a returning customer is told their session ended and
 * may ask for a new link by email (lib/auth/new-link-ask.ts), where someone who never had one is
 * told how to get a link.
 */
export const ENDED_SESSION_KEPT_SECONDS = 7 * 24 * 3600;

/** How the session cookie is set: httpOnly, SameSite=Lax, host-only (no Domain), Secure under https. */
export function sessionCookie(session: CustomerSession, secret: string, appUrl: string) {
  return {
    name: sessionCookieName(appUrl),
    value: signSession(session, secret),
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: isHttps(appUrl),
    path: '/',
    expires: new Date((session.expiresAt + ENDED_SESSION_KEPT_SECONDS) * 1000),
  };
}

/** The app's URL is one per process: parsed once, not on every request that reads the cookie. */
let parsed: { appUrl: string; https: boolean } | undefined;
function isHttps(appUrl: string): boolean {
  if (parsed?.appUrl !== appUrl) parsed = { appUrl, https: new URL(appUrl).protocol === 'https:' };
  return parsed.https;
}
/** A customer session ends with its link, and within this time at the latest. */
export const MAX_SESSION_SECONDS = 12 * 3600;

const sessionPayload = z.object({
  v: z.literal(1),
  lid: z.string().min(1),
  acct: z.string().min(1),
  auuid: z.string().min(1),
  exp: z.number().int(),
});
export type CustomerSession = { linkId: string; accountCode: string; accountUuid: string; expiresAt: number };

export function signSession(s: CustomerSession, secret: string): string {
  return signToken({ v: 1, lid: s.linkId, acct: s.accountCode, auuid: s.accountUuid, exp: s.expiresAt }, secret, 'customer-session');
}

export function readSession(value: string | undefined, secret: string, now: number): CustomerSession | null {
  const session = readSessionAnyAge(value, secret);
  return session && session.expiresAt * 1000 > now ? session : null;
}

/** A session cookie this app signed, ended or not: whose session it was. Never a way in (readSession is). */
export function readSessionAnyAge(value: string | undefined, secret: string): CustomerSession | null {
  if (!value) return null;
  const v = verifyToken(value, secret, 'customer-session');
  if (!v.ok) return null;
  const p = sessionPayload.safeParse(v.payload);
  if (!p.success) return null;
  return { linkId: p.data.lid, accountCode: p.data.acct, accountUuid: p.data.auuid, expiresAt: p.data.exp };
}
