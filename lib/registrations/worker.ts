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
 * on one Postgres), tries each at Fenerum, reschedules failures with backoff. A restart loses
 * nothing: the queue is the table, and an expired lease frees a row a dead process held.
 */
export function startRegistrationWorker(opts: WorkerOptions): { stop: () => Promise<void> } {
  const { deps } = opts;
  const idleMs = opts.idleMs ?? 1_000;
  const concurrency = opts.concurrency ?? 4;
  let running = true;
  let wake: (() => void) | undefined;

  const lane = async () => {
    while (running) {
      try {
        const [reg] = await claimRegistrations(deps.db, { limit: 1 });
        if (reg) {
          await attemptRegistration(deps, reg);
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
