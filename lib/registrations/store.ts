import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { rowsOf } from '@/lib/db/rows';
import { audit } from '@/lib/audit';
import type { Db } from '@/lib/db/connect';
import { registrations, type RegistrationRefusal } from '@/lib/db/schema';
import type { CardSummary } from '@/lib/domain/cards';
import type { PaymentCard } from '@/lib/domain/cards';

/** Every query of the registrations table lives here. */
export type Registration = typeof registrations.$inferSelect;

/** What the customer is shown of a registration's card; null until the provider told us the card. */
export function cardSummaryOf(r: Registration): CardSummary | null {
  if (!r.cardLast4) return null;
  return { brand: r.cardBrand ?? 'Card', last4: r.cardLast4, expMonth: r.cardExpMonth ?? 0, expYear: r.cardExpYear ?? 0 };
}

/** A lease long enough for a rate-limited Fenerum call with its retries. */
const LEASE_MS = 60_000;

/**
 * Records a card the customer has started to add. A provider id is registered once: one we
 * already hold (a provider reusing ids, a sandbox restarted against an old database) is an
 * error, never a quiet return of the older registration.
 */
export async function startRegistration(
  db: Db,
  input: {
    id: string;
    gateway: Registration['gateway'];
    providerRef: string;
    orderId?: string;
    accountCode: string;
    accountUuid: string;
    linkId?: string;
  },
): Promise<Registration> {
  const [row] = await db
    .insert(registrations)
    .values({ status: 'started', ...input })
    .onConflictDoNothing({ target: [registrations.gateway, registrations.providerRef] })
    .returning();
  if (!row) throw new Error(`${input.gateway} ${input.providerRef} is already registered here`);
  return row;
}

/** The newest setup this session (its link) started with `gateway` and has not finished: the one to offer again. */
export async function findOpenStart(db: Db, gateway: Registration['gateway'], accountCode: string, linkId: string): Promise<Registration | undefined> {
  const [row] = await db
    .select()
    .from(registrations)
    .where(
      and(
        eq(registrations.gateway, gateway),
        eq(registrations.accountCode, accountCode),
        eq(registrations.linkId, linkId),
        eq(registrations.status, 'started'),
      ),
    )
    .orderBy(desc(registrations.createdAt))
    .limit(1);
  return row;
}

export async function getRegistration(db: Db, id: string): Promise<Registration | undefined> {
  const [row] = await db.select().from(registrations).where(eq(registrations.id, id)).limit(1);
  return row;
}

/** True when one of our registrations already holds this Fenerum card. */
export async function holdsFenerumCard(db: Db, fenerumCardUuid: string): Promise<boolean> {
  const rows = await db.select({ id: registrations.id }).from(registrations).where(eq(registrations.fenerumCardUuid, fenerumCardUuid)).limit(1);
  return rows.length > 0;
}

export async function findRegistration(db: Db, gateway: Registration['gateway'], providerRef: string): Promise<Registration | undefined> {
  const [row] = await db
    .select()
    .from(registrations)
    .where(and(eq(registrations.gateway, gateway), eq(registrations.providerRef, providerRef)))
    .limit(1);
  return row;
}

/**
 * The provider confirmed the card: queue it for Fenerum (once; later calls change nothing). An
 * expired registration is queued too: a provider that confirmed it after all (a QuickPay window
 * finished late) has the card, and Fenerum must get it.
 */
export async function queueRegistration(db: Db, id: string, token: string, card: CardSummary | null): Promise<Registration | undefined> {
  await db
    .update(registrations)
    .set({
      status: 'queued',
      token,
      cardBrand: card?.brand,
      cardLast4: card?.last4,
      cardExpMonth: card?.expMonth,
      cardExpYear: card?.expYear,
      nextAttemptAt: sql`now()`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(registrations.id, id), inArray(registrations.status, ['started', 'expired'])));
  return getRegistration(db, id);
}

/**
 * Takes the lease on due registrations (or on one by id): several processes may call this at
 * once, and each row goes to exactly one of them (FOR UPDATE SKIP LOCKED, then a lease).
 */
export async function claimRegistrations(db: Db, opts: { limit: number; id?: string; leaseMs?: number }): Promise<Registration[]> {
  const lease = `${opts.leaseMs ?? LEASE_MS} milliseconds`;
  const byId = opts.id ? sql`and id = ${opts.id}` : sql`and next_attempt_at <= now()`;
  const rows = await db.execute(sql`
    update registrations set
      -- a lease still set means the last holder died mid-attempt: Fenerum may have the card
      uncertain = uncertain or lease_until is not null,
      lease_until = now() + ${lease}::interval, attempts = attempts + 1, updated_at = now()
    where id in (
      select id from registrations
      where status = 'queued' ${byId} and (lease_until is null or lease_until < now())
      order by next_attempt_at limit ${opts.limit}
      for update skip locked)
    returning id`);
  const ids = rowsOf<{ id: string }>(rows).map((r) => r.id);
  if (ids.length === 0) return [];
  return db.select().from(registrations).where(inArray(registrations.id, ids));
}

/**
 * Gives back leases this process holds (it is shutting down and cannot wait for the attempts):
 * due at once, so another instance takes them now instead of when the lease runs out, and
 * uncertain, since Fenerum may have acted on the call still under way (the next attempt looks
 * for the card before it creates one).
 */
export async function releaseRegistrationLeases(db: Db, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const rows = await db
    .update(registrations)
    .set({ leaseUntil: null, uncertain: true, nextAttemptAt: sql`now()`, updatedAt: sql`now()` })
    .where(and(inArray(registrations.id, ids), eq(registrations.status, 'queued'), sql`${registrations.leaseUntil} is not null`))
    .returning({ id: registrations.id });
  return rows.length;
}

/** Postgres' unique_violation, as node-postgres and PGlite report it (drizzle may wrap it in `cause`). */
function isUniqueViolation(err: unknown): boolean {
  for (let e: unknown = err; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

/**
 * Fenerum has the card: the registration holds it. False when another registration already
 * holds that card (two uncertain attempts looked at the same lookalike; the unique index
 * decides), so the caller looks again instead of sharing one card between two registrations.
 */
export async function markRegistered(db: Db, reg: Registration, card: PaymentCard, actor = 'system'): Promise<boolean> {
  return db
    .transaction(async (tx) => {
      await writeRegistered(tx, reg, card, actor);
      return true;
    })
    .catch((err: unknown) => {
      if (isUniqueViolation(err)) return false;
      throw err;
    });
}

async function writeRegistered(tx: Pick<Db, 'update' | 'insert'>, reg: Registration, card: PaymentCard, actor: string): Promise<void> {
  await tx
    .update(registrations)
    .set({
      status: 'registered',
      fenerumCardUuid: card.uuid,
      // What the provider told us is what the customer entered (SEPA has no expiry); Fenerum's fills gaps.
      cardBrand: reg.cardBrand ?? card.brand,
      cardLast4: reg.cardLast4 ?? card.last4,
      cardExpMonth: reg.cardExpMonth ?? card.expMonth,
      cardExpYear: reg.cardExpYear ?? card.expYear,
      leaseUntil: null,
      lastError: null,
      uncertain: false,
      updatedAt: sql`now()`,
    })
    .where(eq(registrations.id, reg.id));
  await audit(tx, {
    actor,
    action: 'card.registered',
    accountCode: reg.accountCode,
    subject: card.uuid,
    details: { gateway: reg.gateway, providerRef: reg.providerRef, brand: card.brand, last4: card.last4, attempts: reg.attempts },
  });
}

export async function markRetry(db: Db, id: string, delayMs: number, error: string, uncertain: boolean): Promise<void> {
  await db
    .update(registrations)
    .set({
      nextAttemptAt: sql`now() + ${`${Math.round(delayMs)} milliseconds`}::interval`,
      leaseUntil: null,
      lastError: error,
      uncertain: uncertain ? true : undefined,
      updatedAt: sql`now()`,
    })
    .where(eq(registrations.id, id));
}

/** Fails a registration for good: `error` in the provider's own words (for staff), `refusal` in ours. */
export async function markFailed(db: Db, reg: Registration, error: string, refusal: RegistrationRefusal): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(registrations)
      .set({ status: 'failed', leaseUntil: null, lastError: error, refusal, updatedAt: sql`now()` })
      .where(eq(registrations.id, reg.id));
    await audit(tx, {
      actor: 'system',
      action: 'card.registration_failed',
      accountCode: reg.accountCode,
      subject: reg.providerRef,
      details: { error, refusal },
    });
  });
}

/**
 * A staff member's "retry now": a failed registration goes back to the queue (its refusal
 * cleared, its last error kept until the next attempt), a queued one becomes due at once. Only
 * one with something to register (a token), and never one Fenerum already has.
 */
export async function requeueRegistration(db: Db, id: string): Promise<Registration | undefined> {
  const [row] = await db
    .update(registrations)
    .set({ status: 'queued', refusal: null, nextAttemptAt: sql`now()`, updatedAt: sql`now()` })
    .where(and(eq(registrations.id, id), inArray(registrations.status, ['failed', 'queued']), sql`${registrations.token} is not null`))
    .returning();
  return row;
}

/** An account's cards added through the portal that reached the provider (queued, failed, registered), newest first. */
export async function accountRegistrations(db: Db, accountCode: string, limit: number): Promise<Registration[]> {
  return db
    .select()
    .from(registrations)
    .where(and(eq(registrations.accountCode, accountCode), inArray(registrations.status, ['queued', 'failed', 'registered'])))
    .orderBy(desc(registrations.createdAt))
    .limit(limit);
}
