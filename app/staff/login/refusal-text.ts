import 'server-only';
import { getTranslations } from 'next-intl/server';
import type { Refused } from '@/lib/domain/outcomes';

/** A sign-in refusal as a sentence in the reader's language, chosen by its reason and key (never by its words). */
export async function refusalText(r: Refused): Promise<string> {
  const t = await getTranslations('staffAuth.refused');
  if (r.reason === 'too-many') return t('tooMany', { minutes: String(Math.max(1, Math.ceil((r.retryAfterSeconds ?? 60) / 60))) });
  if (r.key === 'wrongCredentials') return t('unauthenticated');
  if (r.key === 'wrongCode') return t('wrongCode');
  return t('timedOut');
}
