import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { registrations } from '@/lib/db/schema';
import type { PaymentCard } from '@/lib/domain/cards';
import { FenerumError } from '@/lib/fenerum/errors';
import type { CallOptions } from '@/lib/fenerum/types';
import { appContext } from '@/lib/server/context';
import { attemptRegistration } from './attempt';
import { queueImportedCards } from './imported';
import { claimRegistrations } from './store';

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
});
