import { sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/connect';
import { rowsOf } from '@/lib/db/rows';

/**
 * The budget's row in the database (lib/db/tables/limiter.ts), read and changed by one UPDATE
 * per call: Postgres locks the row, and a second UPDATE that waited for the lock evaluates its
 * expressions again on the row the first one left (READ COMMITTED's re-check), so two instances
 * can never both take the last slot. Each statement also forgets what has aged out. Times are
 * epoch ms on the database's clock (instances' clocks may differ), or on `clock` in tests.
 */
export type BudgetSnapshot = {
  /** The statement's time (the database's clock). */
  now: number;
  /** The slot was taken (the caller holds `token`). */
  granted: boolean;
  /** When requests' answers arrived within the last window, oldest first. */
  finished: number[];
  /** Requests in flight, this one included when granted. */
  inFlight: number;
  pausedUntil: number;
};

type TakeRequest = {
  /** The slot's name while it is held; null only asks (and refreshes this instance's wish). */
  token: string | null;
  /** How many slots may be counted at most for this caller's lane. */
  cap: number;
  /** The caller's lane (0 interactive, 1 registration, 2 bulk): an instance wishing for a lower rank goes first. */
  rank: number;
  /** The rank this instance still waits with afterwards: when granted, and when not (null: none). */
  wishIfGranted: number | null;
  wishIfNot: number | null;
};

export type BudgetStore = {
  take(req: TakeRequest): Promise<BudgetSnapshot>;
  /** The answer is in (`sent`: it counts for a window from now) or it was never sent (it counts no more). */
  release(token: string, sent: boolean): Promise<void>;
  pause(ms: number): Promise<void>;
};

export type BudgetStoreOptions = {
  db: Db;
  /** The budget's row; one per Fenerum API user. */
  name: string;
  windowMs: number;
  /** This instance, for its wish (which lane it waits with). */
  instance: string;
  /** How long a slot counts as in flight should its instance die before releasing it; then a window more. */
  holdMs?: number;
  /** How long an instance's wish stands unless renewed (its waiters ask again well within it). */
  wishMs?: number;
  /** Tests: the clock (ms) the statements use instead of the database's. */
  clock?: () => number;
};

type Row = { now: number; finished: number[] | string; held: Record<string, number> | string; paused_until: number | string; granted: boolean };

/** node-postgres answers float8[] parsed, PGlite too; a string is parsed as Postgres' array text. */
function numbers(v: number[] | string): number[] {
  if (Array.isArray(v)) return v.map(Number);
  const inner = v.replace(/^\{|\}$/g, '');
  return inner === '' ? [] : inner.split(',').map(Number);
}

export function createBudgetStore(opts: BudgetStoreOptions): BudgetStore {
  const { db, name, windowMs, instance } = opts;
  const holdMs = opts.holdMs ?? 120_000;
  const wishMs = opts.wishMs ?? 3_000;
  const now = () => (opts.clock ? sql`${opts.clock()}::float8` : sql`(extract(epoch from clock_timestamp()) * 1000)::float8`);
  let created: Promise<unknown> | undefined;
  const ensureRow = () => (created ??= db.execute(sql`insert into rate_limiter_state (name) values (${name}) on conflict do nothing`));

  return {
    async take(req) {
      await ensureRow();
      const token = req.token;
      const result = await db.execute(sql`
        update rate_limiter_state as l
        set (finished, held, wants) = (
          select
            s.finished,
            case when s.ok then s.held || jsonb_build_object(${token}::text, s.now + ${holdMs}::float8) else s.held end,
            case
              when (case when s.ok then ${req.wishIfGranted}::int else ${req.wishIfNot}::int end) is null then s.others
              else s.others || jsonb_build_object(${instance}::text, jsonb_build_array(case when s.ok then ${req.wishIfGranted}::int else ${req.wishIfNot}::int end, s.now + ${wishMs}::float8))
            end
          from (
            select c.*,
              ${token}::text is not null
                and c.now >= l.paused_until
                and cardinality(c.finished) + (select count(*) from jsonb_object_keys(c.held)) < ${req.cap}::int
                and not exists (select 1 from jsonb_each(c.others) w where (w.value->>0)::int < ${req.rank}::int) as ok
            from (
              select t.now,
                (select coalesce(array_agg(f order by f), '{}')
                   from (select unnest(l.finished) as f
                         union all select h.value::float8 from jsonb_each_text(l.held) h where h.value::float8 <= t.now) x
                   where f > t.now - ${windowMs}::float8) as finished,
                (select coalesce(jsonb_object_agg(h.key, h.value), '{}') from jsonb_each(l.held) h where h.value::float8 > t.now) as held,
                (select coalesce(jsonb_object_agg(w.key, w.value), '{}') from jsonb_each(l.wants) w
                   where w.key <> ${instance}::text and (w.value->>1)::float8 > t.now) as others
              from (select ${now()} as now) t
            ) c
          ) s
        )
        where l.name = ${name}
        returning ${now()} as now, l.finished, l.held, l.paused_until, (${token}::text is not null and l.held ? ${token}::text) as granted`);
      const row = rowsOf<Row>(result)[0];
      if (!row) throw new Error(`rate_limiter_state has no row ${name}`);
      const held = typeof row.held === 'string' ? (JSON.parse(row.held) as Record<string, number>) : row.held;
      return {
        now: Number(row.now),
        granted: row.granted === true,
        finished: numbers(row.finished),
        inFlight: Object.keys(held).length,
        pausedUntil: Number(row.paused_until),
      };
    },
    async release(token, sent) {
      await db.execute(sql`
        update rate_limiter_state as l
        set finished = case when ${sent}::boolean and l.held ? ${token}::text then l.finished || ${now()} else l.finished end,
            held = l.held - ${token}::text
        where l.name = ${name}`);
    },
    async pause(ms) {
      await ensureRow();
      await db.execute(sql`update rate_limiter_state set paused_until = greatest(paused_until, ${now()} + ${ms}::float8) where name = ${name}`);
    },
  };
}
