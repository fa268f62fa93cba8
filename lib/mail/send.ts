import { audit } from '@/lib/audit';
import type { Db } from '@/lib/db/connect';
import { claimDueMail, markNotSent, markSent, releaseMail, type OutboxRow } from './outbox';
import type { MailTransport } from './transport';

export type SendDeps = {
  db: Db;
  transport: MailTransport;
  from: string;
  /** Delay before the next try after `attempts` failed ones; default 30 s doubling to 1 h, with jitter. */
  retryDelayMs?: (attempts: number) => number;
  /** Tries before a message fails for good; default MAIL_MAX_ATTEMPTS. */
  maxAttempts?: number;
};

/**
 * Tries before a message fails for good: with the default delays, about a day of waits (an hour
 * apart once past the first hour), so an SMTP server down overnight still gets the message.
 */
export const MAIL_MAX_ATTEMPTS = 30;

export function mailRetryDelayMs(attempts: number, random: () => number = Math.random): number {
  const base = Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 60 * 60_000);
  return Math.round(base * (0.75 + random() * 0.5));
}

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err)) || 'unknown error';

/** Sends one claimed message; the outcome is written only while this process still holds the claim. */
export async function sendClaimed(deps: SendDeps, row: OutboxRow): Promise<'sent' | 'retry' | 'failed'> {
  try {
    const { messageId } = await deps.transport.send({ id: row.id, from: deps.from, to: row.recipient, subject: row.subject, html: row.html, text: row.text });
    await deps.db.transaction(async (tx) => {
      if (!(await markSent(tx, row.id, messageId))) return;
      await audit(tx, {
        actor: 'system',
        action: 'mail.sent',
        accountCode: row.accountCode,
        subject: row.id,
        details: { kind: row.kind, eventKey: row.eventKey, to: row.recipient, attempts: row.attempts, messageId },
      });
    });
    return 'sent';
  } catch (err) {
    const error = errorText(err);
    const giveUp = row.attempts >= (deps.maxAttempts ?? MAIL_MAX_ATTEMPTS);
    const retryAt = giveUp ? null : new Date(Date.now() + (deps.retryDelayMs ?? mailRetryDelayMs)(row.attempts));
    await deps.db.transaction(async (tx) => {
      await markNotSent(tx, row.id, error, retryAt);
      if (giveUp) {
        await audit(tx, {
          actor: 'system',
          action: 'mail.failed',
          accountCode: row.accountCode,
          subject: row.id,
          details: { kind: row.kind, eventKey: row.eventKey, to: row.recipient, attempts: row.attempts, error },
        });
      }
    });
    return giveUp ? 'failed' : 'retry';
  }
}

/** One pass: claims what is due (at most `limit`, or one named message) and sends it. How many were claimed. */
export async function sendDueMail(
  deps: SendDeps,
  opts: {
    limit?: number;
    id?: string;
    /** True once the process is stopping: the claimed messages not yet sent are given back at once. */
    stopped?: () => boolean;
    /** The ids this pass holds and has not finished (the worker releases them if the process cannot wait). */
    held?: Set<string>;
  } = {},
): Promise<number> {
  const rows = await claimDueMail(deps.db, { limit: opts.limit ?? 10, id: opts.id });
  for (const r of rows) opts.held?.add(r.id);
  for (const [i, row] of rows.entries()) {
    if (opts.stopped?.()) {
      const rest = rows.slice(i).map((r) => r.id);
      await releaseMail(deps.db, rest, { tried: false });
      for (const id of rest) opts.held?.delete(id);
      break;
    }
    try {
      await sendClaimed(deps, row);
    } finally {
      opts.held?.delete(row.id);
    }
  }
  return rows.length;
}
