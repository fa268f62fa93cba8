import { and, desc, eq, gt, lt, sql } from 'drizzle-orm';
import type Stripe from 'stripe';
import { confirmWithQuickpay } from '@/lib/cards/quickpay/finish';
import type { TestModePolicy } from '@/lib/cards/quickpay/test-mode';
import { verifySetupIntent } from '@/lib/cards/stripe/verify-setup-intent';
import type { Db } from '@/lib/db/connect';
import { registrations } from '@/lib/db/schema';
import { isRefused } from '@/lib/domain/outcomes';
import type { QuickpayClient } from '@/lib/quickpay/client';
import type { Registration } from '@/lib/registrations/store';
import { log } from '@/lib/log';

export type SweepDeps = {
  db: Db;
  stripe: Stripe;
  quickpay: Pick<QuickpayClient, 'getSubscription'>;
  quickpayTestMode: TestModePolicy;
  /** A card the sweep queued: tried at Fenerum now (the registrar); the worker finishes it either way. */
  onQueued?: (registrationId: string) => void;
};
export type SweepSettings = {
  /** A setup is asked about once it started at least this long ago: its callback or webhook would have come by then. */
  afterMs: number;
  /** ...and until it started this long ago (QuickPay's own first retry comes after an hour). */
  withinMs: number;
  /** Setups asked about per run, newest first. */
  limit?: number;
};
export type SweepReport = { asked: number; queued: number; failed: number; retryLater: number };

/** Setups still `started` that began between `withinMs` and `afterMs` ago, newest first (the index on status, created_at). */
async function unheardSetups(db: Db, s: SweepSettings): Promise<Registration[]> {
  return db
    .select()
    .from(registrations)
    .where(
      and(
        eq(registrations.status, 'started'),
        lt(registrations.createdAt, sql`now() - ${`${Math.round(s.afterMs)} milliseconds`}::interval`),
        gt(registrations.createdAt, sql`now() - ${`${Math.round(s.withinMs)} milliseconds`}::interval`),
      ),
    )
    .orderBy(desc(registrations.createdAt))
    .limit(s.limit ?? 100);
}

/** Asks the provider about one setup; 'queued' when it holds a saved card we had not heard of. */
async function askProvider(deps: SweepDeps, reg: Registration): Promise<'queued' | 'failed' | 'open'> {
  if (reg.gateway === 'quickpay') {
    const state = await confirmWithQuickpay(deps, reg);
    return state.kind === 'queued' ? 'queued' : state.kind === 'failed' ? 'failed' : 'open';
  }
  // The Stripe webhook's own path: the SetupIntent read from Stripe, ours by its metadata and customer, succeeded.
  const verified = await verifySetupIntent(deps, reg.providerRef, null);
  return isRefused(verified) ? 'open' : 'queued';
}

/**
 * After a crash or a deploy, a card the customer authorized whose callback (QuickPay) or webhook
 * (Stripe) never reached us would wait for QuickPay's hourly retry, or for the customer to open
 * the return page again. The maintenance job asks the providers about setups started a few
 * minutes ago and not heard of since: a saved card is queued through the same path a callback
 * takes (same rules, queued once however often asked), then registered like any other.
 */
export async function sweepUnheardSetups(deps: SweepDeps, settings: SweepSettings): Promise<SweepReport> {
  const report: SweepReport = { asked: 0, queued: 0, failed: 0, retryLater: 0 };
  for (const reg of await unheardSetups(deps.db, settings)) {
    report.asked++;
    try {
      const outcome = await askProvider(deps, reg);
      if (outcome === 'queued') {
        report.queued++;
        deps.onQueued?.(reg.id);
      } else if (outcome === 'failed') report.failed++;
    } catch (err) {
      // The provider is down or slow: the next run asks again.
      report.retryLater++;
      log.warn({ gateway: reg.gateway, providerRef: reg.providerRef, err: err instanceof Error ? err.message : err }, 'card sweep: could not ask the provider');
    }
  }
  if (report.queued > 0) log.info({ queued: report.queued }, 'card sweep: cards saved at the provider without our hearing, queued for Fenerum');
  return report;
}
