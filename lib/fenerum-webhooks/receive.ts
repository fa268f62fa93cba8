import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import { fenerumWebhookEvents, inbox } from '@/lib/db/schema';
import type { Db } from '@/lib/db/connect';
import { eventKeyOf, type FenerumWebhook } from './parse';

export type Received = { key: string; event: string; repeat: boolean; needsWork: boolean };

/**
 * Stores a webhook before anything is done with it: the body in the inbox and its record in
 * fenerum_webhook_events, both under one key (parse.ts), so a repeat is recognised and stored
 * once. Work is needed for a new one, or a repeat of one that failed.
 */
export async function storeWebhook(db: Db, body: FenerumWebhook): Promise<Received> {
  const key = eventKeyOf(body);
  const payload = { event: body.event, data: body.data };
  await db.insert(inbox).values({ provider: 'fenerum', eventKey: key, payload }).onConflictDoNothing();
  const [made] = await db
    .insert(fenerumWebhookEvents)
    .values({ eventKey: key, event: body.event, status: 'received', payload })
    .onConflictDoNothing()
    .returning({ key: fenerumWebhookEvents.eventKey });
  if (made) return { key, event: body.event, repeat: false, needsWork: true };
  const [row] = await db.select({ status: fenerumWebhookEvents.status }).from(fenerumWebhookEvents).where(eq(fenerumWebhookEvents.eventKey, key));
  return { key, event: body.event, repeat: true, needsWork: row?.status === 'failed' };
}

export type WebhookEvent = typeof fenerumWebhookEvents.$inferSelect;

export async function getWebhookEvent(db: Db, key: string): Promise<WebhookEvent | undefined> {
  const [row] = await db.select().from(fenerumWebhookEvents).where(eq(fenerumWebhookEvents.eventKey, key)).limit(1);
  return row;
}

export async function finishWebhookEvent(
  db: Db,
  key: string,
  outcome: { status: 'handled' | 'ignored' | 'failed'; accountCode?: string | null; subject?: string | null; error?: string | null },
): Promise<void> {
  await db
    .update(fenerumWebhookEvents)
    .set({
      status: outcome.status,
      accountCode: outcome.accountCode ?? undefined,
      subject: outcome.subject ?? undefined,
      lastError: outcome.error ?? null,
      attempts: sql`${fenerumWebhookEvents.attempts} + 1`,
      handledAt: outcome.status === 'failed' ? null : sql`now()`,
    })
    .where(eq(fenerumWebhookEvents.eventKey, key));
}

/** Events whose handling failed (a provider was down) or never finished (the process stopped): to try again. */
export async function unfinishedWebhookEvents(db: Db, olderThanSeconds: number, limit = 20): Promise<string[]> {
  const rows = await db
    .select({ key: fenerumWebhookEvents.eventKey })
    .from(fenerumWebhookEvents)
    .where(
      and(
        inArray(fenerumWebhookEvents.status, ['received', 'failed']),
        lt(fenerumWebhookEvents.attempts, 10),
        lt(fenerumWebhookEvents.receivedAt, sql`now() - ${`${olderThanSeconds} seconds`}::interval`),
      ),
    )
    .limit(limit);
  return rows.map((r) => r.key);
}

/** The account's webhook events, newest first (the staff timeline). */
export async function webhookEventsOf(db: Db, accountCode: string, limit = 100): Promise<WebhookEvent[]> {
  return db
    .select()
    .from(fenerumWebhookEvents)
    .where(eq(fenerumWebhookEvents.accountCode, accountCode))
    .orderBy(sql`${fenerumWebhookEvents.receivedAt} desc`)
    .limit(limit);
}
