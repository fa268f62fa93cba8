import { NextIntlClientProvider } from 'next-intl';
import { getMessages, getTranslations } from 'next-intl/server';
import { env } from '@/lib/env';
import { StripeAddCard } from './stripe/add-card';

/**
 * The ways to add a card. Stripe's form loads only when its button is clicked; QuickPay's is a
 * plain link: it works before any JavaScript loads. A provider that is off (lib/env) is not offered.
 */
export async function AddCard() {
  const { stripe, quickpay, sandbox } = env();
  const [t, messages] = await Promise.all([getTranslations('quickpay'), getMessages()]);
  // Sandbox mode: the emulator's Stripe.js, which the browser runs before the real loadStripe.
  const stripeJsUrl = sandbox.stripe && stripe.apiUrl ? new URL('/v3/', stripe.apiUrl).toString() : null;
  return (
    <div className="add-card" id="add-card">
      {/* The browser gets the two namespaces the form speaks, not the whole catalogue. */}
      {stripe.enabled && (
        <NextIntlClientProvider messages={{ stripe: messages.stripe, card: messages.card }}>
          <StripeAddCard publishableKey={stripe.publishableKey} stripeJsUrl={stripeJsUrl} sepaEnabled={stripe.sepaEnabled} />
        </NextIntlClientProvider>
      )}
      {quickpay.enabled && (
        <a className="button button-secondary" href="/add-payment-card" data-testid="add-quickpay">
          {t('add')}
        </a>
      )}
    </div>
  );
}
