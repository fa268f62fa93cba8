/**
 * One connection shared by requests and background work (PGlite is one Postgres backend in this
 * process, and takes one statement at a time, first come first served). Requests go first: a
 * background statement starts only when no request's statement is running or waiting, so an
 * acknowledgement never waits behind more than one background statement (or transaction: once
 * started, it runs to its end; its statements do not come back here).
 */
export type PriorityLane = {
  foreground<T>(run: () => Promise<T>): Promise<T>;
  background<T>(run: () => Promise<T>): Promise<T>;
  /** Statements of requests running or waiting now. */
  readonly busy: number;
};

export function createPriorityLane(): PriorityLane {
  let busy = 0;
  let backgroundRunning = false;
  const waiting: Array<() => void> = [];
  // One background statement at a time, and only when no request has one: woken all at once,
  // a thousand waiting attempts would join the connection's queue ahead of the next requests.
  const next = () => {
    if (backgroundRunning || busy > 0) return;
    const wake = waiting.shift();
    if (!wake) return;
    backgroundRunning = true;
    wake();
  };
  // After pending I/O: a request that has just arrived goes before the waiters.
  const nextSoon = () => setImmediate(next);
  return {
    get busy() {
      return busy;
    },
    async foreground(run) {
      busy++;
      try {
        return await run();
      } finally {
        if (--busy === 0) nextSoon();
      }
    },
    async background(run) {
      await new Promise<void>((resolve) => {
        waiting.push(resolve);
        nextSoon();
      });
      try {
        return await run();
      } finally {
        backgroundRunning = false;
        nextSoon();
      }
    },
  };
}

const LANED = new Set<PropertyKey>(['query', 'exec', 'transaction']);

/** The client with its statement methods (`query`, `exec`, `transaction`) run through one side of the lane. */
export function onLane<C extends object>(client: C, side: <T>(run: () => Promise<T>) => Promise<T>): C {
  return new Proxy(client, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop, target);
      if (typeof value !== 'function') return value;
      const method = value as (...args: unknown[]) => unknown;
      if (!LANED.has(prop)) return method.bind(target);
      return (...args: unknown[]) => side(() => Promise.resolve(method.apply(target, args)));
    },
  });
}
