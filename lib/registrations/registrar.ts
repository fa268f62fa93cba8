import type { Db } from '@/lib/db/connect';
import type { Actor } from '@/lib/fenerum/types';
import type { AttemptDeps, FenerumCards } from './attempt';
import { registerNow, type RegisterNowResult } from './register-now';

import { holdsFenerumCard, releaseRegistrationLeases } from './store';
import { createAfterResponses } from './after-responses';
import { startRegistrationWorker } from './worker';

/**
 * The one way a verified card reaches Fenerum. A gateway use case verifies and queues and
 * returns the Registration; its caller chooses when Fenerum is tried:
 * - `tryNow(id, waitMs, actor?)`: someone is waiting on the page; wait up to waitMs for the outcome
 *   (a staff member's "retry now" names them as `actor`: Fenerum gets X-User);
 * - `inBackground(id)`: a provider's callback must be answered first; try after the response.
 * Either way the worker finishes whatever is left, so nothing depends on the first try.
 */
export type Registrar = {
  tryNow(id: string, waitMs: number, actor?: Actor): Promise<RegisterNowResult>;
  inBackground(id: string): void;
  startWorker(): { stop: () => Promise<void> };
  /**
   * Shutting down: nothing more is claimed (the worker stops, registrations waiting to be tried
   * after their responses stay queued and due for another instance); resolves once the worker's
   * attempts under way have finished.
   */
  stopTaking(): Promise<void>;
  /** Gives back the leases of attempts still under way (the shutdown's grace is over); how many. */
  releaseHeld(): Promise<number>;
};

export type RegistrarDeps = {
  db: Db;
  /** For attempts after a response and the worker: a connection of their own (lib/db/connect.ts); `db` when not given. */
  backgroundDb?: Db;
  fenerum: FenerumCards;
  /** Schedules work after the response (the composition root's background runner). */
  schedule: (name: string, task: () => Promise<unknown>) => void;
  onRegistered?: AttemptDeps['onRegistered'];
};

export function attemptDeps(deps: Pick<RegistrarDeps, 'db' | 'fenerum' | 'onRegistered'>, held?: Set<string>): AttemptDeps {
  return { db: deps.db, fenerum: deps.fenerum, onRegistered: deps.onRegistered, alreadyRegistered: (uuid) => holdsFenerumCard(deps.db, uuid), held };
}

/** Registrations tried at once after responses: as many as the background pool's connections (lib/db/connect.ts). */
const AFTER_RESPONSE_CONCURRENCY = 4;

export function createRegistrar(deps: RegistrarDeps): Registrar {
  const held = new Set<string>();
  let stopping = false;
  const workers = new Set<{ stop: () => Promise<void> }>();
  const attempt = attemptDeps(deps, held);
  const later = deps.backgroundDb ? attemptDeps({ ...deps, db: deps.backgroundDb }, held) : attempt;
  return {
    tryNow: (id, waitMs, actor) => registerNow(attempt, id, waitMs, actor),
    inBackground: createAfterResponses({
      schedule: deps.schedule,
      attempt: (id) => registerNow(later, id, 0),
      concurrency: AFTER_RESPONSE_CONCURRENCY,
      stopped: () => stopping,
    }),
    startWorker: () => {
      const worker = startRegistrationWorker({ deps: later });
      workers.add(worker);
      return worker;
    },
    stopTaking: async () => {
      stopping = true;
      await Promise.all([...workers].map((w) => w.stop()));
    },
    releaseHeld: () => releaseRegistrationLeases(deps.backgroundDb ?? deps.db, [...held]),
  };
}
