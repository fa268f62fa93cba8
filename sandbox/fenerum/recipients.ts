import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { sendJson } from '../http';
import type { Ctx } from '../router';
import { paginate } from './paging';
import { recipientJson } from './serialize';
import type { AccountRecord, FenerumState, RecipientRecord } from './state';

const INVALID_CHOICE = 'Select a valid choice. That choice is not one of the available choices.';

/** A recipient to make (the sandbox's control): the receive_* flags default to Fenerum's advice for card customers. */
export const recipientInput = z.strictObject({
  name: z.string().min(1).max(200).optional(),
  email: z.email(),
  receive_invoice: z.boolean().optional(),
  receive_payment_confirmation: z.boolean().optional(),
  receive_subscription_notifications: z.boolean().optional(),
});
export type RecipientInput = z.infer<typeof recipientInput>;

/**
 * Adds a recipient to an account. Without flags it gets invoices and payment confirmations, as
 * Fenerum's guide to adding a card manually says ("Remember to choose Receive payment confirmation").
 */
export function addRecipient(state: FenerumState, account: AccountRecord, input: RecipientInput, now: Date): RecipientRecord {
  const recipient: RecipientRecord = {
    uuid: randomUUID(),
    account: account.uuid,
    name: input.name ?? input.email.split('@')[0] ?? input.email,
    email: input.email,
    receive_invoice: input.receive_invoice ?? true,
    receive_payment_confirmation: input.receive_payment_confirmation ?? true,
    receive_subscription_notifications: input.receive_subscription_notifications ?? false,
    created_date: now.toISOString(),
  };
  state.recipients.push(recipient);
  return recipient;
}

/** Fenerum's list order: oldest first, stable. */
const byCreated = (a: RecipientRecord, b: RecipientRecord) => a.created_date.localeCompare(b.created_date) || a.uuid.localeCompare(b.uuid);

/**
 * `GET /api/v1/recipients/`: paged like every list; `?account=` filtered as the
 * `recipientListAccountFilter` setting says (how Fenerum filters it is unconfirmed). A value
 * that is no account in the chosen form is what django-filter answers for an invalid choice.
 */
export function listRecipients(state: FenerumState, ctx: Ctx): void {
  let recipients = [...state.recipients].sort(byCreated);
  const value = ctx.url.searchParams.get('account');
  const mode = state.settings.recipientListAccountFilter;
  if (value !== null && value !== '' && mode !== 'ignore') {
    const match = state.accounts.find((a) => (mode === 'code' ? a.code === value : a.uuid === value.toLowerCase()));
    if (!match) return sendJson(ctx.res, 400, { account: [INVALID_CHOICE] });
    recipients = recipients.filter((r) => r.account === match.uuid);
  }
  const r = paginate(recipients.map(recipientJson), ctx.req, ctx.url);
  if (r.ok) sendJson(ctx.res, 200, r.page);
  else sendJson(ctx.res, 404, { detail: 'Invalid page.' });
}

/** `GET /api/v1/recipients/{uuid}/`. */
export function getRecipient(state: FenerumState, ctx: Ctx): void {
  const recipient = state.recipients.find((r) => r.uuid === ctx.params.uuid?.toLowerCase());
  if (recipient) sendJson(ctx.res, 200, recipientJson(recipient));
  else sendJson(ctx.res, 404, { detail: 'Not found.' });
}
