import { hostname } from 'node:os';
import type { Database } from '@/lib/db/connect';
import { openOwnPool } from '@/lib/db/own-pool';
import { FENERUM_LANES } from './http';
import { RateLimiter } from './rate-limiter';
import { SharedRateLimiter } from './shared-limiter';
import { createBudgetStore } from './shared-limiter-store';

/** The Fenerum limiter of this process: its own, or its share of the deployment's budget. */
export type FenerumLimiter = RateLimiter | SharedRateLimiter;

/**
 * `FENERUM_RATE_LIMIT_PER_MINUTE` is the deployment's budget (issue 25). On Postgres every
 * instance may share it, so it is kept in the database (shared-limiter.ts); PGlite is embedded
 * in one process, whose own limiter is the whole budget and costs no round trip.
 */
export async function createFenerumLimiter(opts: { ratePerMinute: number; database: Pick<Database, 'kind'>; databaseUrl?: string }): Promise<FenerumLimiter> {
  if (opts.database.kind === 'pglite' || !opts.databaseUrl) return new RateLimiter({ limit: opts.ratePerMinute, lanes: FENERUM_LANES });
  // Two connections of its own: a slot is never kept waiting behind the request or background pools (a drain's
  // background work fills the latter), nor holds one of theirs.
  const { db } = await openOwnPool(opts.databaseUrl, 'rate limiter');
  const store = createBudgetStore({
    db,
    name: 'fenerum',
    windowMs: 60_000,
    instance: `${hostname()}:${process.pid}:${crypto.randomUUID().slice(0, 8)}`,
  });
  return new SharedRateLimiter({ limit: opts.ratePerMinute, lanes: FENERUM_LANES, store });
}
