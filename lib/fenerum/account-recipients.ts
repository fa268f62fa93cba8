import type { Recipient } from './types';
import { log } from '@/lib/log';

/**
 * Only the recipients of this account. How Fenerum filters `?account=` on recipients is
 * unconfirmed; should it ignore or misread the filter, another customer's recipient must never
 * be emailed or offered a Self-Service link: every recipient names its account (by uuid or by
 * code), so anything else is dropped and logged (ids only, never an address).
 */
export function keepAccountRecipients(recipients: Recipient[], account: { code: string; uuid: string }): Recipient[] {
  const ours = (r: Recipient) => {
    const named = r.account.toLowerCase();
    return named === account.uuid.toLowerCase() || named === account.code.toLowerCase();
  };
  const kept = recipients.filter(ours);
  const dropped = recipients.filter((r) => !ours(r));
  if (dropped.length > 0) {
    log.warn(
      { account: account.code, dropped: dropped.slice(0, 20).map((r) => ({ recipient: r.id, account: r.account })) },
      `fenerum: the recipient list for an account held ${dropped.length} recipient(s) of other accounts; dropped (is the account filter ignored?)`,
    );
  }
  return kept;
}
