/**
 * One connection shared by requests and background work (PGlite is one Postgres backend, on a
 * thread of this process, and takes one statement at a time, first come first served). Requests go first: a
 * background statement starts only when requests have left the connection alone for a moment
 * (or background work has waited a second), one at a time, so an acknowledgement never waits
 * behind more than one background statement (or transaction: once started, it runs to its end;
 * its statements do not come back here), and a burst's CPU goes to the acknowledgements.
 */
export type PriorityLane = {
  foreground<T>(run: () => Promise<T>): Promise<T>;
  background<T>(run: () => Promise<T>, kind?: LaneWork): Promise<T>;
  /** Statements of requests running or waiting now. */
  readonly busy: number;
};

/**
 * A statement holds the connection once; a transaction holds it across several round trips,
 * each waiting for this thread's turn, so under load one can hold requests up for a while.
 */
export type LaneWork = 'statement' | 'transaction';

export type LaneOptions = {
  /** How long no request may have touched the connection before background work goes. */
  quietMs?: number;
  /** Background work still gets one statement this often under endless requests, so it never starves. */
  starveMs?: number;
  /** The same for a transaction, which only a longer wait lets in under endless requests. */
  transactionStarveMs?: number;
};

export function createPriorityLane(opts: LaneOptions = {}): PriorityLane {
  const quietMs = opts.quietMs ?? 25;
  const starveMs = opts.starveMs ?? 1_000;
  const transactionStarveMs = opts.transactionStarveMs ?? 10_000;
  let busy = 0;
  let lastRequest = 0;
  let lastBackground = 0;
  let backgroundRunning = false;
  let timer: NodeJS.Timeout | undefined;
  const waiting: Array<{ wake: () => void; since: number; kind: LaneWork }> = [];
  // One background statement at a time, once requests have left the connection alone for a
  // moment (between two requests of a burst there is always an instant with none running), or
  // when background work has waited starveMs (a transaction: transactionStarveMs; a statement
  // behind it may go first).
  const next = () => {
    if (backgroundRunning || waiting.length === 0 || timer) return;
    const now = Date.now();
    const quietIn = busy > 0 ? quietMs : quietMs - (now - lastRequest);
    // Waited for since it came, or since the last background statement, whichever is later.
    const starvedIn = (kind: LaneWork) => {
      const first = waiting.find((w) => w.kind === kind);
      return first ? (kind === 'transaction' ? transactionStarveMs : starveMs) - (now - Math.max(first.since, lastBackground)) : Infinity;
    };
    const statementIn = starvedIn('statement');
    const transactionIn = starvedIn('transaction');
    const pick = quietIn <= 0 ? 0 : waiting.findIndex((w) => (w.kind === 'statement' ? statementIn : transactionIn) <= 0);
    if (pick < 0) {
      timer = setTimeout(
        () => {
          timer = undefined;
          next();
        },
        Math.min(quietIn, statementIn, transactionIn),
      );
      return;
    }
    const [chosen] = waiting.splice(pick, 1);
    if (!chosen) return;
    backgroundRunning = true;
    lastBackground = now;
    chosen.wake();
  };
  return {
    get busy() {
      return busy;
    },
    async foreground(run) {
      busy++;
      lastRequest = Date.now();
      try {
        return await run();
      } finally {
        busy--;
        lastRequest = Date.now();
      }
    },
    async background(run, kind = 'statement') {
      await new Promise<void>((resolve) => {
        waiting.push({ wake: resolve, since: Date.now(), kind });
        next();
      });
      try {
        return await run();
      } finally {
        backgroundRunning = false;
        next();
      }
    },
  };
}

const LANED = new Set<PropertyKey>(['query', 'exec', 'transaction']);

/** The client with its statement methods (`query`, `exec`, `transaction`) run through one side of the lane. */
export function onLane<C extends object>(client: C, side: <T>(run: () => Promise<T>, kind: LaneWork) => Promise<T>): C {
  return new Proxy(client, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop, target);
      if (typeof value !== 'function') return value;
      const method = value as (...args: unknown[]) => unknown;
      if (!LANED.has(prop)) return method.bind(target);
      const kind: LaneWork = prop === 'transaction' ? 'transaction' : 'statement';
      return (...args: unknown[]) => side(() => Promise.resolve(method.apply(target, args)), kind);
    },
  });
}
