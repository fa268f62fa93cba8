import 'server-only';
import { cookies } from 'next/headers';
import { getDb } from '@/lib/db';
import { env } from '@/lib/env';
import { fenerum } from '@/lib/fenerum';
import { issueLink, isLinkLive, openLink, type IssueLinkInput } from './links';
import { readSession, SESSION_COOKIE, type CustomerSession } from './session-token';

/** The link use cases wired to this app's database, Fenerum and secret. */
export async function issueCustomerLink(input: IssueLinkInput) {
  const db = await getDb();
  return issueLink({ db, getAccount: (code) => fenerum().getAccount(code), secret: env().linkSecret, appUrl: env().appUrl }, input);
}

export async function openCustomerLink(token: string) {
  return openLink({ db: await getDb(), secret: env().linkSecret }, token);
}

/** The customer session of this request, or null: unsigned, expired, or its link revoked. */
export async function getCustomerSession(): Promise<CustomerSession | null> {
  const jar = await cookies();
  const session = readSession(jar.get(SESSION_COOKIE)?.value, env().linkSecret, Date.now());
  if (!session) return null;
  return (await isLinkLive(await getDb(), session.linkId)) ? session : null;
}
