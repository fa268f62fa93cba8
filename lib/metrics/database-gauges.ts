import { sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/connect';
import { rowsOf } from '@/lib/db/rows';
import type { PortalMetrics } from './registry';

/** Registrations still on their way (their oldest age is the queue's lag); the rest are done. */
const WAITING = ['started', 'queued'];
const REGISTRATION_STATUSES = ['started', 'queued', 'registered', 'failed', 'expired'];
const REFUND_STATES = ['requested', 'succeeded', 'failed', 'unknown', 'reconciled'];
const MAIL_STATES = ['queued', 'sending', 'sent', 'failed'];

type Count = { status: string; n: number | string };

/**
 * Sets the gauges that are the database's state, at scrape time (three grouped counts on
 * indexed columns): the registrations by status and the age of the oldest started or queued
 * one, the FarPay refunds by state, the outbox's emails by state. A state with no rows reads 0
 * (it does not vanish from the scrape).
 */
export async function readDatabaseGauges(db: Db, m: PortalMetrics, now = Date.now()): Promise<void> {
  const [registrations, refunds, mail] = await Promise.all([
    db.execute(sql`select status, count(*) as n, min(created_at) as oldest from registrations group by status`),
    db.execute(sql`select status, count(*) as n from farpay_refunds group by status`),
    db.execute(sql`select status, count(*) as n from mail_outbox group by status`),
  ]);
  const regRows = rowsOf<Count & { oldest: string | Date | null }>(registrations);
  setAll(m.queueDepth, REGISTRATION_STATUSES, regRows, 'status');
  for (const status of WAITING) {
    const oldest = regRows.find((r) => r.status === status)?.oldest;
    m.queueOldest.set({ status }, oldest ? Math.max(0, (now - new Date(oldest).getTime()) / 1000) : 0);
  }
  setAll(m.refunds, REFUND_STATES, rowsOf<Count>(refunds), 'state');
  setAll(m.emails, MAIL_STATES, rowsOf<Count>(mail), 'state');
}

function setAll<L extends string>(gauge: { set(labels: Record<L, string>, v: number): void }, known: string[], rows: Count[], label: L): void {
  const counts = new Map(rows.map((r) => [r.status, Number(r.n)]));
  for (const state of new Set([...known, ...counts.keys()])) gauge.set({ [label]: state } as Record<L, string>, counts.get(state) ?? 0);
}
