import { PROCESS_HOLDER, refreshTick, type RefreshDeps, type RefreshSettings, REFRESH_SETTINGS } from './index-refresh';
import { every } from '@/lib/periodic';

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
  return every(
    'account index refresh',
    opts.intervalMs ?? TICK_MS,
    opts.firstAfterMs ?? 5_000,
    () => refreshTick(deps, PROCESS_HOLDER, opts.settings ?? REFRESH_SETTINGS),
    opts.onError,
  );
}
