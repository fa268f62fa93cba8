import { getTranslations } from 'next-intl/server';

/** A period (GET form: the dates land in the URL), for the failed-payments and reconciliation pages. */
export async function PeriodForm({ action, from, to, submit }: { action: string; from: string; to: string; submit: string }) {
  const t = await getTranslations('farpay.filter');
  return (
    <form method="get" action={action} className="pay-filters panel" data-testid="period-form">
      <label className="staff-field">
        {t('from')}
        <input type="date" name="from" defaultValue={from} required />
      </label>
      <label className="staff-field">
        {t('to')}
        <input type="date" name="to" defaultValue={to} required />
      </label>
      <button type="submit" className="button">
        {submit}
      </button>
    </form>
  );
}
