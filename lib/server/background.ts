import { after } from 'next/server';
import { log } from '@/lib/log';

export type Background = {
  /** Runs `task` after the response has been sent; its failure is logged, never lost silently. */
  run(name: string, task: () => Promise<unknown>): void;
  /** Resolves when every task started so far has settled (tests, graceful shutdown). */
  idle(): Promise<void>;
};

/**
 * Work that must not hold up a response: scheduled with Next's `after()`, which keeps the
 * request's work alive until it settles. Outside a request (tests, scripts, the worker) there
 * is nothing to wait for, so it starts at once; either way it is tracked, so `idle()` can
 * await it instead of a test sleeping.
 */
export function createBackground(): Background {
  const pending = new Set<Promise<void>>();
  const start = (name: string, task: () => Promise<unknown>): Promise<void> => {
    const p: Promise<void> = task()
      .then(() => undefined)
      .catch((err: unknown) => log.error({ err, task: name }, 'background task failed'))
      .finally(() => pending.delete(p));
    pending.add(p);
    return p;
  };
  return {
    run(name, task) {
      try {
        after(() => start(name, task));
      } catch {
        // Not inside a request: nothing to answer first.
        void start(name, task);
      }
    },
    async idle() {
      while (pending.size) await Promise.allSettled([...pending]);
    },
  };
}
