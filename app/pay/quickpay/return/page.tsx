import type { Metadata } from 'next';
import { z } from 'zod';
import { getCustomerSession } from '@/lib/auth/server';
import { checkQuickpayReturn, type ReturnState } from '@/lib/cards/quickpay/finish';
import { getDb } from '@/lib/db';
import { getTranslator } from '@/lib/i18n/server';
import { quickpay } from '@/lib/quickpay';
import { QuickpayError } from '@/lib/quickpay/errors';
import { registerQueued } from '@/lib/registrations/server';
import { CardProblem, CardSaved, Finishing } from '../../card-saved';

export const metadata: Metadata = { title: 'Adding your card', referrer: 'no-referrer' };

const query = z.object({ r: z.uuid() });

/** Where QuickPay's window sends the customer back: "Finishing…" until the card is saved. */
export default async function QuickpayReturnPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [{ t }, session, params] = await Promise.all([getTranslator(), getCustomerSession(), searchParams]);
  if (!session) return <CardProblem title={t('portal.sessionEnded')} lead={t('portal.sessionEndedLead')} t={t} />;
  const parsed = query.safeParse(params);
  let state: ReturnState = { kind: 'unknown' };
  if (parsed.success) {
    try {
      state = await checkQuickpayReturn({ db: await getDb(), quickpay: quickpay(), register: (id) => registerQueued(id, 3_000) }, session, parsed.data.r);
    } catch (err) {
      if (!(err instanceof QuickpayError)) throw err;
      state = { kind: 'finishing' };
    }
  }
  switch (state.kind) {
    case 'saved':
      return <CardSaved card={state.card} t={t} />;
    case 'finishing':
      return <Finishing t={t} />;
    case 'declined':
      return <CardProblem title={t('card.declined')} lead={`${state.reason}. ${t('card.failedLead')}`} t={t} retryHref="/add-payment-card" />;
    case 'failed':
      return <CardProblem title={t('card.failed')} lead={t('card.failedLead')} t={t} retryHref="/add-payment-card" />;
    case 'unknown':
      return <CardProblem title={t('card.unknown')} lead={t('card.unknownLead')} t={t} />;
  }
}
