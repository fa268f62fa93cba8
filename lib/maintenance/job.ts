import { audit } from '@/lib/audit';
import { pruneStaffAuth } from '@/lib/auth/staff/prune';
import type { FarpayClient } from '@/lib/farpay/client';
import { reconcileOpenRefunds } from '@/lib/staff/payments/refunds/reconcile';
import { deleteOldLinkRequests } from '@/lib/mail/link-request-budget';
import { deleteOldSetupStarts } from '@/lib/registrations/setup-budget';
import { settleOpenDisables, type SettleDeps, type SettleReport } from '@/lib/staff/accounts/disable-intents';
import { expireStartedRegistrations, type ExpireDeps, type ExpireReport } from './expire-started';
import { applyRetention, type RetentionReport } from './retention';
import { sweepUnheardSetups, type SweepDeps, type SweepSettings } from './sweep';
import { vacuumDueTables, type VacuumReport } from './vacuum';
import { every } from '@/lib/periodic';
import { isFenerumError } from '@/lib/fenerum/errors';
import type { CardNoticeRetryReport } from '@/lib/mail/card-notice';

export type MaintenanceSettings = { expireStartedAfterHours: number; inboxRetentionDays: number; linkRetentionDays: number };
export type MaintenanceReport = ExpireReport & {
  deleted: RetentionReport & { setupStarts: number; linkRequests: number };
  vacuum: VacuumReport;
  /** FarPay refunds whose answer was lost, settled with FarPay (issue 22: never on a page view). */
  refunds: { settled: number; failedPayments: number };
  cardDisables: SettleReport;
  /** Security notices claimed but not queued at the time (Fenerum's budget spent), queued now (lib/mail/card-notice.ts). */
  cardNotices: CardNoticeRetryReport;
  /** Campaign emails still waiting for the outbox (a restart mid-send): `left` when Fenerum stopped the drain; it goes on next run. */
  campaignSends: 'drained' | 'left' | 'off';
};
/**
 * `embedded`: the database is PGlite, which has no autovacuum of its own (see vacuum.ts); the job does its work.
 * `farpay`: open refunds whose answer was lost are checked with FarPay (lib/staff/payments/refunds/reconcile.ts).
 * `fenerum`: card disables whose last audit write failed are settled by what Fenerum holds (lib/staff/accounts/disable-intents.ts).
 * `cardNotices`: the security notices deferred when they were claimed, queued again (lib/mail/card-notice.ts).
 * `campaignSends`: the campaign emails a restart or a busy Fenerum left waiting, queued (lib/staff/campaigns/send.ts).
 */
export type MaintenanceDeps = ExpireDeps & {
  embedded?: boolean;
  farpay?: Pick<FarpayClient, 'getPayment' | 'refundsOf'>;
  fenerum?: SettleDeps['fenerum'];
  cardNotices?: () => Promise<CardNoticeRetryReport>;
  campaignSends?: () => Promise<void>;
};

/** Every few minutes in every instance (MAINTENANCE_INTERVAL_SECONDS); the expiry claims its rows, the deletes are harmless twice. */
const MAINTENANCE_INTERVAL_MS = 5 * 60_000;

/** One run: expire setups left unfinished, check open FarPay refunds with FarPay, settle card disables left open, queue deferred card notices and waiting campaign emails, delete what is past its retention, then (on PGlite) vacuum what is due. */
export async function runMaintenance(deps: MaintenanceDeps, settings: MaintenanceSettings): Promise<MaintenanceReport> {
  const expired = await expireStartedRegistrations(deps, { olderThanHours: settings.expireStartedAfterHours });
  const refunds = deps.farpay ? await reconcileOpenRefunds({ db: deps.db, farpay: deps.farpay }) : { settled: 0, failedPayments: 0 };
  const cardDisables = deps.fenerum ? await settleOpenDisables({ db: deps.db, fenerum: deps.fenerum }) : { completed: 0, notDone: 0, retryLater: 0 };
  const cardNotices = deps.cardNotices ? await deps.cardNotices() : { queued: 0, notSent: 0, deferred: 0 };
  const campaignSends = deps.campaignSends ? await drainedOrLeft(deps.campaignSends) : 'off';
  const deleted = await applyRetention(deps.db, { inboxDays: settings.inboxRetentionDays, linkDays: settings.linkRetentionDays });
  const setupStarts = await deleteOldSetupStarts(deps.db);
  const linkRequests = await deleteOldLinkRequests(deps.db);
  await pruneStaffAuth(deps.db, Date.now()); // ended staff sessions, day-old sign-in attempts
  if (deleted.inbox > 0 || deleted.webhookEvents > 0 || deleted.links > 0) {
    await audit(deps.db, {
      actor: 'system',
      action: 'retention.deleted',
      details: {
        inbox: deleted.inbox,
        fenerumWebhookEvents: deleted.webhookEvents,
        issuedLinks: deleted.links,
        inboxDays: settings.inboxRetentionDays,
        linkDays: settings.linkRetentionDays,
      },
    });
  }
  // Last: the deletes above are dead rows it can reclaim at once. Postgres has autovacuum for this.
  const vacuum = deps.embedded ? await vacuumDueTables(deps.db) : { vacuumed: [], analyzed: [] };
  return { ...expired, deleted: { ...deleted, setupStarts, linkRequests }, vacuum, refunds, cardDisables, cardNotices, campaignSends };
}

/** A drain that Fenerum stops (busy, down) leaves its sends waiting for the next run, and the rest of the job goes on. */
async function drainedOrLeft(drain: () => Promise<void>): Promise<'drained' | 'left'> {
  try {
    await drain();
    return 'drained';
  } catch (err) {
    if (!isFenerumError(err)) throw err;
    return 'left';
  }
}

/**
 * Runs the job soon after start and then every `intervalMs` until stopped. With `sweep`, the
 * card sweep (sweep.ts) runs on its own, shorter interval: a card authorized during a crash is
 * registered within minutes, not at the next full run.
 */
export function startMaintenance(
  deps: MaintenanceDeps,
  settings: MaintenanceSettings,
  opts: {
    intervalMs?: number;
    firstAfterMs?: number;
    sweep?: { deps: Omit<SweepDeps, 'db'>; everyMs: number } & SweepSettings;
    onError?: (err: unknown) => void;
  } = {},
): { stop: () => Promise<void> } {
  const intervalMs = opts.intervalMs ?? MAINTENANCE_INTERVAL_MS;
  const firstAfterMs = opts.firstAfterMs ?? Math.min(30_000, intervalMs);
  const jobs = [every('maintenance run', intervalMs, firstAfterMs, () => runMaintenance(deps, settings), opts.onError)];
  const sweep = opts.sweep;
  if (sweep) {
    const run = () => sweepUnheardSetups({ ...sweep.deps, db: deps.db }, sweep);
    jobs.push(every('card sweep', sweep.everyMs, Math.min(firstAfterMs, sweep.everyMs), run, opts.onError));
  }
  return {
    stop: async () => {
      await Promise.all(jobs.map((j) => j.stop()));
    },
  };
}
