import { PROCESS_HOLDER, refreshTick, type RefreshDeps, type RefreshSettings, REFRESH_SETTINGS } from './index-refresh';
import { log } from '@/lib/log';

/** A tick every half minute: what changed in Fenerum is found within about that, at a call or so a tick. */
const TICK_MS = 30_000;

/**
 * The account index's background refresh, in every instance: each tick takes the lease (one
 * instance refreshes at a time; a dead one's lease runs out after two minutes), reads what
 * changed, and goes on with the hourly full refresh, in the bulk lane. A failed tick is logged
 * and the next one tries again.
 */
export function startAccountIndex(
  deps: RefreshDeps,
  opts: { intervalMs?: number; firstAfterMs?: number; settings?: RefreshSettings; onError?: (err: unknown) => void } = {},
): { stop: () => Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const schedule = (ms: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = refreshTick(deps, PROCESS_HOLDER, opts.settings ?? REFRESH_SETTINGS)
        .catch(opts.onError ?? ((err: unknown) => log.error({ err }, 'account index refresh failed')))
        .finally(() => schedule(opts.intervalMs ?? TICK_MS));
    }, ms);
    timer.unref();
  };
  schedule(opts.firstAfterMs ?? 5_000);
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
