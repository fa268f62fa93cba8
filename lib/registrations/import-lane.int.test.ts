import { and, eq, inArray, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { registrations } from '@/lib/db/schema';
import type { PaymentCard } from '@/lib/domain/cards';
import { FenerumError } from '@/lib/fenerum/errors';
import type { CallOptions } from '@/lib/fenerum/types';
import { appContext } from '@/lib/server/context';
import { attemptRegistration } from './attempt';
import { attemptDeps } from './registrar';
import { claimRegistrations, queueImportedCards } from './store';
import { startRegistrationWorker } from './worker';

const card = (token: string): PaymentCard =>
  ({
    uuid: crypto.randomUUID(),
    accountUuid: 'acc',
    gateway: 'quickpay',
    brand: 'Visa',
    last4: '0006',
    expMonth: 1,
    expYear: 2040,
    active: true,
    token,
  }) as unknown as PaymentCard;

async function importedRegistration() {
  const { db } = await appContext();
  const token = String(Math.floor(Math.random() * 1e12) + 1);
  const [made] = await queueImportedCards(db, [{ accountCode: `LANE${token}`, accountUuid: crypto.randomUUID(), gateway: 'quickpay', token, card: null }]);
  if (!made) throw new Error('not queued');
  const [reg] = await claimRegistrations(db, { limit: 1, id: made.id });
  if (!reg) throw new Error('not claimed');
  return reg;
}

describe('an imported card at Fenerum (issue 27)', () => {
  it('is created in the bulk lane, so customers go first', async () => {
    const { db } = await appContext();
    const reg = await importedRegistration();
    const lanes: Array<CallOptions | undefined> = [];
    const fenerum = {
      createPaymentCard: async (input: { token: string }, _actor?: unknown, opts?: CallOptions) => {
        lanes.push(opts);
        return card(input.token);
      },
      listPaymentCards: async () => [],
    };
    const outcome = await attemptRegistration({ db, fenerum, alreadyRegistered: async () => false }, reg);
    expect(outcome.status).toBe('registered');
    expect(lanes).toEqual([{ priority: 'bulk' }]);
  });

  it('turned away by the bulk lane (its share spent) is due again after the Retry-After, however many times it was', async () => {
    const { db } = await appContext();
    const reg = { ...(await importedRegistration()), attempts: 12 };
    const fenerum = {
      createPaymentCard: async (): Promise<PaymentCard> => {
        throw new FenerumError({ kind: 'over_budget', status: 0, retryAfterSeconds: 2, priority: 'bulk', operation: 'POST /paymentcards/' });
      },
      listPaymentCards: async () => [],
    };
    const outcome = await attemptRegistration({ db, fenerum, alreadyRegistered: async () => false }, reg);
    expect(outcome.status).toBe('retrying');
    const [row] = await db
      .select({ status: registrations.status, inSeconds: sql<number>`extract(epoch from ${registrations.nextAttemptAt} - now())` })
      .from(registrations)
      .where(eq(registrations.id, reg.id));
    expect(row?.status).toBe('queued');
    // Not the 12th attempt's backoff (half an hour): the lane's Retry-After, with some spread.
    expect(Number(row?.inSeconds)).toBeGreaterThan(1);
    expect(Number(row?.inSeconds)).toBeLessThan(4);
  });

  it('while the bulk lane is spent, the worker leaves the other imported cards in the table, and a customer’s card still goes through', async () => {
    const { db, fenerum: real } = await appContext();
    const tokens = Array.from({ length: 30 }, () => String(Math.floor(Math.random() * 1e12) + 1));
    const made = await queueImportedCards(
      db,
      tokens.map((token) => ({ accountCode: `LANE${token}`, accountUuid: crypto.randomUUID(), gateway: 'quickpay' as const, token, card: null })),
    );
    const ids = made.map((m) => m.id);
    // One of them a customer's own card (not an import): it must not wait behind the import.
    const customers = tokens[0] ?? '';
    await db
      .update(registrations)
      .set({ origin: null })
      .where(eq(registrations.id, ids[0] ?? ''));
    const refused: string[] = [];
    const fenerum = {
      ...real,
      createPaymentCard: async (input: { accountUuid: string; gateway: 'quickpay' | 'stripe_new'; token: string }, actor?: unknown, opts?: CallOptions) => {
        if (input.token === customers) return card(input.token);
        // Another file's registration on a shared database: Fenerum as it is.
        if (!tokens.includes(input.token)) return real.createPaymentCard(input, undefined, opts);
        refused.push(input.token);
        throw new FenerumError({ kind: 'over_budget', status: 0, retryAfterSeconds: 30, priority: 'bulk', operation: 'POST /paymentcards/' });
      },
    };
    const worker = startRegistrationWorker({ deps: attemptDeps({ db, fenerum }), idleMs: 20, concurrency: 2 });
    try {
      await expect
        .poll(
          async () =>
            (
              await db
                .select({ status: registrations.status })
                .from(registrations)
                .where(eq(registrations.id, ids[0] ?? ''))
            )[0]?.status,
          {
            timeout: 10_000,
          },
        )
        .toBe('registered');
      await new Promise((r) => setTimeout(r, 500));
    } finally {
      await worker.stop();
      await db.delete(registrations).where(and(eq(registrations.status, 'queued'), inArray(registrations.id, ids)));
    }
    // One refusal per lane at most, not one per imported card (29 waiting).
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.length).toBeLessThanOrEqual(2);
  });
});
