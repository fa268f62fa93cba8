import { getLocale, getMessages, getTimeZone, getTranslations } from 'next-intl/server';
import { offersSepa } from '@/lib/cards/sepa';
import type { Account } from '@/lib/domain/accounts';
import { env } from '@/lib/env';
import { StripeAddCard } from './stripe/add-card';
import type { ShellWords } from './stripe/add-card/words';

/** Where Stripe.js comes from: js.stripe.com, or the emulator in sandbox mode. */
const STRIPE_JS_ORIGIN = 'https://js.stripe.com';
/** The script `loadStripe` injects (@stripe/stripe-js's release train, endive: PROVIDERS.md). */
const STRIPE_JS_URL = `${STRIPE_JS_ORIGIN}/endive/stripe.js`;

/**
 * The ways to add a card. Stripe's form loads when the page is idle or the customer reaches for
 * its button; QuickPay's is a plain link: it works before any JavaScript loads. A provider that
 * is off (lib/env) is not offered, and SEPA Direct Debit only to a EUR account in a SEPA country.
 */
export async function AddCard({ account }: { account: Pick<Account, 'country' | 'currency'> }) {
  const { stripe, quickpay, sandbox } = env();
  const sepa = offersSepa(stripe.sepaEnabled, account);
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
  const words: ShellWords = {
    add: ts('add'),
    title: ts(sepa ? 'titleSepa' : 'title'),
    lead: ts('lead'),
    loading: ts('loading'),
    cancel: ts('cancel'),
    tryAgain: tc('tryAgain'),
    network: ts('network'),
  };
  // Both offered: each button says how it differs (the cards each takes, where they are typed in).
  const both = stripe.enabled && quickpay.enabled;
  return (
    <div className="add-card" id="add-card">
      {stripe.enabled && (
        // Fetched while the page loads, so the form's Stripe.js runs from the cache: part of the
        // customer's wait from the link to the card fields (bench: "link opened → fields ready").
        // Elements, not react-dom's preload(): a hint from a server component reaches the browser
        // only in the RSC payload, read after the page's scripts; React hoists these into <head>.
        <>
          <link rel="preconnect" href={stripeJsUrl ? new URL(stripeJsUrl).origin : STRIPE_JS_ORIGIN} />
          <link rel="preload" as="script" href={stripeJsUrl ?? STRIPE_JS_URL} />
        </>
      )}
      {stripe.enabled && (
        <StripeAddCard
          publishableKey={stripe.publishableKey}
          stripeJsUrl={stripeJsUrl}
          sepaEnabled={sepa}
          words={words}
          describedBy={both ? 'add-stripe-hint' : undefined}
          // The form gets the two namespaces it speaks, not the whole catalogue.
          language={{ locale, timeZone, messages: { stripe: messages.stripe, card: messages.card } }}
        />
      )}
      {quickpay.enabled && (
        <a className="button button-secondary" href="/add-payment-card" data-testid="add-quickpay" aria-describedby={both ? 'add-quickpay-hint' : undefined}>
          {t('add')}
        </a>
      )}
      {both && (
        <ul className="add-hints" data-testid="add-hints">
          <li id="add-stripe-hint">
            <strong>{ts('add')}:</strong> {ts(sepa ? 'addHintSepa' : 'addHint')}
          </li>
          <li id="add-quickpay-hint">
            <strong>{t('add')}:</strong> {t('addHint')}
          </li>
        </ul>
      )}
    </div>
  );
}
