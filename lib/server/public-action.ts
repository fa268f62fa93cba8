import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { providerFailure } from './errors';
import { staffSentences } from './staff-sentences';
import { log } from '@/lib/log';

/** What a public action's form shows when the action could not do its work: a sentence, or nothing. */
export type PublicActionState = { error: string } | null;

/**
 * A Server Action anyone may call, before there is a staff session (sign-in, its code step,
 * enrolment, sign-out, the language switch): beside `staffAction`, without its session check.
 * Another site's post never runs it (the front door answers it 403: action-origin.ts, as for
 * every action). What it throws other than Next's own redirect goes through the one mapper: a
 * provider failure or an outage (the database down) comes back as a sentence in the reader's
 * language for the form to show, never as a crash.
 */
export function publicAction<P, S>(fn: (prev: P, form: FormData) => Promise<S>): (prev: P, form: FormData) => Promise<S | { error: string }> {
  return async (prev, form) => {
    try {
      return await fn(prev, form);
    } catch (err) {
      unstable_rethrow(err);
      return { error: await failureSentence(err) };
    }
  };
}

async function failureSentence(err: unknown): Promise<string> {
  const failure = providerFailure(err);
  if (failure) return (await staffSentences()).providerFailure(failure);
  log.error({ err }, 'public action failed');
  return (await getTranslations('staffAuth.refused'))('error');
}
