import Link from 'next/link';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getMessages, getTranslations } from 'next-intl/server';
import { loadApproval } from '@/lib/approvals/load-approval';
import { isRefused } from '@/lib/domain/outcomes';
import { formatMoney } from '@/lib/i18n/money';
import { currentMerchant } from '@/lib/merchant/current';
import { customerPage } from '@/lib/server/customer-page';
import { SessionEnded } from '../../session-ended';
import { ApprovalPanel } from './approval-panel';
import { Outcome } from './outcome';
import { titled } from '@/app/page-title';

export const generateMetadata = titled('approve', { referrer: 'no-referrer' });

/**
 * A payment Fenerum could not take without the customer (3-D Secure). The account is the
 * session's; the server checks the PaymentIntent is this account's and waits for it before
 * the page gets its client secret. Each state has its own page.
 */
export default async function ApprovePage({ params }: { params: Promise<{ paymentIntentId: string }> }) {
  const [{ paymentIntentId }, t, locale, messages, { ctx, session }] = await Promise.all([
    params,
    getTranslations('approval'),
    getLocale(),
    getMessages(),
    customerPage(),
  ]);
  if (!session) return <SessionEnded />;
  const view = await loadApproval(ctx, session, paymentIntentId);
  if (isRefused(view)) {
    return (
      <section className="panel" role="alert" data-testid="approval-not-found">
        <h1>{t('notFound')}</h1>
        <p>{t('notFoundLead')}</p>
        <Link className="button button-secondary" href="/pay">
          {t('back')}
        </Link>
      </section>
    );
  }
  const amount = formatMoney({ minor: view.amount, currency: view.currency }, locale);
  // Paid with a new card and not yet at Fenerum: tried after this page is sent (the worker finishes otherwise).
  if (view.state !== 'needs-approval' && view.registration?.status === 'queued') ctx.registrar.inBackground(view.registration.id);
  const { stripe, sandbox } = ctx.env;
  const stripeJsUrl = sandbox.stripe && stripe.apiUrl ? new URL('/v3/', stripe.apiUrl).toString() : null;
  return (
    <section className="panel">
      {/* Who is charging, how much, and for what (the PaymentIntent's description, when it has one). */}
      <div className="charged-by" data-testid="approval-charged-by">
        <p className="account-name">{t('chargedBy', { merchant: currentMerchant().name, amount })}</p>
        {view.description && <p>{t.rich('forWhat', { description: view.description, d: (chunks) => <span translate="no">{chunks}</span> })}</p>}
      </div>
      <NextIntlClientProvider messages={{ approval: messages.approval }}>
        {view.state === 'needs-approval' ? (
          <ApprovalPanel
            paymentIntentId={view.paymentIntentId}
            amount={amount}
            clientSecret={view.clientSecret}
            savedCard={view.savedCard && { paymentMethodId: view.savedCard.paymentMethodId, line: t('card', view.savedCard) }}
            authenticationFailed={view.authenticationFailed}
            declined={view.declined}
            publishableKey={stripe.publishableKey}
            stripeJsUrl={stripeJsUrl}
            locale={locale}
          />
        ) : (
          <Outcome state={view.state} amount={amount} newCard={null} focus={false} />
        )}
      </NextIntlClientProvider>
    </section>
  );
}
