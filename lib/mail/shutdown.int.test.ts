import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { mailOutbox } from '@/lib/db/schema';
import { appContext } from '@/lib/server/context';
import type { Database } from '@/lib/db/connect';
import { quietMailer } from '@/test/support/mailer';
import { sandbox } from '@/test/support/sandbox-control';
import { withOwnDatabase } from '@/test/support/scratch-database';
import { queueCustomerEmail } from './queue';
import type { MailTransport } from './transport';
import { startMailWorker } from './worker';

beforeAll(async () => void (await appContext()));

const pi = () => `pi_${Math.random().toString(36).slice(2, 14)}`;

/** A database of the test's own: the worker under test claims every due message, so no other test's mail may be there. */
const ownOutbox = <T>(fn: (db: Database['db']) => Promise<T>) => withOwnDatabase(process.env.DATABASE_URL, (database) => fn(database.db));

async function queueThree(db: Database['db'], accountCode: string) {
  const ctx = { ...(await appContext()), db };
  for (let i = 0; i < 3; i++) {
    await queueCustomerEmail(
      { ...ctx, mailer: quietMailer(ctx) },
      { eventKey: `evt-${pi()}`, kind: 'approval-needed', accountCode, paymentIntentId: pi(), amount: { minor: 100, currency: 'DKK' } },
    );
  }
  return async () => db.select().from(mailOutbox).where(eq(mailOutbox.accountCode, accountCode));
}

describe('the mail worker shutting down', () => {
  it('claims nothing more: the messages it claimed and had not sent go back to the queue at once, their claim not counted as an attempt', () =>
    ownOutbox(async (db) => {
      const ctx = await appContext();
      const acct = await sandbox.fenerum.createAccount();
      const rows = await queueThree(db, acct.code);
      let sent = 0;
      const transport: MailTransport = {
        send: async () => {
          sent++;
          // The stop arrives while the first message is being sent.
          void w.stop();
          return { messageId: null };
        },
        close: () => undefined,
      };
      const w = startMailWorker({ db, transport, from: ctx.env.mail.from }, { idleMs: 20 });
      await expect.poll(() => sent, { timeout: 10_000 }).toBeGreaterThan(0);
      await w.stop();
      // One send, the one under way when the stop came; the other two go back.
      expect(sent).toBe(1);
      const after = await rows();
      expect(after.filter((r) => r.status === 'sent')).toHaveLength(1);
      const back = after.filter((r) => r.status !== 'sent');
      expect(back).toHaveLength(2);
      for (const r of back) expect(r).toMatchObject({ status: 'queued', leaseUntil: null, attempts: 0 });
    }));

  it('a send that outlives the grace: release() gives its claim back, due now, for another instance', () =>
    ownOutbox(async (db) => {
      const ctx = await appContext();
      const acct = await sandbox.fenerum.createAccount();
      const rows = await queueThree(db, acct.code);
      let started = 0;
      const hung: MailTransport = { send: () => (started++, new Promise(() => undefined)), close: () => undefined };
      const w = startMailWorker({ db, transport: hung, from: ctx.env.mail.from }, { idleMs: 20 });
      await expect.poll(() => started, { timeout: 10_000 }).toBe(1);
      void w.stop(); // never resolves: its send hangs
      // The three it claimed go back.
      expect(await w.release()).toBe(3);
      const after = await rows();
      expect(after).toHaveLength(3);
      expect(after.every((r) => r.status === 'queued' && r.leaseUntil === null && r.nextAttemptAt.getTime() <= Date.now() + 1_000)).toBe(true);
    }));
});
