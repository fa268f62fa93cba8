import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import type { ReturnState } from '@/lib/cards/quickpay/finish';
import { providerFailure } from '@/lib/server/errors';
import { customerPage } from '@/lib/server/customer-page';
import { CardProblem, CardSaved, Finishing } from '../../card-saved';
import { SessionEnded } from '../../session-ended';
import { titled } from '@/app/page-title';

export const generateMetadata = titled('adding', { referrer: 'no-referrer' });

const query = z.object({ r: z.uuid() });

/** Where QuickPay's window sends the customer back: "Finishing…" until the card is saved. */
export default async function QuickpayReturnPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [t, { ctx, session }, params] = await Promise.all([getTranslations(), customerPage(), searchParams]);
  if (!session) return <SessionEnded />;
  const parsed = query.safeParse(params);
  let state: ReturnState = { kind: 'unknown' };
  if (parsed.success) {
    try {
      state = await ctx.cards.quickpayCameBack(session, parsed.data.r);
    } catch (err) {
      // QuickPay or Fenerum not answering: the card is safe; the page asks again in a moment.
      if (!providerFailure(err)) throw err;
      state = { kind: 'finishing' };
    }
  }
  switch (state.kind) {
    case 'saved':
      return <CardSaved card={state.card} />;
    case 'finishing':
      return <Finishing />;
    case 'declined':
      return <CardProblem title={t('card.declined')} lead={`${state.reason}. ${t('card.failedLead')}`} retryHref="/add-payment-card" />;
    case 'failed':
      // Fenerum will not take QuickPay cards here: another QuickPay try would fail the same way.
      if (state.refusal === 'gateway') return <CardProblem title={t('card.failed')} lead={t('quickpay.gatewayRefused')} />;
      if (state.refusal === 'test-mode') return <CardProblem title={t('card.failed')} lead={t('quickpay.testCard')} retryHref="/add-payment-card" />;
      return <CardProblem title={t('card.failed')} lead={t('card.failedLead')} retryHref="/add-payment-card" />;
    case 'unknown':
      return <CardProblem title={t('card.unknown')} lead={t('card.unknownLead')} />;
  }
}
