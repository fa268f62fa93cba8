import { createTranslator, type Messages } from 'next-intl';
import { formatExpiry } from '@/lib/i18n/expiry';
import type { Locale } from '@/lib/i18n/locale';
import { formatMoney } from '@/lib/i18n/money';
import da from '@/messages/da.json';
import en from '@/messages/en.json';
import { escapeHtml } from '@/lib/text/html';
import { formatDay } from './format';
import type { MailContent, RenderedMail } from './types';

// Typed from the English catalogue; a unit test holds Danish to the same keys and placeholders.
const catalogues = { da: da as unknown as Messages, en: en as Messages } satisfies Record<Locale, Messages>;

/** The words of one message: the same for its HTML and its plain text. */
function wordsOf(content: MailContent, locale: Locale) {
  const t = createTranslator({ locale, messages: catalogues[locale], namespace: 'mail' });
  const merchant = content.merchant.name;
  const { email, phone } = content.merchant.support;
  const common = {
    merchant,
    greeting: t('common.greeting', { name: content.name }),
    linkHelp: t('common.linkHelp'),
    linkExpires: content.linkExpiresAt ? t('common.linkExpires', { date: formatDay(content.linkExpiresAt, locale) }) : t('common.linkPersonal'),
    notExpected: t('common.notExpected'),
    signature: t('common.signatureFrom', { merchant }),
    why: t('common.why', { account: content.name, merchant }),
    support: phone ? t('common.support', { email, phone }) : t('common.supportNoPhone', { email }),
    forWhat: null as string | null,
  };
  const card = content.card;
  switch (content.kind) {
    case 'approval-needed': {
      const amount = content.amount ? formatMoney(content.amount, locale) : '';
      return {
        ...common,
        subject: t('approvalNeeded.subject', { amount }),
        preview: t('approvalNeeded.preview'),
        heading: t('approvalNeeded.heading', { amount }),
        body: card
          ? t('approvalNeeded.bodyCard', { merchant, amount, brand: card.brand, last4: card.last4 })
          : t('approvalNeeded.bodyNoCard', { merchant, amount }),
        forWhat: content.description ? t('approvalNeeded.forWhat', { description: content.description }) : null,
        button: t('approvalNeeded.button'),
        after: t('approvalNeeded.after'),
      };
    }
    case 'card-expiring': {
      const c = card ?? { brand: '', last4: '', expMonth: 0, expYear: 0 };
      return {
        ...common,
        subject: t('cardExpiring.subject'),
        preview: t('cardExpiring.preview'),
        heading: t('cardExpiring.heading'),
        body: t('cardExpiring.body', { brand: c.brand, last4: c.last4, expiry: formatExpiry(c.expMonth, c.expYear) }),
        button: t('cardExpiring.button'),
        after: t('cardExpiring.after'),
      };
    }
    case 'card-notice': {
      const c = card ?? { brand: '', last4: '' };
      const added = content.notice?.change !== 'removed';
      const words = { brand: c.brand, last4: c.last4, account: content.name };
      return {
        ...common,
        // A security notice is never to be ignored: its `after` says whom to contact instead.
        notExpected: '',
        subject: t(added ? 'cardNotice.subjectAdded' : 'cardNotice.subjectRemoved'),
        preview: t('cardNotice.preview'),
        heading: t(added ? 'cardNotice.headingAdded' : 'cardNotice.headingRemoved', words),
        body: t(added ? 'cardNotice.bodyAdded' : 'cardNotice.bodyRemoved', words),
        button: t('cardNotice.button'),
        after: `${t('cardNotice.notYou', { support: content.notice?.support ?? '' })} ${t('cardNotice.bodyMore')}`,
      };
    }
    case 'customer-link':
      return {
        ...common,
        subject: t('customerLink.subject'),
        preview: t('customerLink.preview'),
        heading: t('customerLink.heading'),
        body: t('customerLink.body', { merchant }),
        button: t('customerLink.button'),
        after: t('cardExpiring.after'),
      };
    case 'requested-link':
      return {
        ...common,
        subject: t('requestedLink.subject'),
        preview: t('requestedLink.preview'),
        heading: t('requestedLink.heading'),
        body: t('requestedLink.body'),
        button: t('requestedLink.button'),
        after: t('cardExpiring.after'),
        notExpected: t('requestedLink.notAsked'),
      };
    case 'self-service':
      return {
        ...common,
        subject: t('selfService.subject'),
        preview: t('selfService.preview'),
        heading: t('selfService.heading'),
        body: t('selfService.body', { merchant }),
        button: t('selfService.button'),
        after: t('selfService.after'),
      };
    case 'campaign-legacy':
    case 'campaign-expiring': {
      const c = card ?? { brand: '', last4: '', expMonth: 0, expYear: 0 };
      const key = content.kind === 'campaign-legacy' ? 'campaignLegacy' : 'campaignExpiring';
      const subject = t(`${key}.subject`);
      return {
        ...common,
        subject: content.reminder ? t('campaignReminder', { subject }) : subject,
        preview: t(`${key}.preview`),
        heading: t(`${key}.heading`),
        body: t(`${key}.body`, { merchant, brand: c.brand, last4: c.last4, expiry: formatExpiry(c.expMonth, c.expYear) }),
        button: t(`${key}.button`),
        after: t(`${key}.after`),
      };
    }
    case 'new-card':
      return {
        ...common,
        subject: t('newCard.subject'),
        preview: t('newCard.preview'),
        heading: t('newCard.heading'),
        body: card ? t('newCard.bodyCard', { brand: card.brand, last4: card.last4 }) : t('newCard.bodyNoCard'),
        button: t('newCard.button'),
        after: t('cardExpiring.after'),
      };
  }
}

/** Subject, plain and accessible HTML (inline styles, a real link as the button), and plain text. */
export function renderMail(content: MailContent, locale: Locale): RenderedMail {
  const w = wordsOf(content, locale);
  const e = escapeHtml;
  const link = e(content.link);
  const accent = content.merchant.accent ?? '#1d4ed8';
  const p = 'margin:0 0 16px;font-size:16px;line-height:1.5;color:#1f2933;';
  const small = 'margin:0 0 8px;font-size:13px;line-height:1.5;color:#4b5563;';
  const html = `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(w.subject)}</title>
</head>
<body style="margin:0;padding:0;background:#f4f5f7;">
<div style="display:none;max-height:0;overflow:hidden;">${e(w.preview)}</div>
<main style="max-width:560px;margin:0 auto;padding:24px 16px;font-family:Arial,Helvetica,sans-serif;">
<p style="margin:0 0 12px;font-size:18px;font-weight:bold;line-height:1.3;color:${e(accent)};">${e(w.merchant)}</p>
<div style="background:#ffffff;border-radius:8px;padding:24px;">
<h1 style="margin:0 0 16px;font-size:22px;line-height:1.3;color:#1f2933;">${e(w.heading)}</h1>
<p style="${p}">${e(w.greeting)}</p>
<p style="${p}">${e(w.body)}</p>
${w.forWhat ? `<p style="${p}">${e(w.forWhat)}</p>\n` : ''}<p style="margin:24px 0;"><a href="${link}" style="display:inline-block;background:${e(accent)};color:#ffffff;font-size:16px;font-weight:bold;line-height:1.25;text-decoration:none;padding:14px 24px;border-radius:6px;">${e(w.button)}</a></p>
<p style="${p}">${e(w.after)}</p>
<p style="${p}font-size:14px;">${e(w.linkHelp)}<br><a href="${link}" style="color:${e(accent)};word-break:break-all;">${link}</a></p>
<p style="${p}font-size:14px;">${e(w.linkExpires)} ${e(w.notExpected)}</p>
<p style="margin:0;font-size:16px;line-height:1.5;color:#1f2933;">${e(w.signature)}</p>
</div>
<footer style="padding:16px 8px 0;">
<p style="${small}">${e(w.why)}</p>
<p style="${small}">${e(w.support)}</p>
</footer>
</main>
</body>
</html>
`;
  const text = [
    w.heading,
    '',
    w.greeting,
    '',
    w.body,
    '',
    ...(w.forWhat ? [w.forWhat, ''] : []),
    `${w.button}: ${content.link}`,
    '',
    w.after,
    '',
    `${w.linkExpires} ${w.notExpected}`,
    '',
    w.signature,
    '',
    '-- ',
    w.why,
    w.support,
    '',
  ].join('\n');
  return { subject: w.subject, html, text };
}
