import { doublePrecision, jsonb, pgTable, text } from 'drizzle-orm/pg-core';

/**
 * The Fenerum request budget every instance on this database draws from (lib/fenerum/shared-limiter.ts):
 * one row per budget, changed only by single UPDATE statements (a row lock, so two instances
 * never both take the last slot). Times are epoch milliseconds on the database's clock.
 */
export const rateLimiterState = pgTable('rate_limiter_state', {
  name: text('name').primaryKey(),
  /** When recent requests' answers arrived (each counts for one window from then), oldest first. */
  finished: doublePrecision('finished').array().notNull().default([]),
  /** Requests in flight: token → until when the slot is held should its instance never release it. */
  held: jsonb('held').$type<Record<string, number>>().notNull().default({}),
  /** Instances with callers waiting: instance → [their best lane's rank, until when the wish stands]. */
  wants: jsonb('wants').$type<Record<string, [number, number]>>().notNull().default({}),
  /** Fenerum answered 429 with Retry-After: nobody sends before this. */
  pausedUntil: doublePrecision('paused_until').notNull().default(0),
});
