import { desc, eq } from 'drizzle-orm';
import type { Db } from '@/lib/db/connect';
import { issuedLinks, registrations } from '@/lib/db/schema';

type Known = { code: string; uuid: string };

/**
 * An account this portal has met (a link issued for it, or a card it registered) by its code or
 * its Fenerum uuid: both are on those rows, so no Fenerum call is needed. Null when never met.
 */
async function knownAccount(db: Db, by: { code: string } | { uuid: string }): Promise<Known | null> {
  const [link] = await db
    .select({ code: issuedLinks.accountCode, uuid: issuedLinks.accountUuid })
    .from(issuedLinks)
    .where('code' in by ? eq(issuedLinks.accountCode, by.code) : eq(issuedLinks.accountUuid, by.uuid))
    .orderBy(desc(issuedLinks.createdAt))
    .limit(1);
  if (link) return link;
  const [reg] = await db
    .select({ code: registrations.accountCode, uuid: registrations.accountUuid })
    .from(registrations)
    .where('code' in by ? eq(registrations.accountCode, by.code) : eq(registrations.accountUuid, by.uuid))
    .limit(1);
  return reg ?? null;
}

/** The Fenerum uuid of an account the portal has met, by its code. */
export const knownAccountUuid = async (db: Db, code: string) => (await knownAccount(db, { code }))?.uuid ?? null;

/** The code of an account the portal has met, by its Fenerum uuid. */
export const knownAccountCode = async (db: Db, uuid: string) => (await knownAccount(db, { uuid }))?.code ?? null;
