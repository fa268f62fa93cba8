import { log } from '@/lib/log';

/**
 * A clean stop on SIGTERM (a deploy, a scale-down, `docker stop`) or SIGINT:
 * 1. the instance stops taking new work: the readiness route answers 503 (lib/server/readiness.ts),
 *    Next stops accepting connections, and every worker stops claiming (registrations, mail,
 *    Fenerum webhook retries, maintenance and the card sweep);
 * 2. what is in flight finishes (requests, the work after their responses, each worker's current
 *    item), for at most the grace period (SHUTDOWN_GRACE_SECONDS);
 * 3. the leases still held (an attempt or a send that outlived the grace) are given back, due at
 *    once, so another instance takes them now instead of when they run out;
 * 4. the process exits.
 * A registration acknowledged but not yet tried stays queued and due: another instance's worker
 * (or this one after its restart) takes it at once.
 */

/** One kind of background work: `stop` claims nothing more and resolves once its current item is done. */
type StoppableWork = { name: string; stop: () => Promise<void> };

export type ShutdownPlan = {
  graceMs: number;
  work: StoppableWork[];
  /** Resolves when the work started after responses (and outside requests) has settled. */
  idle: () => Promise<void>;
  /** Gives back what is still leased; how many rows, per kind. */
  release: () => Promise<Record<string, number>>;
  /** Where the stop is told (tests pass their own); the app's logger by default. */
  log?: StopLog;
};

export type Shutdown = {
  /** Begins the stop (once; a second signal changes nothing). Resolves when leases are released: the process may exit. */
  begin(signal: string): Promise<void>;
  readonly draining: boolean;
};

const sleep = (ms: number) =>
  new Promise<'late'>((resolve) => {
    const t = setTimeout(() => resolve('late'), ms);
    t.unref?.();
  });

/** A sentence, and the error that came with it. */
type StopLog = Record<'info' | 'warn' | 'error', (message: string, err?: unknown) => void>;
const appLog: StopLog = {
  info: (message) => log.info(message),
  warn: (message, err) => log.warn({ err }, message),
  error: (message, err) => log.error({ err }, message),
};

export function createShutdown(plan: ShutdownPlan, now: () => number = Date.now): Shutdown {
  const say = plan.log ?? appLog;
  let done: Promise<void> | undefined;
  const run = async (signal: string) => {
    const started = now();
    say.info(`${signal}: taking no new work; finishing what is in flight (at most ${plan.graceMs} ms)`);
    const finished = (async () => {
      await Promise.all(
        plan.work.map((w) =>
          w.stop().catch((err: unknown) => {
            say.error(`stopping ${w.name} failed`, err);
          }),
        ),
      );
      await plan.idle();
      return 'done' as const;
    })();
    const outcome = await Promise.race([finished, sleep(plan.graceMs)]);
    if (outcome === 'late') say.warn(`${signal}: the grace period is over with work still in flight; giving its leases back`);
    const released = await plan.release().catch((err: unknown) => {
      say.error('giving leases back failed (they run out on their own)', err);
      return {};
    });
    const given = Object.entries(released).filter(([, n]) => n > 0);
    // Leases given back mean work was cut short (another instance finishes it): a warning, not news.
    const tell = given.length ? say.warn : say.info;
    tell(`${signal}: stopped in ${now() - started} ms${given.length ? `; leases given back: ${given.map(([k, n]) => `${n} ${k}`).join(', ')}` : ''}`);
  };
  return {
    begin(signal) {
      done ??= run(signal);
      return done;
    },
    get draining() {
      return done !== undefined;
    },
  };
}

const STATE = Symbol.for('card-portal:shutdown');
type State = { shutdown?: Shutdown };
const state = (): State => {
  const g = globalThis as typeof globalThis & { [STATE]?: State };
  return (g[STATE] ??= {});
};

/** True once this process has begun to stop (the readiness route answers 503). */
export function isDraining(): boolean {
  return state().shutdown?.draining ?? false;
}

/**
 * Installs the stop on SIGTERM and SIGINT, once per process. Next's own handler (next start,
 * the standalone server.js) closes the HTTP server, waits for requests and their `after()` work,
 * then calls process.exit: that exit is held until the plan above is done (within the grace), so
 * neither cuts the other short. Should Next not exit by itself (NEXT_MANUAL_SIG_HANDLE), the
 * process exits once the plan is done and the grace has passed for Next's part.
 */
export function installShutdown(plan: ShutdownPlan): void {
  const s = state();
  if (s.shutdown) return;
  const shutdown = createShutdown(plan);
  s.shutdown = shutdown;
  const exit = process.exit.bind(process);
  let asked: number | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    if (shutdown.draining) return;
    const deadline = Date.now() + plan.graceMs;
    process.exit = ((code?: number | string | null) => {
      asked = typeof code === 'number' ? code : 0;
      // Held until our part is done; then the exit Next asked for.
      void shutdown.begin(signal).then(() => exit(asked));
      return undefined as never;
    }) as typeof process.exit;
    void shutdown.begin(signal).then(async () => {
      // Next's part (closing the server, awaiting requests) may still run: give it the rest of the grace.
      while (asked === undefined && Date.now() < deadline) await sleep(50);
      exit(asked ?? (signal === 'SIGTERM' ? 143 : 130));
    });
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
