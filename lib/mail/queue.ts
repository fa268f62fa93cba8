import { randomUUID } from 'node:crypto';
import { audit } from '@/lib/audit';
import { landingPaths } from '@/lib/auth/landing';
import { issueCustomerLink, revokeLink, type LinkDeps } from '@/lib/auth/links';
import { mailOutbox } from '@/lib/db/schema';
import { isRefused, type Refused } from '@/lib/domain/outcomes';
import { cachedAccount } from '@/lib/fenerum/cached-account';
import { isFenerumError } from '@/lib/fenerum/errors';
import { refused } from '@/lib/domain/outcomes';
import { accountLocale } from './format';
import type { Mailer } from './mailer';
import { findQueued } from './outbox';
import { renderMail } from './render';
import type { CustomerEmailInput } from './types';

/** What queueing needs: the link use case's dependencies and the process's mailer (the app context has both). */
export type QueueMailDeps = LinkDeps & { mailer: Pick<Mailer, 'enabled' | 'kick'> };

export type QueueMailResult =
  | { status: 'queued'; id: string; to: string; locale: string }
  /** This event was mailed (or is being mailed) to this recipient already: nothing new. */
  | { status: 'already-queued'; id: string; to: string }
  /** Fenerum has no billing email for the account. */
  | { status: 'no-email' }
  /** No SMTP server is configured (live keys without SMTP_URL). */
  | { status: 'mail-off' };

/** How long the link in each kind of message works. */
const LINK_LIFETIME = { 'approval-needed': '7d', 'card-expiring': '14d' } as const;

const landingOf = (input: CustomerEmailInput) => (input.kind === 'approval-needed' ? landingPaths.approve(input.paymentIntentId) : landingPaths.addCard());

/**
 * Queues one customer email for an event: to the account's billing email, in the account's
 * language, with a fresh signed link that opens the right portal page. Never twice for one
 * event and recipient (a repeat returns the message already queued, and no link is minted).
 * The message is sent after the caller's response (the mailer is kicked) and retried until
 * the SMTP server takes it. Throws when Fenerum cannot be asked (the caller retries the event).
 */
export async function queueCustomerEmail(deps: QueueMailDeps, input: CustomerEmailInput): Promise<QueueMailResult | Refused> {
  if (!deps.mailer.enabled) return { status: 'mail-off' };
  if (!input.eventKey || input.eventKey.length > 300) return refused('invalid-input', 'eventKey must be 1 to 300 characters');
  let account;
  try {
    account = await cachedAccount(deps.portalCache.accounts, deps.fenerum, input.accountCode, { priority: 'bulk' });
  } catch (err) {
    if (isFenerumError(err) && err.isNotFound) return refused('not-found', `Unknown account: ${input.accountCode}`);
    throw err;
  }
  const to = account.email;
  if (!to) return { status: 'no-email' };
  const earlier = await findQueued(deps.db, input.eventKey, to);
  if (earlier) return { status: 'already-queued', id: earlier.id, to };

  const link = await issueCustomerLink(deps, {
    accountCode: account.code,
    expiresIn: LINK_LIFETIME[input.kind],
    issuedBy: 'system',
    landing: landingOf(input),
  });
  if (isRefused(link)) return link;
  const locale = accountLocale(account.language);
  const amount = input.kind === 'approval-needed' ? input.amount : undefined;
  const card = input.card ?? null;
  const content = renderMail({ kind: input.kind, name: account.name, link: link.url, linkExpiresAt: link.expiresAt, amount, card }, locale);

  const id = randomUUID();
  const inserted = await deps.db.transaction(async (tx) => {
    const rows = await tx
      .insert(mailOutbox)
      .values({ id, eventKey: input.eventKey, recipient: to, kind: input.kind, accountCode: account.code, locale, linkId: link.id, ...content })
      .onConflictDoNothing()
      .returning({ id: mailOutbox.id });
    if (rows.length === 0) return false;
    await audit(tx, {
      actor: 'system',
      action: 'mail.queued',
      accountCode: account.code,
      subject: id,
      details: { kind: input.kind, eventKey: input.eventKey, to, locale, linkId: link.id },
    });
    return true;
  });
  if (!inserted) {
    // Another delivery of the same event queued it a moment ago: this link is never sent.
    await revokeLink(deps.db, link.id, 'system');
    const row = await findQueued(deps.db, input.eventKey, to);
    return { status: 'already-queued', id: row?.id ?? '', to };
  }
  deps.mailer.kick();
  return { status: 'queued', id, to, locale };
}
