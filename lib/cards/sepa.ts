import { cachedAccount } from '@/lib/fenerum/cached-account';
import type { FenerumClient } from '@/lib/fenerum/types';
import { sepaBelongsTo, type SepaPlace } from '@/lib/domain/sepa';
import type { PortalCache } from './portal';
import { log } from '@/lib/log';

/**
 * Whether the portal offers an account SEPA Direct Debit: the merchant turned it on
 * (`SEPA_ENABLED`, with Fenerum's "Enable use of SEPA debit" and SEPA in Stripe's dashboard), and
 * the account is billed in EUR in a SEPA country (seeds/001). The page and the SetupIntent ask
 * this same question, so the form never shows a way the SetupIntent does not allow.
 */
export const offersSepa = (sepaEnabled: boolean, account: SepaPlace): boolean => sepaEnabled && sepaBelongsTo(account);

type SepaDeps = { sepaEnabled: boolean; fenerum: Pick<FenerumClient, 'getAccount'>; portalCache: Pick<PortalCache, 'accounts'> };

/**
 * The same for an account by its code, read through the portal's account cache (the page has
 * just read it). Fenerum not answering means unknown, and unknown is card only: a customer can
 * always add a card.
 */
export async function offersSepaTo(deps: SepaDeps, accountCode: string): Promise<boolean> {
  if (!deps.sepaEnabled) return false;
  try {
    return offersSepa(true, await cachedAccount(deps.portalCache.accounts, deps.fenerum, accountCode, { priority: 'interactive' }));
  } catch (err) {
    log.warn({ account: accountCode, err }, 'SEPA: the account could not be read, card only');
    return false;
  }
}
