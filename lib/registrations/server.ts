import 'server-only';
import { forgetCards } from '@/lib/cards/portal';
import { getDb } from '@/lib/db';
import { processSingleton } from '@/lib/process-singleton';
import { fenerum } from '@/lib/fenerum';
import type { FenerumCards } from './attempt';
import { registerNow, type RegisterNowResult } from './register-now';
import { startRegistrationWorker } from './worker';

/** Fenerum, as the registration use cases need it; the portal's card cache is dropped on success. */
function fenerumCards(): FenerumCards {
  return {
    createPaymentCard: async (input) => {
      const card = await fenerum().createPaymentCard(input);
      forgetCards(input.accountUuid);
      return card;
    },
    listPaymentCards: (account) => fenerum().listPaymentCards(account),
  };
}

/** Try now, while the customer waits; the worker finishes whatever this does not. */
export async function registerQueued(id: string, waitMs?: number): Promise<RegisterNowResult> {
  return registerNow(await getDb(), fenerumCards(), id, waitMs);
}

/** Start an attempt without waiting for it (a provider's callback must be answered quickly). */
export function registerInBackground(id: string): void {
  void registerQueued(id, 0).catch((err: unknown) => console.error('registration attempt failed; the worker will retry', err));
}

/** One worker per server process (instrumentation.ts starts it). */
export async function startWorker(): Promise<void> {
  const db = await getDb();
  processSingleton('registration-worker', () => startRegistrationWorker({ db, fenerum: fenerumCards() }));
}
