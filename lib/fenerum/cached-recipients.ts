import type { TtlCache } from '@/lib/cache/ttl-cache';
import { failedForAnother } from './cached-account';
import type { CallOptions, FenerumClient, Recipient } from './types';

/**
 * An account's recipients through the process's recipient cache (the portal's, kept like
 * accounts: 5 minutes), keyed by the account's uuid: a burst of emails to one account, or a
 * staff page reloaded, costs one Fenerum call. As `cachedAccount`, a lookup that failed for
 * another caller's reasons is made again, once, in this caller's own lane.
 */
export async function cachedRecipients(
  cache: TtlCache<Recipient[]>,
  fenerum: Pick<FenerumClient, 'listRecipients'>,
  account: { code: string; uuid: string },
  opts: CallOptions = {},
): Promise<Recipient[]> {
  const load = () => cache.get(account.uuid, () => fenerum.listRecipients({ code: account.code, uuid: account.uuid }, opts));
  try {
    return await load();
  } catch (err) {
    if (!failedForAnother(err, opts)) throw err;
    return load();
  }
}
