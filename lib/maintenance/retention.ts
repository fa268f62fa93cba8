import { lt, sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/connect';
import { fenerumWebhookEvents, inbox, issuedLinks } from '@/lib/db/schema';

export type RetentionSettings = { inboxDays: number; linkDays: number };
export type RetentionReport = { inbox: number; webhookEvents: number; links: number };

const daysAgo = (days: number) => sql`now() - ${`${days} days`}::interval`;

/**
 * Deletes provider callbacks stored more than `inboxDays` ago (a provider's repeat comes within
 * days), with what became of each Fenerum webhook (`fenerum_webhook_events`, the same age: it
 * holds the same payloads), and customer links expired more than `linkDays` ago. What a webhook
 * caused (approvals, emails, the audit log's lines) stays. The audit log is never touched:
 * it is append-only (a trigger refuses UPDATE and DELETE) and kept.
 */
export async function applyRetention(db: Db, settings: RetentionSettings): Promise<RetentionReport> {
  const oldInbox = await db
    .delete(inbox)
    .where(lt(inbox.receivedAt, daysAgo(settings.inboxDays)))
    .returning({ id: inbox.id });
  const oldWebhookEvents = await db
    .delete(fenerumWebhookEvents)
    .where(lt(fenerumWebhookEvents.receivedAt, daysAgo(settings.inboxDays)))
    .returning({ key: fenerumWebhookEvents.eventKey });
  const oldLinks = await db
    .delete(issuedLinks)
    .where(lt(issuedLinks.expiresAt, daysAgo(settings.linkDays)))
    .returning({ id: issuedLinks.id });
  return { inbox: oldInbox.length, webhookEvents: oldWebhookEvents.length, links: oldLinks.length };
}
