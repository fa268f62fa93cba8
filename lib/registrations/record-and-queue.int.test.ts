import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { inbox } from '@/lib/db/schema';
import { appContext } from '@/lib/server/context';
import { recordAndQueue } from './record-and-queue';
import { statementsDuring } from '@/test/support/statements';
import { getRegistration, startRegistration } from './store';

const card = { brand: 'Visa', last4: '0008', expMonth: 12, expYear: 2030 };

async function started() {
  const { db } = await appContext();
  const ref = String(Math.floor(Math.random() * 1e12));
  const reg = await startRegistration(db, {
    id: randomUUID(),
    gateway: 'quickpay',
    providerRef: ref,
    orderId: `o-${ref}`,
    accountCode: `acc-${ref}`,
    accountUuid: randomUUID(),
  });
  return { db, reg, ref, event: (n = 1) => ({ provider: 'quickpay', eventKey: `test:${ref}:${n}`, payload: { id: Number(ref), n } }) };
}

const storedEvents = async (key: string) => {
  const { db } = await appContext();
  return db
    .select()
    .from(inbox)
    .where(and(eq(inbox.provider, 'quickpay'), eq(inbox.eventKey, key)));
};

describe('a callback acknowledged with one statement', () => {
  it('stores the event and queues our started registration with the card, in one go', async () => {
    const { db, reg, ref, event } = await started();
    const out = await recordAndQueue(db, event(), { gateway: 'quickpay', providerRef: ref }, { orderId: `o-${ref}`, token: ref, card });
    expect(out).toEqual({ registration: { id: reg.id, status: 'started', orderId: `o-${ref}` }, queuedNow: true });
    expect(await getRegistration(db, reg.id)).toMatchObject({ status: 'queued', token: ref, cardBrand: 'Visa', cardLast4: '0008', cardExpYear: 2030 });
    expect(await storedEvents(`test:${ref}:1`)).toHaveLength(1);
  });

  it('a repeat is stored once and queues nothing again', async () => {
    const { db, reg, ref, event } = await started();
    const queue = { orderId: `o-${ref}`, token: ref, card };
    await recordAndQueue(db, event(), { gateway: 'quickpay', providerRef: ref }, queue);
    const again = await recordAndQueue(db, event(), { gateway: 'quickpay', providerRef: ref }, queue);
    expect(again).toEqual({ registration: { id: reg.id, status: 'queued', orderId: `o-${ref}` }, queuedNow: false });
    expect(await storedEvents(`test:${ref}:1`)).toHaveLength(1);
  });

  it('another order id stores the event but queues nothing', async () => {
    const { db, reg, ref, event } = await started();
    const out = await recordAndQueue(db, event(), { gateway: 'quickpay', providerRef: ref }, { orderId: 'someone-else', token: ref, card });
    expect(out.queuedNow).toBe(false);
    expect((await getRegistration(db, reg.id))?.status).toBe('started');
    expect(await storedEvents(`test:${ref}:1`)).toHaveLength(1);
  });

  it('without a card to queue, or for a subscription we never started, the event is still stored', async () => {
    const { db, reg, ref, event } = await started();
    expect(await recordAndQueue(db, event(2), { gateway: 'quickpay', providerRef: ref })).toMatchObject({ queuedNow: false, registration: { id: reg.id } });
    expect((await getRegistration(db, reg.id))?.status).toBe('started');
    const stranger = String(Math.floor(Math.random() * 1e12));
    const out = await recordAndQueue(
      db,
      { provider: 'quickpay', eventKey: `test:${stranger}`, payload: {} },
      { gateway: 'quickpay', providerRef: stranger },
      { orderId: 'x', token: stranger, card },
    );
    expect(out).toEqual({ registration: undefined, queuedNow: false });
    expect(await storedEvents(`test:${stranger}`)).toHaveLength(1);
  });
});

describe('callbacks arriving together (group commit)', () => {
  it('share statements, and each gets the answer it would have had alone', async () => {
    const regs = await Promise.all(Array.from({ length: 30 }, () => started()));
    const queueOf = (r: (typeof regs)[number]) => ({ orderId: `o-${r.ref}`, token: r.ref, card });
    const [first, second] = regs as [(typeof regs)[number], (typeof regs)[number]];
    const { result, statements } = await statementsDuring(() =>
      Promise.all([
        ...regs.map((r) => recordAndQueue(r.db, r.event(), { gateway: 'quickpay', providerRef: r.ref }, queueOf(r))),
        // QuickPay delivering one callback twice at once, and a second callback for another subscription without a card.
        recordAndQueue(first.db, first.event(), { gateway: 'quickpay', providerRef: first.ref }, queueOf(first)),
        recordAndQueue(second.db, second.event(2), { gateway: 'quickpay', providerRef: second.ref }),
      ]),
    );
    expect(statements).toBeLessThan(10);
    regs.forEach((r, i) => expect(result[i]).toEqual({ registration: { id: r.reg.id, status: 'started', orderId: `o-${r.ref}` }, queuedNow: true }));
    expect(result[30]?.registration?.id).toBe(first.reg.id);
    // Before or after its queuing callback, depending on the statement it shared: never queued by itself.
    expect(result[31]).toMatchObject({ registration: { id: second.reg.id }, queuedNow: false });
    for (const r of regs) {
      expect((await getRegistration(r.db, r.reg.id))?.status).toBe('queued');
      expect(await storedEvents(`test:${r.ref}:1`)).toHaveLength(1);
    }
    expect(await storedEvents(`test:${second.ref}:2`)).toHaveLength(1);
  });

  it('one that cannot be stored fails alone: the others in its statement are stored and queued', async () => {
    const regs = await Promise.all(Array.from({ length: 6 }, () => started()));
    const outcomes = await Promise.allSettled(
      regs.map((r, i) =>
        recordAndQueue(
          r.db,
          // Postgres refuses a NUL character in jsonb: this event fails whichever statement carries it.
          i === 3 ? { ...r.event(), payload: { note: 'nul \u0000 here' } } : r.event(),
          { gateway: 'quickpay', providerRef: r.ref },
          { orderId: `o-${r.ref}`, token: r.ref, card },
        ),
      ),
    );
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    for (const [i, r] of regs.entries()) {
      expect((await getRegistration(r.db, r.reg.id))?.status).toBe(i === 3 ? 'started' : 'queued');
      expect(await storedEvents(`test:${r.ref}:1`)).toHaveLength(i === 3 ? 0 : 1);
    }
  });
});
