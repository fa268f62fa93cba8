import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { audit } from '@/lib/audit';
import { issueCustomerLink, type LinkDeps } from '@/lib/auth/links';
import { checkAsk, type NewLinkAsk } from '@/lib/auth/new-link-ask';
import type { TtlCache } from '@/lib/cache/ttl-cache';
import { mailOutbox } from '@/lib/db/schema';
import type { Account } from '@/lib/domain/accounts';
import { isRefused, refused, type Refused } from '@/lib/domain/outcomes';
import { cachedAccount } from '@/lib/fenerum/cached-account';
import { cachedRecipients } from '@/lib/fenerum/cached-recipients';
import { isFenerumError } from '@/lib/fenerum/errors';
import type { FenerumClient, Recipient } from '@/lib/fenerum/types';
import type { Locale } from '@/lib/i18n/locale';
import { addressKey, maskedAddress, normalAddress, reserveLinkRequest } from './link-request-budget';
import type { Mailer } from './mailer';
import { renderMail } from './render';

/** How long a link the customer asked for works: as long as one staff send (lib/staff/accounts/send-rules.ts). */
const REQUESTED_LINK_LIFETIME = '7d';

export type RequestedLinkDeps = LinkDeps & {
  fenerum: Pick<FenerumClient, 'getAccount' | 'listRecipients'>;
  portalCache: { accounts: TtlCache<Account>; recipients: TtlCache<Recipient[]> };
  mailer: Pick<Mailer, 'enabled' | 'kick' | 'merchant'>;
  /** Runs the matching and the mail after the answer (the app context's `background.run`). */
  later: (name: string, task: () => Promise<unknown>) => void;
  perHour?: number;
};

/** The form as posted: the signed value that names the account, and the address typed. */
const newLinkForm = z.object({
  ask: z.string().min(1).max(2048),
  email: z.string().trim().max(254).pipe(z.email()),
});
export type NewLinkRequest = { ask: string; email: string; locale: Locale; ip?: string | null };

/** Taken on: a link is on its way if the address is one of the account's recipients (the answer never says which). */
export type NewLinkTaken = { status: 'taken' };

/**
 * "Email me a new link": the customer on an expired or withdrawn link's page, or whose session
 * ended, types their address. The account is the one the form's signed value names
 * (lib/auth/new-link-ask.ts), never one the browser chose. Counted per account and per address
 * (LINK_REQUESTS_PER_HOUR, in the database) before anything else; then answered at once, the
 * same whether or not the address is one of the account's: whether it is, and the mail, are
 * found out after the answer (`later`), so neither the words, the status nor the time tell.
 */
export async function requestNewLink(deps: RequestedLinkDeps, input: NewLinkRequest): Promise<NewLinkTaken | Refused> {
  const now = deps.now?.() ?? Date.now();
  const ask = checkAsk(input.ask, deps.env.linkSecret, now);
  if (!ask) return refused('invalid-input', 'newLinkFormStale');
  const form = newLinkForm.safeParse({ ask: input.ask, email: input.email });
  if (!form.success) return refused('invalid-input', 'newLinkAddress');
  if (!deps.mailer.enabled) return refused('disabled', 'newLinkMailOff');
  const address = normalAddress(form.data.email);
  const slot = await reserveLinkRequest(deps.db, { accountCode: ask.accountCode, addressKey: addressKey(address, deps.env.linkSecret) }, deps.perHour);
  if (!slot.ok) return { ...refused('too-many', 'newLinkHeldBack'), retryAfterSeconds: slot.retryAfterSeconds };
  deps.later('requested link', () => sendRequestedLink(deps, ask, address, input));
  return { status: 'taken' };
}

type RequestedLinkResult = { status: 'queued'; mailId: string; linkId: string } | { status: 'not-a-recipient' } | Refused;

/**
 * After the answer: when the address is one of the account's recipients in Fenerum (any of
 * them, compared without case), a fresh link to the account's portal goes to that recipient
 * through the outbox, in the language the customer asked in, and the timeline says the customer
 * asked (`link.requested`); otherwise only that line, with the address masked, and no email.
 */
async function sendRequestedLink(
  deps: RequestedLinkDeps,
  ask: NewLinkAsk,
  address: string,
  input: Pick<NewLinkRequest, 'locale' | 'ip'>,
): Promise<RequestedLinkResult> {
  let account: Account;
  try {
    account = await cachedAccount(deps.portalCache.accounts, deps.fenerum, ask.accountCode, { priority: 'bulk' });
  } catch (err) {
    if (isFenerumError(err) && err.isNotFound) return refused('not-found', 'unknownAccount', { account: ask.accountCode });
    throw err;
  }
  const recipients = await cachedRecipients(deps.portalCache.recipients, deps.fenerum, account, { priority: 'bulk' });
  const recipient = recipients.find((r) => normalAddress(r.email) === address);
  const asked = { actor: 'customer', action: 'link.requested', accountCode: account.code, subject: ask.linkId, ip: input.ip } as const;
  if (!recipient) {
    await audit(deps.db, { ...asked, details: { matched: false, address: maskedAddress(address) } });
    return { status: 'not-a-recipient' };
  }
  const link = await issueCustomerLink(deps, {
    accountCode: account.code,
    expiresIn: REQUESTED_LINK_LIFETIME,
    issuedBy: 'customer',
    ip: input.ip,
    ...(ask.landing ? { landing: ask.landing } : {}),
  });
  if (isRefused(link)) return link;
  const content = renderMail(
    { kind: 'requested-link', name: account.name, link: link.url, linkExpiresAt: link.expiresAt, merchant: deps.mailer.merchant },
    input.locale,
  );
  const id = randomUUID();
  await deps.db.transaction(async (tx) => {
    await tx.insert(mailOutbox).values({
      id,
      eventKey: `requested-link:${id}`,
      recipient: recipient.email,
      kind: 'requested-link',
      accountCode: account.code,
      locale: input.locale,
      linkId: link.id,
      ...content,
    });
    await audit(tx, {
      ...asked,
      details: { matched: true, to: recipient.email, recipient: recipient.id, recipientName: recipient.name, mailId: id, linkId: link.id },
    });
  });
  deps.mailer.kick();
  return { status: 'queued', mailId: id, linkId: link.id };
}
