import 'server-only';
import { cookies } from 'next/headers';
import type { Db } from '@/lib/db/connect';
import { isLinkLive } from './links';
import { readSession, readSessionAnyAge, sessionCookieName, type CustomerSession } from './session-token';

/**
 * The signed session cookie of this request, or null: unsigned or expired. Its link is NOT checked
 * here: the caller must (readCustomerSession does; the portal page checks it in its one query).
 */
export async function readSessionCookie(deps: { linkSecret: string; appUrl: string }): Promise<CustomerSession | null> {
  const jar = await cookies();
  return readSession(jar.get(sessionCookieName(deps.appUrl))?.value, deps.linkSecret, Date.now());
}

/** The customer session of this request, or null: unsigned, expired, or its link revoked. */
export async function readCustomerSession(deps: { db: Db; linkSecret: string; appUrl: string }): Promise<CustomerSession | null> {
  const session = await readSessionCookie(deps);
  if (!session) return null;
  return (await isLinkLive(deps.db, session.linkId)) ? session : null;
}

/**
 * Whose session this browser had, ended or not (signed, whatever its age; the cookie outlives
 * its session by ENDED_SESSION_KEPT_SECONDS), or null: no session cookie of ours at all. Never a
 * way in: it tells "your session ended" from "you have not opened a link".
 */
export async function readEndedSession(deps: { linkSecret: string; appUrl: string }): Promise<CustomerSession | null> {
  const jar = await cookies();
  return readSessionAnyAge(jar.get(sessionCookieName(deps.appUrl))?.value, deps.linkSecret);
}
