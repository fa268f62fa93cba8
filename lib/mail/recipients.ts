import type { Recipient } from '@/lib/fenerum/types';

/** At most this many recipients get one event's email (an account with a long list of addresses gets no flood). */
export const MAX_MAIL_RECIPIENTS = 5;

/**
 * Who gets the portal's emails (a payment waiting for approval, a card expiring): the account's
 * recipients who take Fenerum's payment confirmations ("notifications about attempted payments",
 * fenerum.com/docs/api/recipient, and what Fenerum's own guide has you tick for card customers);
 * when none does, those who take invoices (whoever pays them). A recipient who takes neither
 * (subscription notices only, or nothing) is never mailed. Each chosen recipient gets the email:
 * Fenerum itself mails every opted-in recipient, and whoever of them acts first approves.
 * The same address twice is one recipient.
 */
export function mailRecipients(recipients: readonly Recipient[]): Recipient[] {
  const confirmations = recipients.filter((r) => r.receivePaymentConfirmation);
  const chosen = confirmations.length > 0 ? confirmations : recipients.filter((r) => r.receiveInvoice);
  const seen = new Set<string>();
  const unique = chosen.filter((r) => {
    const key = r.email.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.slice(0, MAX_MAIL_RECIPIENTS);
}
