import type Stripe from 'stripe';
import { audit } from '@/lib/audit';
import type { Db } from '@/lib/db/connect';
import { claimStaleStarts, reopenStart } from '@/lib/registrations/stale-starts';
import type { Registration } from '@/lib/registrations/store';
import { log } from '@/lib/log';

export type ExpireDeps = { db: Db; stripe: Pick<Stripe, 'setupIntents'> };
export type ExpireReport = { expired: number; retryLater: number };

/** What became of the provider's side: canceled now, already in a final state, or not reachable (try again). */
type ProviderSide = { providerStatus: string } | 'retry';

function stripeCode(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string' ? err.code : undefined;
}

/** Cancels the SetupIntent at Stripe. One Stripe will not cancel (succeeded, processing) stays as Stripe has it. */
async function cancelAtStripe(stripe: ExpireDeps['stripe'], id: string): Promise<ProviderSide> {
  try {
    const si = await stripe.setupIntents.cancel(id, { cancellation_reason: 'abandoned' });
    return { providerStatus: si.status };
  } catch (err) {
    const code = stripeCode(err);
    if (code === 'resource_missing') return { providerStatus: 'missing' };
    if (code !== 'setup_intent_unexpected_state') {
      log.warn({ setupIntent: id, err }, 'could not cancel a SetupIntent; trying again later');
      return 'retry';
    }
    // Already canceled, or the customer finished it: a late confirmation is still queued (the row may be expired).
    const si = await stripe.setupIntents.retrieve(id).catch(() => null);
    return si ? { providerStatus: si.status } : 'retry';
  }
}

async function providerSideOf(deps: ExpireDeps, reg: Registration): Promise<ProviderSide> {
  if (reg.gateway === 'stripe_new') return cancelAtStripe(deps.stripe, reg.providerRef);
  // An unauthorised QuickPay subscription holds nothing; a window finished late is still queued by its callback.
  return { providerStatus: 'left-open' };
}

/**
 * Setups started more than `olderThanHours` ago (never less than a customer session lasts, so
 * no customer can still finish one from our pages) become `expired`, their SetupIntent canceled
 * at Stripe, each audited. A Stripe outage puts the row back for the next run.
 */
export async function expireStartedRegistrations(deps: ExpireDeps, opts: { olderThanHours: number; limit?: number }): Promise<ExpireReport> {
  const rows = await claimStaleStarts(deps.db, { olderThanHours: opts.olderThanHours, limit: opts.limit ?? 50 });
  const report: ExpireReport = { expired: 0, retryLater: 0 };
  for (const reg of rows) {
    const side = await providerSideOf(deps, reg);
    if (side === 'retry') {
      await reopenStart(deps.db, reg.id);
      report.retryLater++;
      continue;
    }
    await audit(deps.db, {
      actor: 'system',
      action: 'card.add_expired',
      accountCode: reg.accountCode,
      subject: reg.providerRef,
      details: { gateway: reg.gateway, registration: reg.id, startedAt: reg.createdAt.toISOString(), providerStatus: side.providerStatus },
    });
    report.expired++;
  }
  return report;
}
