import { sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/connect';
import { groupCommit } from '@/lib/db/group-commit';
import { rowsOf } from '@/lib/db/rows';
import type { CardSummary } from '@/lib/domain/cards';
import type { Registration } from './store';

export type ProviderEvent = { provider: string; eventKey: string; payload: unknown };
type Lookup = { gateway: Registration['gateway']; providerRef: string };
type Queue = { orderId: string; token: string; card: CardSummary | null };

/** What the one statement found: our registration for the provider's id (as it was before), and whether it was queued now. */
export type RecordedEvent = { registration: Pick<Registration, 'id' | 'status' | 'orderId'> | undefined; queuedNow: boolean };

/**
 * A provider's callback acknowledged with ONE durable write: the event is stored in the inbox
 * (a repeat changes nothing) and, when `queue` is given, our registration for the provider's id
 * is queued for Fenerum (from started or expired, and only when its order id matches) in the
 * same statement, so one commit covers both and nothing else waits on the connection. Fenerum
 * is tried later, after the response. Callbacks that arrive while others are being written share
 * the next statement (group commit, lib/db/group-commit.ts): under a burst that is a statement
 * for many callbacks, not one each, and each is answered once its statement has committed.
 */
export function recordAndQueue(db: Db, event: ProviderEvent, lookup: Lookup, queue?: Queue): Promise<RecordedEvent> {
  let writer = writers.get(db);
  if (!writer) {
    writer = groupCommit((items: Item[]) => writeEvents(db, items), WRITE_GROUPS);
    writers.set(db, writer);
  }
  return writer({ event, lookup, queue });
}

type Item = { event: ProviderEvent; lookup: Lookup; queue?: Queue };
/**
 * One statement in flight, the next group gathering meanwhile. On PGlite a second would only wait
 * in its thread's queue and halve the groups (the bench: 0.58-0.62x the bare route with two, 0.67-0.74x
 * with one); on Postgres the bench could not tell one from two, and one keeps the groups large.
 */
const WRITE_GROUPS = { inFlight: 1, maxGroup: 100 };
/** One group writer per database, made on its first callback. */
const writers = new WeakMap<Db, (item: Item) => Promise<RecordedEvent>>();

/**
 * The items in one statement, passed as one JSON parameter (a statement's text and plan are the
 * same for any number of items).
 *
 * Each item finds its registration through the unique index on (gateway, provider_ref), and the
 * update repeats its status and order checks on the row it changes (a concurrent change is seen,
 * as in a single update). The lateral `offset 0` keeps that lookup a probe per item: as a join the
 * planner, which never knows how many items there are (a set-returning function is guessed at 100
 * rows) and on PGlite has no statistics (no autovacuum), chose to scan every started registration
 * for each statement, a cost that grew with the table.
 *
 * Postgres runs a data-modifying WITH once and to the end whether or not the outer query reads it;
 * the outer query sees the registrations as they were before the statement, hence `queuedNow`. Two
 * callbacks queuing one registration in one statement both see it queued now, so both schedule its
 * attempt, as the second would have if written after the first.
 */
async function writeEvents(db: Db, items: Item[]): Promise<RecordedEvent[]> {
  const input = items.map(({ event, lookup, queue }, i) => ({
    i,
    provider: event.provider,
    event_key: event.eventKey,
    payload: event.payload,
    gateway: lookup.gateway,
    provider_ref: lookup.providerRef,
    queue: queue !== undefined,
    order_id: queue?.orderId ?? null,
    token: queue?.token ?? null,
    card_brand: queue?.card?.brand ?? null,
    card_last4: queue?.card?.last4 ?? null,
    card_exp_month: queue?.card?.expMonth ?? null,
    card_exp_year: queue?.card?.expYear ?? null,
  }));
  const result = await db.execute(sql`
    with input as (
      select x.*, r.id as reg_id, r.status as reg_status, r.order_id as reg_order
      from jsonb_to_recordset(${JSON.stringify(input)}::jsonb) as x(
        i int, provider text, event_key text, payload jsonb, gateway text, provider_ref text, queue boolean,
        order_id text, token text, card_brand text, card_last4 text, card_exp_month int, card_exp_year int)
      left join lateral (
        select id, status, order_id from registrations r where r.gateway = x.gateway and r.provider_ref = x.provider_ref offset 0
      ) r on true
    ), stored as (
      insert into inbox (provider, event_key, payload)
      select provider, event_key, payload from input order by i
      on conflict (provider, event_key) do nothing
    ), queued as (
      update registrations r set status = 'queued', token = x.token,
        card_brand = x.card_brand, card_last4 = x.card_last4, card_exp_month = x.card_exp_month, card_exp_year = x.card_exp_year,
        next_attempt_at = now(), updated_at = now()
      from input x
      where x.queue and x.reg_order = x.order_id and x.reg_status in ('started', 'expired')
        and r.id = x.reg_id and r.order_id = x.order_id and r.status in ('started', 'expired')
      returning r.id
    )
    select i, reg_id as id, reg_status as status, reg_order as "orderId",
      (queue and reg_order = order_id and exists (select 1 from queued q where q.id = reg_id)) as "queuedNow"
    from input order by i`);
  const rows = rowsOf<{ i: number; id: string | null; status: Registration['status'] | null; orderId: string | null; queuedNow: boolean }>(result);
  if (rows.length !== items.length) throw new Error(`recordAndQueue: ${rows.length} rows for ${items.length} events`);
  return rows.map((row) => ({
    registration: row.id && row.status ? { id: row.id, status: row.status, orderId: row.orderId } : undefined,
    queuedNow: row.queuedNow,
  }));
}
