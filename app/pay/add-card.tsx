import { env } from '@/lib/env';
import { getLocale } from '@/lib/i18n/server';
import type { Translate } from '@/lib/i18n/translate';
import { StripeAddCard } from './stripe/add-card';
import { STRIPE_TEXT_KEYS } from './stripe/add-card/text';

/**
 * The ways to add a card. Stripe's form loads only when its button is clicked; QuickPay's is a
 * plain link: it works before any JavaScript loads.
 */
export async function AddCard({ t }: { t: Translate }) {
  const { stripe, sandbox } = env();
  const locale = await getLocale();
  const text = Object.fromEntries(STRIPE_TEXT_KEYS.map((key) => [key, t(key)]));
  // Sandbox mode: the emulator's Stripe.js, which the browser runs before the real loadStripe.
  const stripeJsUrl = sandbox.stripe && stripe.apiUrl ? new URL('/v3/', stripe.apiUrl).toString() : null;
  return (
    <div className="add-card">
      <StripeAddCard publishableKey={stripe.publishableKey} stripeJsUrl={stripeJsUrl} sepaEnabled={stripe.sepaEnabled} locale={locale} text={text} />
      <a className="button button-secondary" href="/add-payment-card" data-testid="add-quickpay">
        {t('quickpay.add')}
      </a>
    </div>
  );
}
