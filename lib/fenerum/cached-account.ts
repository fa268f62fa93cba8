import type { TtlCache } from '@/lib/cache/ttl-cache';
import { isFenerumError } from './errors';
import type { CallOptions, FenerumClient } from './types';
import type { Account } from '@/lib/domain/accounts';

/**
 * An account through the process's account cache (the portal's, 5 minutes): an account looked
 * up a moment ago costs no Fenerum call. The cache shares one lookup among callers, so a caller
 * may join one started by another that then gave up for reasons of its own (it went away, or its
 * lane was over budget while this caller's is not): the lookup is then made again, once, in this
 * caller's own lane.
 */
export async function cachedAccount(
  cache: TtlCache<Account>,
  fenerum: Pick<FenerumClient, 'getAccount'>,
  code: string,
  opts: CallOptions = {},
): Promise<Account> {
  const load = () => cache.get(code, () => fenerum.getAccount(code, opts));
  try {
    return await load();
  } catch (err) {
    if (!failedForAnother(err, opts)) throw err;
    return load();
  }
}

/** The shared lookup failed for a reason of the caller that started it, not this one's: worth one more try in this caller's lane. */
export function failedForAnother(err: unknown, opts: CallOptions): boolean {
  if (!isFenerumError(err)) return false;
  if (err.kind === 'aborted') return !opts.signal?.aborted;
  return err.kind === 'over_budget' && err.priority !== (opts.priority ?? 'registration');
}
