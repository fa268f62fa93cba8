import 'server-only';
import { getTranslations } from 'next-intl/server';
import type { Refused } from '@/lib/domain/outcomes';
import type { ProviderFailure } from './errors';

/**
 * What a staff page says, in the staff member's language (messages: staffRefusals), for a
 * refusal, a provider failure or its own words. A use case's own sentence (`refused(reason,
 * message)`) is said as it was written: those are English until the use cases name a message key.
 */
export async function staffSentences() {
  const t = await getTranslations('staffRefusals');
  return {
    refusal: (r: Refused) => r.message ?? t(`reasons.${r.reason}`),
    providerFailure: (f: ProviderFailure) =>
      f.sentence === 'fenerumBusy' ? t('providers.fenerumBusy', { seconds: String(f.seconds ?? 60) }) : t(`providers.${f.sentence}`),
    correctFields: () => t('correctFields'),
    unstorableText: () => t('unstorableText'),
    failed: () => t('failed'),
  };
}
