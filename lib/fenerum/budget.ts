import { hostname } from 'node:os';
import type { Database } from '@/lib/db/connect';
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
export function createFenerumLimiter(opts: { ratePerMinute: number; database: Pick<Database, 'kind' | 'backgroundDb'> }): FenerumLimiter {
  if (opts.database.kind === 'pglite') return new RateLimiter({ limit: opts.ratePerMinute, lanes: FENERUM_LANES });
  // The background pool: a slot is never kept waiting behind a request's connection, nor holds one.
  const store = createBudgetStore({
    db: opts.database.backgroundDb,
    name: 'fenerum',
    windowMs: 60_000,
    instance: `${hostname()}:${process.pid}:${crypto.randomUUID().slice(0, 8)}`,
  });
  return new SharedRateLimiter({ limit: opts.ratePerMinute, lanes: FENERUM_LANES, store });
}
