import { log } from '@/lib/log';
/**
 * Registrations to try after their responses, drained by one background task at a time instead
 * of one task per callback: under a burst of a thousand callbacks that is a few tasks, each trying
 * at most `concurrency` registrations at once, not a thousand tasks (each held open by the
 * framework after its response, each waiting for the database) competing with the callbacks still
 * to be answered. An id already waiting is not added twice.
 */
export function createAfterResponses(opts: {
  /** Schedules the drain after the current response (the composition root's background runner). */
  schedule: (name: string, task: () => Promise<unknown>) => void;
  attempt: (id: string) => Promise<unknown>;
  concurrency: number;
  /** True once the process is stopping: nothing more is taken (the rows stay queued, due now, for the worker of another instance). */
  stopped?: () => boolean;
}): (id: string) => void {
  const waiting = new Set<string>();
  let draining = false;

  const take = () => {
    if (opts.stopped?.()) return undefined;
    const [first] = waiting;
    if (first !== undefined) waiting.delete(first);
    return first;
  };
  const worker = async () => {
    for (let next = take(); next !== undefined; next = take()) {
      // A failure is the worker's to retry later (the row stays queued); the others still go.
      await opts.attempt(next).catch((err: unknown) => log.error({ err, registration: next }, 'registration not tried after its response'));
    }
  };
  const drain = async () => {
    try {
      await Promise.all(Array.from({ length: opts.concurrency }, worker));
    } finally {
      draining = false;
      // Added after the last worker looked: drained by a task of its own.
      if (waiting.size > 0 && !opts.stopped?.()) start();
    }
  };
  const start = () => {
    draining = true;
    opts.schedule('registrations after their responses', drain);
  };

  return (id) => {
    waiting.add(id);
    if (!draining) start();
  };
}
