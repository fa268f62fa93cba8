/**
 * The merchant's API, a few requests at a time (issue 25, the links row). A burst from the
 * merchant's backend (a hundred link requests sent at once) used to enter Next all together: every
 * one of them was parsed, routed and answered in turns with the customers' pages, whose own steps
 * (a database query, a Fenerum call) each waited behind the whole burst's. Nor was it cheaper to
 * refuse them: a hundred requests turned away at once kept a customer's page waiting as long as a
 * hundred served (the responses Next had built were written only once the whole burst was in).
 *
 * So the front door (front-door.ts) lets at most `limit` of the API's requests into Next at a time
 * and holds the others, unread, in arrival order; a customer's page is never held. Past `maxQueued`
 * waiting, a request is answered 503 at once (try again in a second), so a runaway caller cannot
 * pile up the process's memory. A request whose caller hung up while it waited is dropped, never
 * started.
 */
export type Gate = {
  /** Starts `run` now or once a request ahead of it has finished (`done`, once, when its response is over); false when the queue is full. */
  enter(run: (done: () => void) => void, stillWanted?: () => boolean): boolean;
  readonly running: number;
  readonly queued: number;
};

/** How many requests go in at a time, and how many may wait. */
export type GateLimits = { limit: number; maxQueued: number };

export function createGate(opts: GateLimits): Gate {
  let running = 0;
  const queue: Array<{ run: (done: () => void) => void; stillWanted: () => boolean }> = [];

  const start = (run: (done: () => void) => void) => {
    running++;
    let finished = false;
    run(() => {
      if (finished) return;
      finished = true;
      running--;
      next();
    });
  };
  const next = () => {
    while (running < opts.limit && queue.length > 0) {
      const waiter = queue.shift();
      if (waiter?.stillWanted()) start(waiter.run);
    }
  };

  return {
    enter(run, stillWanted = () => true) {
      if (running < opts.limit && queue.length === 0) {
        start(run);
        return true;
      }
      if (queue.length >= opts.maxQueued) return false;
      queue.push({ run, stillWanted });
      return true;
    },
    get running() {
      return running;
    },
    get queued() {
      return queue.length;
    },
  };
}

/** Requests of the merchant's API (PORTAL_API_KEY): link requests and imports. Not /api/metrics (a scraper must get through a burst). */
export function isMerchantApi(url: string | undefined): boolean {
  const path = (url ?? '/').split('?')[0] ?? '/';
  return /^\/api\/(links|imports)(\/|$)/.test(path);
}
