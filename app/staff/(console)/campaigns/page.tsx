import { getLocale, getTranslations } from 'next-intl/server';
import { titled } from '@/app/page-title';
import { cardLine } from '@/app/card-line';
import { staffPage } from '@/lib/server/staff';
import { loadCampaignsPage, type CampaignLine } from '@/lib/staff/campaigns/state';
import { CAMPAIGN_WINDOW_DAYS, REMIND_DEFAULT_DAYS, REMIND_MAX_DAYS } from '@/lib/staff/campaigns/rules';
import { formatDate } from '@/lib/staff/payments/format';
import { ActionForm } from '../users/action-form';
import { refreshCampaignsAction, remindCampaignAction } from './actions';
import { SendTable, type SendLine } from './send-table';
import './campaigns.css';

export const dynamic = 'force-dynamic';
export const generateMetadata = titled('campaigns');

/**
 * Operators: the legacy-card and expiring-card campaigns. Each list (from the last refresh of
 * Fenerum's card list) with the accounts to choose and send to, each account's newest send within
 * the window (queued, sent, opened, card replaced) and its reminder, and "remind those who did not act".
 */
export default async function CampaignsPage() {
  const [t, tAll, locale] = await Promise.all([getTranslations('campaigns'), getTranslations(), getLocale()]);
  return staffPage('operator', async ({ ctx }) => {
    const page = await loadCampaignsPage(ctx.db, new Date());
    const when = (d: Date | null) => (d ? formatDate(d.toISOString(), false, locale) : '');
    const r = page.refresh;
    const lineOf = (l: CampaignLine): SendLine => ({
      code: l.accountCode,
      name: l.accountName,
      card: cardLine(tAll, l.card),
      stateKey: l.send?.state ?? 'none',
      state: t(`states.${l.send?.state ?? 'none'}`) + (l.listed ? '' : ` (${t('notListedNow')})`),
      sentAt: l.send ? `${when(l.send.sentAt ?? l.send.createdAt)} ${t('by', { who: l.send.sentBy })}` : '',
      reminder: l.send?.reminder ? `${t(`states.${l.send.reminder.state}`)} ${when(l.send.reminder.at)}` : '',
      listed: l.listed,
      select: t('select', { account: l.accountCode }),
    });
    return (
      <>
        <section className="panel">
          <h1>{t('title')}</h1>
          <p>{t('intro')}</p>
          <p>{t('window', { days: String(CAMPAIGN_WINDOW_DAYS) })}</p>
          <p data-testid="campaign-refreshed">
            {r?.startedAt
              ? t('refreshing', { at: when(r.startedAt) })
              : r?.completedAt
                ? t('refreshed', { at: when(r.completedAt), cards: String(r.cardsSeen), calls: String(r.calls) })
                : t('neverRefreshed')}
          </p>
          {r?.lastError ? <p className="staff-error">{t('refreshFailed', { error: r.lastError })}</p> : null}
          {r && r.unindexed > 0 ? <p>{t('unindexed', { count: String(r.unindexed) })}</p> : null}
          <ActionForm action={refreshCampaignsAction} hidden={{ what: 'cards' }} submit={t('refresh')} secondary />
        </section>
        {page.campaigns.map((c) => (
          <section key={c.campaign} className="panel" data-testid={`campaign-${c.campaign}`} aria-labelledby={`campaign-${c.campaign}-title`}>
            <h2 id={`campaign-${c.campaign}-title`}>{t(`kinds.${c.campaign}`)}</h2>
            <p>{t(`explain.${c.campaign}`)}</p>
            <p data-testid="campaign-summary">
              {t('summary', {
                sent: String(c.totals.sent),
                opened: String(c.totals.opened),
                replaced: String(c.totals.replaced),
                waiting: String(c.totals.waiting),
              })}
            </p>
            {c.lines.length === 0 ? (
              <p className="empty">{t('noneListed')}</p>
            ) : (
              <SendTable
                campaign={c.campaign}
                lines={c.lines.map(lineOf)}
                labels={{
                  selectAll: t('selectAll'),
                  account: t('account'),
                  card: t('card'),
                  state: t('state'),
                  sentAt: t('sentAt'),
                  reminder: t('reminderColumn'),
                  send: t('send'),
                  caption: t(`kinds.${c.campaign}`),
                }}
              />
            )}
            <h3>{t('remindTitle')}</h3>
            <ActionForm action={remindCampaignAction} hidden={{ campaign: c.campaign }} submit={t('remind')} className="staff-inline-form campaign-remind">
              <label className="staff-field">
                <span>{t('remindDays')}</span>
                <input name="days" type="number" min={0} max={REMIND_MAX_DAYS} defaultValue={REMIND_DEFAULT_DAYS} required data-testid="remind-days" />
              </label>
            </ActionForm>
          </section>
        ))}
      </>
    );
  });
}
