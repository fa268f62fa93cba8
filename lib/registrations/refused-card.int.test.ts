import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog } from '@/lib/db/schema';
import { appContext } from '@/lib/server/context';
import { fenerumCardsOf, fenerumSettings, freshAccount } from '@/test/support/sandbox-control';
import { confirmWith, registerSetupIntentNow, setupIntentFor } from '@/test/support/stripe-fixtures';
import { findRegistration } from './store';

describe('a card Fenerum refuses for good (a 400)', () => {
  it('ends failed after one attempt, audited, and the customer is told to try another card', async () => {
    const account = await freshAccount();
    const { setupIntentId } = await setupIntentFor(account);
    await confirmWith(setupIntentId);
    await fenerumSettings({ failNext: { status: 400, count: 1 } });
    try {
      expect(await registerSetupIntentNow(setupIntentId, account)).toEqual({
        kind: 'refused',
        status: 422,
        error: 'Fenerum refused the card; please try another card',
      });
    } finally {
      await fenerumSettings({ failNext: null });
    }
    const { db } = await appContext();
    const reg = await findRegistration(db, 'stripe_new', setupIntentId);
    expect(reg).toMatchObject({ status: 'failed', attempts: 1, leaseUntil: null });
    expect(reg?.lastError).toMatch(/400/);
    const audited = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'card.registration_failed'), eq(auditLog.subject, setupIntentId)));
    expect(audited).toHaveLength(1);
    // Asking again changes nothing: no second attempt, no card.
    expect(await registerSetupIntentNow(setupIntentId, account)).toMatchObject({ kind: 'refused', status: 422 });
    expect((await findRegistration(db, 'stripe_new', setupIntentId))?.attempts).toBe(1);
    expect(await fenerumCardsOf(account)).toHaveLength(0);
  });
});
