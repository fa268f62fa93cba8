import { getFormatter, getTranslations } from 'next-intl/server';
import { env } from '@/lib/env';
import { recentSandboxMail } from '@/lib/mail/sandbox-mailbox';

/** Sandbox mode: what the sandbox's SMTP server caught, newest first, with each message's portal link. */
export async function SandboxMailbox() {
  const [t, format] = await Promise.all([getTranslations('mail.sandbox'), getFormatter()]);
  const messages = await recentSandboxMail(env().fenerum.apiUrl);
  return (
    <section className="panel" aria-labelledby="sandbox-mailbox">
      <h2 id="sandbox-mailbox">{t('title')}</h2>
      <p>{t('lead')}</p>
      <form action="/demo/mail" method="post" className="account-row mail-send">
        <label htmlFor="mail-account">{t('account')}</label>
        <input id="mail-account" name="account" defaultValue="CUST001" required maxLength={64} autoComplete="off" spellCheck={false} />
        <button type="submit" className="button">
          {t('send')}
        </button>
      </form>
      {messages === null && <p role="alert">{t('unavailable')}</p>}
      {messages?.length === 0 && <p className="empty">{t('empty')}</p>}
      {messages && messages.length > 0 && (
        <ul className="accounts" data-testid="sandbox-mailbox">
          {messages.map((m) => {
            const portalLink = m.links.find((l) => new URL(l).pathname.startsWith('/pay/'));
            // The subject is the email's own text, in its recipient's language: described by it, not translated.
            const subjectId = `mail-subject-${m.id}`;
            return (
              <li key={m.id} className="account-row">
                <span>
                  <strong id={subjectId} translate="no">
                    {m.subject}
                  </strong>
                  <br />
                  <code>
                    {t('to', { to: m.to.join(', ') })} · {format.dateTime(new Date(m.at), { dateStyle: 'short', timeStyle: 'short' })}
                  </code>
                </span>
                <span className="mail-links">
                  {portalLink && (
                    <a className="button" href={portalLink} aria-describedby={subjectId}>
                      {t('open')}
                    </a>
                  )}{' '}
                  <a href={m.htmlUrl} aria-describedby={subjectId}>
                    {t('view')}
                  </a>
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
