import { getLocale, getMessages, getTimeZone, getTranslations } from 'next-intl/server';
import { preconnect } from 'react-dom';
import { env } from '@/lib/env';
import { StripeAddCard } from './stripe/add-card';
import type { ShellWords } from './stripe/add-card/words';

/** Where Stripe.js comes from: js.stripe.com, or the emulator in sandbox mode. */
const STRIPE_JS_ORIGIN = 'https://js.stripe.com';

/**
 * The ways to add a card. Stripe's form loads when the page is idle or the customer reaches for
 * its button; QuickPay's is a plain link: it works before any JavaScript loads. A provider that
 * is off (lib/env) is not offered.
 */
export async function AddCard() {
  const { stripe, quickpay, sandbox } = env();
  const [t, ts, tc, messages, locale, timeZone] = await Promise.all([
    getTranslations('quickpay'),
    getTranslations('stripe'),
    getTranslations('card'),
    getMessages(),
    getLocale(),
    getTimeZone(),
  ]);
  // Sandbox mode: the emulator's Stripe.js, which the browser runs before the real loadStripe.
  const stripeJsUrl = sandbox.stripe && stripe.apiUrl ? new URL('/v3/', stripe.apiUrl).toString() : null;
  if (stripe.enabled) preconnect(stripeJsUrl ? new URL(stripeJsUrl).origin : STRIPE_JS_ORIGIN);
  const words: ShellWords = {
    add: ts('add'),
    title: ts(stripe.sepaEnabled ? 'titleSepa' : 'title'),
    lead: ts('lead'),
    loading: ts('loading'),
    cancel: ts('cancel'),
    tryAgain: tc('tryAgain'),
    network: ts('network'),
  };
  return (
    <div className="add-card" id="add-card">
      {stripe.enabled && (
        <StripeAddCard
          publishableKey={stripe.publishableKey}
          stripeJsUrl={stripeJsUrl}
          sepaEnabled={stripe.sepaEnabled}
          words={words}
          // The form gets the two namespaces it speaks, not the whole catalogue.
          language={{ locale, timeZone, messages: { stripe: messages.stripe, card: messages.card } }}
        />
      )}
      {quickpay.enabled && (
        <a className="button button-secondary" href="/add-payment-card" data-testid="add-quickpay">
          {t('add')}
        </a>
      )}
    </div>
  );
}
