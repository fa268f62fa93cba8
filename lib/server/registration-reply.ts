import { refused } from '@/lib/domain/outcomes';
import type { RegisterNowResult } from '@/lib/registrations/registrar';
import { cardSummaryOf } from '@/lib/registrations/store';
import { accepted, ok, type Reply } from './reply';

/** The customer page's answer after trying Fenerum: 200 saved, 202 being finished, 422 refused for good. */
export function registrationReply(result: RegisterNowResult): Reply {
  if (result.status === 'failed') return refused('card-refused');
  const body = { status: result.status, card: cardSummaryOf(result.registration) };
  return result.status === 'registered' ? ok(body) : accepted(body);
}
