import 'server-only';
import { getTranslations } from 'next-intl/server';
import type { Refused } from '@/lib/domain/outcomes';
import type { ProviderFailure } from './errors';
import { refusalSentence } from './refusals';

/**
 * What a staff page says, in the staff member's language, for a refusal, a provider failure or
 * its own words (messages: staffRefusals). A refusal that names its key (`refused(reason, key,
 * params)`) is said by that key (messages: refusals); one that names none, by the console's
 * sentence for its reason.
 */
export async function staffSentences() {
  const [t, said] = await Promise.all([getTranslations('staffRefusals'), getTranslations('refusals')]);
  return {
    refusal: (r: Refused) => (r.key ? refusalSentence(r, said as Parameters<typeof refusalSentence>[1]) : t(`reasons.${r.reason}`)),
    providerFailure: (f: ProviderFailure) =>
      f.sentence === 'fenerumBusy' ? t('providers.fenerumBusy', { seconds: String(f.seconds ?? 60) }) : t(`providers.${f.sentence}`),
    correctFields: () => t('correctFields'),
    unstorableText: () => t('unstorableText'),
    failed: () => t('failed'),
  };
}
