import type { Translate } from '@/lib/i18n/translate';

/** The ways to add a card. QuickPay's is a plain link: it works before any JavaScript loads. */
export function AddCard({ t }: { t: Translate }) {
  return (
    <div className="add-card">
      <a className="button button-secondary" href="/add-payment-card" data-testid="add-quickpay">
        {t('quickpay.add')}
      </a>
    </div>
  );
}
