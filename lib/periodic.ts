import { log } from '@/lib/log';

/**
 * A periodic task in this process: soon after start (`firstAfterMs`), then every `everyMs` after
 * each run ends, until stopped; a failed run is logged ("<name> failed") and the next one tries
 * again. The maintenance job, its card sweep and the account index's refresh each run on one.
 */
export function every(name: string, everyMs: number, firstAfterMs: number, run: () => Promise<unknown>, onError?: (err: unknown) => void) {
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const schedule = (ms: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = run()
        .catch(onError ?? ((err: unknown) => log.error({ err, job: name }, `${name} failed`)))
        .finally(() => schedule(everyMs));
    }, ms);
    timer.unref();
  };
  schedule(firstAfterMs);
  return {
    /** No new run starts; the one under way (if any) is awaited. */
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
