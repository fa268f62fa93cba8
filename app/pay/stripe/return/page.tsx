import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import type { SetupCameBack } from '@/lib/cards/stripe/came-back';
import { providerFailure } from '@/lib/server/errors';
import { customerPage } from '@/lib/server/customer-page';
import { CardProblem, CardSaved, Finishing } from '../../card-saved';
import { SessionEnded } from '../../session-ended';
import { titled } from '@/app/page-title';

export const generateMetadata = titled('adding', { referrer: 'no-referrer' });

const query = z.object({ setup_intent: z.string().regex(/^seti_[A-Za-z0-9]+$/), redirect_status: z.string().optional() });

/**
 * Where Stripe sends the customer after a redirect (3-D Secure on some banks, some wallets):
 * the SetupIntent is checked with Stripe and registered, by the use case register-payment-card uses.
 */
export default async function StripeReturnPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [t, { ctx, session }, params] = await Promise.all([getTranslations('card'), customerPage(), searchParams]);
  if (!session) return <SessionEnded />;
  const parsed = query.safeParse(params);
  if (!parsed.success) return <CardProblem title={t('unknown')} lead={t('unknownLead')} />;
  if (parsed.data.redirect_status === 'failed') return <CardProblem title={t('failed')} lead={t('failedLead')} />;
  let cameBack: SetupCameBack;
  try {
    cameBack = await ctx.cards.stripeCameBack(session, parsed.data.setup_intent);
  } catch (err) {
    // Stripe or Fenerum not answering: the card is safe; the page asks again in a moment.
    if (!providerFailure(err)) throw err;
    return <Finishing />;
  }
  switch (cameBack.kind) {
    case 'saved':
      // Fenerum holds it: "saved", with its details when they came back (never "finishing" again and again).
      return <CardSaved card={cameBack.card} />;
    case 'finishing':
      // Queued, or not succeeded yet (SEPA can stay "processing" a while): the page asks again.
      return <Finishing />;
    case 'failed':
      return <CardProblem title={t('failed')} lead={t('failedLead')} />;
    case 'unknown':
      return <CardProblem title={t('unknown')} lead={t('unknownLead')} />;
  }
}
