import { randomUUID } from 'node:crypto';
import { audit } from '@/lib/audit';
import { landingPaths } from '@/lib/auth/landing';
import { issueCustomerLink, revokeLink, type LinkDeps } from '@/lib/auth/links';
import type { TtlCache } from '@/lib/cache/ttl-cache';
import { mailOutbox } from '@/lib/db/schema';
import { isRefused, refused, type Refused } from '@/lib/domain/outcomes';
import { cachedAccount } from '@/lib/fenerum/cached-account';
import { cachedRecipients } from '@/lib/fenerum/cached-recipients';
import { isFenerumError } from '@/lib/fenerum/errors';
import type { FenerumClient, Recipient } from '@/lib/fenerum/types';
import type { Account } from '@/lib/domain/accounts';
import { accountLocale } from './format';
import type { Mailer } from './mailer';
import { noteNoRecipient } from './no-recipient';
import { findQueued } from './outbox';
import { mailRecipients } from './recipients';
import { renderMail } from './render';
import type { CustomerEmailInput } from './types';

/** What queueing needs: the link use case's dependencies, the account's recipients (Fenerum, cached) and the process's mailer (the app context has all). */
export type QueueMailDeps = LinkDeps & {
  fenerum: Pick<FenerumClient, 'getAccount' | 'listRecipients'>;
  portalCache: { accounts: TtlCache<Account>; recipients: TtlCache<Recipient[]> };
  mailer: Pick<Mailer, 'enabled' | 'kick' | 'merchant'>;
};

/** One recipient's message for the event: queued now, or found queued already (nothing new). */
type QueuedMail = { id: string; to: string; name: string | null; locale: string; fresh: boolean };

export type QueueMailResult =
  /** At least one recipient's message was queued now (`messages` has every chosen recipient's). */
  | { status: 'queued'; messages: QueuedMail[] }
  /** This event was mailed (or is being mailed) to each chosen recipient already: nothing new. */
  | { status: 'already-queued'; messages: QueuedMail[] }
  /** Fenerum has no recipient on the account who takes payment confirmations or invoices: nothing sent (audited once). */
  | { status: 'no-recipient' }
  /** No SMTP server is configured (live keys without SMTP_URL). */
  | { status: 'mail-off' };

/** How long the link in each kind of message works. */
const LINK_LIFETIME = { 'approval-needed': '7d', 'card-expiring': '14d', 'card-notice': '7d', 'campaign-legacy': '14d', 'campaign-expiring': '14d' } as const;

function landingOf(input: CustomerEmailInput): string {
  if (input.kind === 'approval-needed') return landingPaths.approve(input.paymentIntentId);
  return input.kind === 'card-notice' ? landingPaths.portal() : landingPaths.addCard();
}

/**
 * Queues one customer email for an event to each of the account's chosen recipients
 * (`mailRecipients`: those who take payment confirmations, else invoices), in the account's
 * language, each with a fresh signed link that opens the right portal page. Never twice for one
 * event and recipient (a repeat finds the message already queued, and no link is minted).
 * Messages are sent after the caller's response (the mailer is kicked) and retried until the
 * SMTP server takes them. Throws when Fenerum cannot be asked (the caller retries the event).
 */
export async function queueCustomerEmail(deps: QueueMailDeps, input: CustomerEmailInput): Promise<QueueMailResult | Refused> {
  if (!deps.mailer.enabled) return { status: 'mail-off' };
  if (!input.eventKey || input.eventKey.length > 300) return refused('invalid-input', 'eventKeyLength');
  let account: Account;
  try {
    account = await cachedAccount(deps.portalCache.accounts, deps.fenerum, input.accountCode, { priority: 'bulk' });
  } catch (err) {
    if (isFenerumError(err) && err.isNotFound) return refused('not-found', 'unknownAccount', { account: input.accountCode });
    throw err;
  }
  const recipients = mailRecipients(await cachedRecipients(deps.portalCache.recipients, deps.fenerum, account, { priority: 'bulk' }));
  if (recipients.length === 0) {
    await noteNoRecipient(deps.db, { accountCode: account.code, kind: input.kind, eventKey: input.eventKey });
    return { status: 'no-recipient' };
  }
  const messages: QueuedMail[] = [];
  for (const recipient of recipients) {
    const one = await queueOne(deps, input, account, recipient);
    if (isRefused(one)) return one;
    messages.push(one);
  }
  if (messages.some((m) => m.fresh)) {
    deps.mailer.kick();
    return { status: 'queued', messages };
  }
  return { status: 'already-queued', messages };
}

/** The event's message to one recipient: found if queued before, else rendered with a link of its own and queued (audited). */
async function queueOne(deps: QueueMailDeps, input: CustomerEmailInput, account: Account, recipient: Recipient): Promise<QueuedMail | Refused> {
  const to = recipient.email;
  const locale = accountLocale(account.language);
  const known = (id: string): QueuedMail => ({ id, to, name: recipient.name, locale, fresh: false });
  const earlier = await findQueued(deps.db, input.eventKey, to);
  if (earlier) return { ...known(earlier.id), locale: earlier.locale };

  const link = await issueCustomerLink(deps, {
    accountCode: account.code,
    expiresIn: LINK_LIFETIME[input.kind],
    issuedBy: input.kind === 'campaign-legacy' || input.kind === 'campaign-expiring' ? input.issuedBy : 'system',
    landing: landingOf(input),
  });
  if (isRefused(link)) return link;
  const amount = input.kind === 'approval-needed' ? input.amount : undefined;
  const description = input.kind === 'approval-needed' ? input.description : undefined;
  const card = input.card ?? null;
  const { merchant } = deps.mailer;
  const notice = input.kind === 'card-notice' ? input.notice : undefined;
  const reminder = input.kind === 'campaign-legacy' || input.kind === 'campaign-expiring' ? input.reminder : undefined;
  const content = renderMail(
    { kind: input.kind, name: account.name, link: link.url, linkExpiresAt: link.expiresAt, amount, description, card, notice, reminder, merchant },
    locale,
  );

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
      details: { kind: input.kind, eventKey: input.eventKey, to, recipient: recipient.id, recipientName: recipient.name, locale, linkId: link.id },
    });
    return true;
  });
  if (!inserted) {
    // Another delivery of the same event queued it a moment ago: this link is never sent.
    await revokeLink(deps.db, link.id, 'system');
    const row = await findQueued(deps.db, input.eventKey, to);
    return known(row?.id ?? '');
  }
  return { id, to, name: recipient.name, locale, fresh: true };
}
