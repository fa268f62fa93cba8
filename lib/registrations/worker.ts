import { attemptRegistration, type AttemptDeps } from './attempt';
import { claimRegistrations } from './store';
import { log } from '@/lib/log';

export type WorkerOptions = {
  deps: AttemptDeps;
  /** How often to look for due work when there was none. */
  idleMs?: number;
  /** Registrations in flight at once; the Fenerum client's limiter paces the calls. */
  concurrency?: number;
  onError?: (err: unknown) => void;
};

/**
 * Drains the registration queue until stopped: claims due rows (safe with several instances
 * on one Postgres), tries each at Fenerum, reschedules failures with backoff; a bulk import's
 * cards wait out the bulk lane's refusal here, not one claim at a time. A restart loses
 * nothing: the queue is the table, and an expired lease frees a row a dead process held.
 */
export function startRegistrationWorker(opts: WorkerOptions): { stop: () => Promise<void> } {
  const { deps } = opts;
  const idleMs = opts.idleMs ?? 1_000;
  const concurrency = opts.concurrency ?? 4;
  let running = true;
  let wake: (() => void) | undefined;
  // While Fenerum's bulk lane is spent, imported cards are left in the table: claiming each only
  // for the limiter to refuse it would churn through thousands of rows a minute for nothing.
  let importsWaitUntil = 0;

  const lane = async () => {
    while (running) {
      try {
        const [reg] = await claimRegistrations(deps.db, { limit: 1, skipImported: Date.now() < importsWaitUntil });
        if (reg) {
          const outcome = await attemptRegistration(deps, reg);
          if (outcome.status === 'retrying' && outcome.budgetWaitMs !== undefined && reg.origin === 'import')
            importsWaitUntil = Math.max(importsWaitUntil, Date.now() + outcome.budgetWaitMs);
          continue;
        }
      } catch (err) {
        (opts.onError ?? ((e: unknown) => log.error({ err: e }, 'registration worker')))(err);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, idleMs);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  };
  const lanes = Array.from({ length: concurrency }, lane);
  return {
    stop: async () => {
      running = false;
      wake?.();
      await Promise.allSettled(lanes);
    },
  };
}
