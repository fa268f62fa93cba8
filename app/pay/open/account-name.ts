import type { AppContext } from '@/lib/server/context';

/**
 * An account's name for a question to the visitor, from the portal's cache or Fenerum, waiting
 * at most `waitMs`: when Fenerum is slow or down the question names the account code instead
 * (the lookup goes on and fills the cache for the next page).
 */
export async function accountName(ctx: Pick<AppContext, 'fenerum' | 'portalCache'>, code: string, waitMs = 2_000): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(code), waitMs);
  });
  const named = ctx.portalCache.accounts
    .get(code, () => ctx.fenerum.getAccount(code))
    .then((a) => a.name || code)
    .catch(() => code);
  try {
    return await Promise.race([named, late]);
  } finally {
    clearTimeout(timer);
  }
}
