import { audit } from '@/lib/audit';
import { pruneStaffAuth } from '@/lib/auth/staff/prune';
import type { FarpayClient } from '@/lib/farpay/client';
import { reconcileOpenRefunds } from '@/lib/staff/payments/refunds/reconcile';
import { deleteOldLinkRequests } from '@/lib/mail/link-request-budget';
import { deleteOldSetupStarts } from '@/lib/registrations/setup-budget';
import { settleOpenDisables, type SettleDeps, type SettleReport } from '@/lib/staff/accounts/disable-intents';
import { expireStartedRegistrations, type ExpireDeps, type ExpireReport } from './expire-started';
import { applyRetention, type RetentionReport } from './retention';
import { vacuumDueTables, type VacuumReport } from './vacuum';
import { log } from '@/lib/log';

export type MaintenanceSettings = { expireStartedAfterHours: number; inboxRetentionDays: number; linkRetentionDays: number };
export type MaintenanceReport = ExpireReport & {
  deleted: RetentionReport & { setupStarts: number; linkRequests: number };
  vacuum: VacuumReport;
  /** FarPay refunds whose answer was lost, settled with FarPay (issue 22: never on a page view). */
  refunds: { settled: number; failedPayments: number };
  cardDisables: SettleReport;
};
/**
 * `embedded`: the database is PGlite, which has no autovacuum of its own (see vacuum.ts); the job does its work.
 * `farpay`: open refunds whose answer was lost are checked with FarPay (lib/staff/payments/refunds/reconcile.ts).
 * `fenerum`: card disables whose last audit write failed are settled by what Fenerum holds (lib/staff/accounts/disable-intents.ts).
 */
export type MaintenanceDeps = ExpireDeps & { embedded?: boolean; farpay?: Pick<FarpayClient, 'getPayment' | 'refundsOf'>; fenerum?: SettleDeps['fenerum'] };

/** Every few minutes in every instance; the expiry claims its rows, the deletes are harmless twice. */
const MAINTENANCE_INTERVAL_MS = 5 * 60_000;

/** One run: expire setups left unfinished, check open FarPay refunds with FarPay, settle card disables left open, delete what is past its retention, then (on PGlite) vacuum what is due. */
export async function runMaintenance(deps: MaintenanceDeps, settings: MaintenanceSettings): Promise<MaintenanceReport> {
  const expired = await expireStartedRegistrations(deps, { olderThanHours: settings.expireStartedAfterHours });
  const refunds = deps.farpay ? await reconcileOpenRefunds({ db: deps.db, farpay: deps.farpay }) : { settled: 0, failedPayments: 0 };
  const cardDisables = deps.fenerum ? await settleOpenDisables({ db: deps.db, fenerum: deps.fenerum }) : { completed: 0, notDone: 0, retryLater: 0 };
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
  return { ...expired, deleted: { ...deleted, setupStarts, linkRequests }, vacuum, refunds, cardDisables };
}

/** Runs the job soon after start and then every `intervalMs` until stopped; a failed run is logged and the next one tries again. */
export function startMaintenance(
  deps: MaintenanceDeps,
  settings: MaintenanceSettings,
  opts: { intervalMs?: number; firstAfterMs?: number; onError?: (err: unknown) => void } = {},
): { stop: () => Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const schedule = (ms: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = runMaintenance(deps, settings)
        .catch(opts.onError ?? ((err: unknown) => log.error({ err }, 'maintenance run failed')))
        .finally(() => schedule(opts.intervalMs ?? MAINTENANCE_INTERVAL_MS));
    }, ms);
    timer.unref();
  };
  schedule(opts.firstAfterMs ?? 30_000);
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
