import 'server-only';
import { getTranslations } from 'next-intl/server';
import { WRONG_CODE } from '@/lib/auth/staff/second-factor';
import { WRONG_CREDENTIALS } from '@/lib/auth/staff/sign-in';
import type { Refused } from '@/lib/domain/outcomes';

/** A sign-in refusal as a sentence in the reader's language. */
export async function refusalText(r: Refused): Promise<string> {
  const t = await getTranslations('staffAuth.refused');
  if (r.reason === 'too-many') return t('tooMany', { minutes: String(Math.max(1, Math.ceil((r.retryAfterSeconds ?? 60) / 60))) });
  if (r.message === WRONG_CREDENTIALS) return t('unauthenticated');
  if (r.message === WRONG_CODE) return t('wrongCode');
  return t('timedOut');
}
