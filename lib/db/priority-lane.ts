/**
 * One connection shared by requests and background work (PGlite is one Postgres backend, on a
 * thread of this process, and takes one statement at a time, first come first served). Requests go first: a
 * background statement starts only when requests have left the connection alone for a moment,
 * one at a time, so an acknowledgement never waits behind more than one background statement
 * (or transaction: once started, it runs to its end; its statements do not come back here), and
 * a burst's CPU goes to the acknowledgements. Under endless requests background work still gets
 * a bounded share of the connection's time (LaneOptions.share), so it never starves and never
 * crowds requests out.
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
  /**
   * Under endless requests (no quiet moment), the most of the connection's time background work
   * may take: after a unit of work that held it for `t`, the next of its kind waits until requests
   * have had t × (1 − share) / share. `t` is a running average per kind, so a transaction that
   * crawled through a burst's round trips spaces the next ones out, and a quick one under steady
   * page traffic does not wait for long.
   */
  share?: number;
  /** The least a unit of background work waits under endless requests, however quick the last ones were. */
  minGapMs?: number;
  /** The most: background work under endless requests gets a turn at least this often. */
  maxGapMs?: number;
};

/** What a unit of work is taken to hold the connection for before one of its kind has been timed. */
const FIRST_GUESS_MS: Record<LaneWork, number> = { statement: 5, transaction: 50 };

export function createPriorityLane(opts: LaneOptions = {}): PriorityLane {
  const quietMs = opts.quietMs ?? 25;
  const share = opts.share ?? 0.1;
  const minGapMs = opts.minGapMs ?? 100;
  const maxGapMs = opts.maxGapMs ?? 10_000;
  let busy = 0;
  let lastRequest = 0;
  /** When the last unit of background work ended (0: none yet). */
  let lastBackgroundEnd = 0;
  let backgroundRunning = false;
  let timer: NodeJS.Timeout | undefined;
  const held: Record<LaneWork, number> = { ...FIRST_GUESS_MS };
  const waiting: Array<{ wake: () => void; since: number; kind: LaneWork }> = [];
  /** How long requests get the connection to themselves before the next unit of this kind may go. */
  const gap = (kind: LaneWork) => Math.min(maxGapMs, Math.max(minGapMs, (held[kind] * (1 - share)) / share));
  // One unit of background work at a time, once requests have left the connection alone for a
  // moment (between two requests of a burst there is always an instant with none running), or
  // once it has waited its gap (counted from its arrival or the last background unit's end,
  // whichever is later); the first waiting unit whose gap is over goes.
  const next = () => {
    if (backgroundRunning || waiting.length === 0 || timer) return;
    const now = Date.now();
    const quietIn = busy > 0 ? quietMs : quietMs - (now - lastRequest);
    const dueIn = waiting.map((w) => gap(w.kind) - (now - Math.max(w.since, lastBackgroundEnd)));
    const pick = quietIn <= 0 ? 0 : dueIn.findIndex((d) => d <= 0);
    if (pick < 0) {
      timer = setTimeout(
        () => {
          timer = undefined;
          next();
        },
        Math.max(1, Math.min(quietIn, ...dueIn)),
      );
      return;
    }
    const [chosen] = waiting.splice(pick, 1);
    if (!chosen) return;
    backgroundRunning = true;
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
      const started = Date.now();
      try {
        return await run();
      } finally {
        lastBackgroundEnd = Date.now();
        held[kind] = (held[kind] + (lastBackgroundEnd - started)) / 2;
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
