import { releaseMail } from './outbox';
import { sendDueMail, type SendDeps } from './send';
import { log } from '@/lib/log';

export type MailWorker = {
  /** Claims nothing more; the claimed messages not yet sent go back at once; the one being sent is awaited. */
  stop: () => Promise<void>;
  wake: () => void;
  /** Gives back what is still claimed (a send that outlived the shutdown's grace): another instance takes it now. */
  release: () => Promise<number>;
};

/**
 * Drains the outbox until stopped: claims due messages (safe with several instances on one
 * Postgres), sends them, reschedules failures with backoff. `wake()` looks at once (after a
 * message was queued) instead of at the next tick.
 */
export function startMailWorker(deps: SendDeps, opts: { idleMs?: number; onError?: (err: unknown) => void } = {}): MailWorker {
  const idleMs = opts.idleMs ?? 5_000;
  let running = true;
  let wake: (() => void) | undefined;
  let woken = false;
  const held = new Set<string>();

  const loop = async () => {
    while (running) {
      woken = false;
      try {
        if ((await sendDueMail(deps, { limit: 10, stopped: () => !running, held })) > 0) continue;
      } catch (err) {
        (opts.onError ?? ((e: unknown) => log.error({ err: e }, 'mail worker')))(err);
      }
      if (woken || !running) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, idleMs);
        timer.unref?.();
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = undefined;
    }
  };
  const done = loop();
  return {
    wake: () => {
      woken = true;
      wake?.();
    },
    stop: async () => {
      running = false;
      wake?.();
      await done;
    },
    release: () => releaseMail(deps.db, [...held], { tried: true }),
  };
}
