import 'server-only';
import { cookies } from 'next/headers';
import type { Db } from '@/lib/db/connect';
import { isLinkLive } from './links';
import { readSession, sessionCookieName, type CustomerSession } from './session-token';

/** The customer session of this request, or null: unsigned, expired, or its link revoked. */
export async function readCustomerSession(deps: { db: Db; linkSecret: string; appUrl: string }): Promise<CustomerSession | null> {
  const jar = await cookies();
  const session = readSession(jar.get(sessionCookieName(deps.appUrl))?.value, deps.linkSecret, Date.now());
  if (!session) return null;
  return (await isLinkLive(deps.db, session.linkId)) ? session : null;
}
