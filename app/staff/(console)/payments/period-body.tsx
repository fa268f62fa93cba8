import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import { defaultPeriod, readPeriod } from '@/lib/staff/payments/filters';
import { PeriodForm } from './period-form';
import { farpayDown } from './section';

type Period = { from: string; to: string };
type Params = Record<string, string | string[] | undefined>;

/**
 * A period page's body (failed payments, reconciliation): the period form, then a period that
 * cannot be read said as a problem, FarPay not answering said as such, or what `show` renders
 * for the period (the form given to place).
 */
export async function periodBody(
  { params, action, submit }: { params: Params; action: string; submit: string },
  show: (period: Period, form: ReactNode) => Promise<ReactNode>,
): Promise<ReactNode> {
  const t = await getTranslations('farpay');
  const today = new Date().toISOString().slice(0, 10);
  const period = readPeriod(params, today);
  const shown = typeof period === 'string' ? defaultPeriod(today) : period;
  const form = <PeriodForm action={action} from={shown.from} to={shown.to} submit={submit} />;
  if (typeof period === 'string')
    return [
      form,
      <p key="p" role="alert" className="staff-error">
        {t(`problem.${period}`)}
      </p>,
    ];
  try {
    return await show(period, form);
  } catch (err) {
    return farpayDown(err, form, t('unavailable'));
  }
}
