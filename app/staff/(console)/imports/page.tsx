import { getFormatter, getTranslations } from 'next-intl/server';
import { staffPage } from '@/lib/server/staff';
import { refusalNotice } from '@/lib/server/staff-refusal';
import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS } from '@/lib/staff/imports/parse';
import { recentImports } from '@/lib/staff/imports/run';
import { titled } from '@/app/page-title';
import { importAction } from './actions';
import { ImportForm } from './import-form';
import { KeepFresh } from './keep-fresh';
import './imports.css';

export const dynamic = 'force-dynamic';
export const generateMetadata = titled('imports');

/** Bringing existing cards over (issue 27): upload, dry run, start, and each import's progress with its failed rows as CSV. */
export default async function ImportsPage() {
  const [t, tr, format] = await Promise.all([getTranslations('cardImport'), getTranslations('refusals'), getFormatter()]);
  const body = await staffPage('operator', refusalNotice(t('forbidden')), async ({ ctx }) => {
    const imports = await recentImports(ctx.db);
    const running = imports.some((i) => i.left > 0);
    return (
      <section className="panel imports-page">
        <h1>{t('title')}</h1>
        <p className="lead">{t.rich('lead', { code: (chunks) => <code>{chunks}</code> })}</p>
        <ImportForm
          action={importAction}
          maxBytes={IMPORT_MAX_BYTES}
          labels={{
            file: t('file', { maxKb: String(IMPORT_MAX_BYTES / 1000), maxRows: String(IMPORT_MAX_ROWS) }),
            check: t('check'),
            start: t('start'),
            working: t('working'),
            tooLarge: tr('importTooLarge', { max: `${IMPORT_MAX_BYTES / 1000} kB` }),
            badRows: t('badRows'),
            columns: {
              line: t('columns.line'),
              account: t('columns.account'),
              gateway: t('columns.gateway'),
              token: t('columns.token'),
              reason: t('columns.reason'),
            },
          }}
        />
        <section aria-labelledby="imports-heading" className="imports-list">
          <h2 id="imports-heading">{t('imports')}</h2>
          {imports.length === 0 ? (
            <p className="empty">{t('none')}</p>
          ) : (
            <ul>
              {imports.map((i) => (
                <li key={i.id} data-testid="import-row" data-left={i.left} data-done={i.done} data-failed={i.failed}>
                  <p>
                    <span translate="no">{i.fileName}</span>,{' '}
                    {t('by', { who: i.createdBy, when: format.dateTime(i.createdAt, { dateStyle: 'medium', timeStyle: 'short' }) })}
                  </p>
                  <progress max={i.rows} value={i.done + i.failed} aria-labelledby={`progress-${i.id}`} />
                  <p data-testid="import-progress" id={`progress-${i.id}`}>
                    {t('progress', { done: String(i.done), left: String(i.left), failed: String(i.failed), rows: String(i.rows) })}
                    {' · '}
                    {i.left === 0 ? t('finished') : i.secondsLeft !== null ? t('timeLeft', { minutes: String(Math.ceil(i.secondsLeft / 60)) }) : null}
                  </p>
                  {i.failed > 0 && (
                    <a href={`/staff/imports/${i.id}/failed`} download data-testid="import-failed-csv">
                      {t('failedCsv')}
                    </a>
                  )}
                </li>
              ))}
            </ul>
          )}
          {running ? <KeepFresh everyMs={5_000} /> : null}
        </section>
      </section>
    );
  });
  return body;
}
