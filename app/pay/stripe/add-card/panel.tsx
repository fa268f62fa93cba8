'use client';

import { useRouter } from 'next/navigation';
import { NextIntlClientProvider, useLocale, useTranslations } from 'next-intl';
import { useCallback, useState } from 'react';
import { registerPaymentCard } from './api';
import type { FormText } from './card-lines';
import { CardForm, type IntentForSave } from './card-form';
import type { PanelProps } from './props';
import { Notices } from './notices';
import { forgetSetupIntent, takeSetupIntent } from './setup-intent';
import { Loading, Problem, Shell } from './shell';
import { useOutcome, useStripeJs, type Failure } from './panel-state';
import type { Notice } from './use-finishing';

const MESSAGE = {
  stripe: 'stripe.loadFailed',
  network: 'stripe.network',
  session: 'stripe.sessionEnded',
  unavailable: 'stripe.unavailable',
  // Over the hourly cap of new setups: "in a minute" would not be true.
  'too-many': 'card.tooMany',
  refused: 'card.failedLead',
  'not-confirmed': 'card.failedLead',
} as const satisfies Record<Failure, string>;

/** What to tell the customer: a refusal says the card was not saved; the rest as MESSAGE words them. */
const textOf = (t: FormText, failure: Failure) => (failure === 'refused' ? `${t('card.failed')}. ${t('card.failedLead')}` : t(MESSAGE[failure]));

/**
 * Everything behind the "Add card" button, a chunk fetched when the page is idle: Stripe.js, the
 * Payment Element (made hidden as soon as Stripe.js is there, so "Add card" shows fields that are
 * ready), the SetupIntent (asked for on Save), registration, and what came of it. next-intl comes
 * to the browser with it: the button and the frame before it are worded by the server.
 */
export default function Panel(props: PanelProps) {
  const { locale, timeZone, messages } = props.language;
  return (
    <NextIntlClientProvider locale={locale} timeZone={timeZone} messages={messages}>
      <PanelBody {...props} />
    </NextIntlClientProvider>
  );
}

function PanelBody({ open, onClose, ...props }: PanelProps) {
  const { publishableKey, stripeJsUrl, sepaEnabled, words } = props;
  const t = useTranslations();
  const locale = useLocale();
  const router = useRouter();
  const refresh = useCallback(() => router.refresh(), [router]);
  const stripeJs = useStripeJs(publishableKey, stripeJsUrl, locale);
  const outcome = useOutcome(open, refresh);
  // Each closing starts the next form afresh: nothing typed into this one is kept.
  const [formKey, setFormKey] = useState(0);

  const close = (focusButton: boolean) => {
    if (stripeJs.failure) stripeJs.retry();
    setFormKey((k) => k + 1);
    onClose(focusButton);
  };
  const done = (next: Notice) => {
    forgetSetupIntent();
    outcome.show(next);
    close(false);
    refresh();
  };

  /** On Save: the page's SetupIntent (kept while it can take a card), or the trouble making one, in words. */
  async function intentForSave(): Promise<IntentForSave> {
    const made = await takeSetupIntent();
    if (made.ok) return { ok: true, clientSecret: made.intent.clientSecret };
    return { ok: false, message: textOf(t, made.trouble) };
  }

  /** Stripe confirmed the SetupIntent: the server checks it and registers the card with Fenerum. */
  async function onConfirmed(setupIntentId: string, processing: boolean): Promise<string | null> {
    const r = await registerPaymentCard(setupIntentId);
    if (r.kind === 'registered') done({ kind: 'saved', card: r.card });
    else if (r.kind === 'pending' || (r.kind === 'not-confirmed' && processing))
      done({ kind: 'finishing', setupIntentId, card: r.kind === 'pending' ? r.card : null, slow: false });
    else if (r.kind === 'refused') {
      // This SetupIntent is spent: after "Try again", the next Save asks for a new one.
      forgetSetupIntent();
      stripeJs.fail('refused');
    } else return t(MESSAGE[r.kind]);
    return null;
  }

  const { loaded, failure } = stripeJs;
  const form = failure ? (
    <Problem words={words} message={textOf(t, failure)} retry={failure === 'session' ? undefined : stripeJs.retry} cancel={() => close(true)} />
  ) : loaded ? (
    <CardForm
      key={formKey}
      stripe={loaded}
      locale={locale}
      sepaEnabled={sepaEnabled}
      intentForSave={intentForSave}
      onIntentSpent={forgetSetupIntent}
      onConfirmed={onConfirmed}
      onLoadError={() => stripeJs.fail('stripe')}
      onCancel={() => close(true)}
    />
  ) : (
    <Loading words={words} cancel={() => close(true)} />
  );
  // Closed, the form waits hidden once Stripe.js is there, its card fields loading meanwhile: the
  // press on "Add card" shows them ready (bench: "link opened → fields ready"). A problem waits for the press.
  const waiting = loaded !== null && !failure;
  return (
    <>
      <Notices notice={outcome.notice} focusKey={outcome.focusNotice} />
      {(open || waiting) && (
        <div hidden={!open}>
          <Shell words={words} open={open}>
            {form}
          </Shell>
        </div>
      )}
    </>
  );
}
