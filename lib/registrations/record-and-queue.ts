import { sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/connect';
import { rowsOf } from '@/lib/db/rows';
import type { CardSummary } from '@/lib/domain/cards';
import type { Registration } from './store';

export type ProviderEvent = { provider: string; eventKey: string; payload: unknown };

/** What the one statement found: our registration for the provider's id (as it was before), and whether it was queued now. */
export type RecordedEvent = { registration: Pick<Registration, 'id' | 'status' | 'orderId'> | undefined; queuedNow: boolean };

/**
 * A provider's callback acknowledged with ONE durable write: the event is stored in the inbox
 * (a repeat changes nothing) and, when `queue` is given, our registration for the provider's id
 * is queued for Fenerum (from started or expired, and only when its order id matches) in the
 * same statement, so one commit covers both and nothing else waits on the connection. Fenerum
 * is tried later, after the response. Postgres runs a data-modifying WITH once and to the end
 * whether or not the outer query reads it; the outer query sees the registration as it was
 * before the statement, hence `queuedNow`.
 */
export async function recordAndQueue(
  db: Db,
  event: ProviderEvent,
  lookup: { gateway: Registration['gateway']; providerRef: string },
  queue?: { orderId: string; token: string; card: CardSummary | null },
): Promise<RecordedEvent> {
  const update = queue
    ? sql`update registrations set status = 'queued', token = ${queue.token},
          card_brand = ${queue.card?.brand ?? null}, card_last4 = ${queue.card?.last4 ?? null},
          card_exp_month = ${queue.card?.expMonth ?? null}, card_exp_year = ${queue.card?.expYear ?? null},
          next_attempt_at = now(), updated_at = now()
        where gateway = ${lookup.gateway} and provider_ref = ${lookup.providerRef}
          and order_id = ${queue.orderId} and status in ('started', 'expired')
        returning id`
    : sql`select null::text as id where false`;
  const result = await db.execute(sql`
    with stored as (
      insert into inbox (provider, event_key, payload) values (${event.provider}, ${event.eventKey}, ${JSON.stringify(event.payload)}::jsonb)
      on conflict (provider, event_key) do nothing
    ), queued as (${update})
    select r.id, r.status, r.order_id as "orderId", exists (select 1 from queued) as "queuedNow"
    from (select 1) as one
    left join registrations r on r.gateway = ${lookup.gateway} and r.provider_ref = ${lookup.providerRef}
    limit 1`);
  const [row] = rowsOf<{ id: string | null; status: Registration['status'] | null; orderId: string | null; queuedNow: boolean }>(result);
  if (!row) throw new Error('recordAndQueue: no row');
  return {
    registration: row.id && row.status ? { id: row.id, status: row.status, orderId: row.orderId } : undefined,
    queuedNow: row.queuedNow,
  };
}
