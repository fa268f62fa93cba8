import type { Locale } from '@/lib/i18n/locale';
import { escapeHtml as escape } from '@/lib/text/html';

export type LinkFailure = 'malformed' | 'tampered' | 'expired' | 'revoked' | 'unknown';

export const linkFailureStatus: Record<LinkFailure, number> = {
  malformed: 400,
  tampered: 400,
  unknown: 404,
  expired: 410,
  revoked: 410,
};

type LinkProblem = 'expired' | 'revoked' | 'invalid';
/** The `link` namespace's messages, e.g. next-intl's `getTranslations('link')`. */
export type LinkText = (key: `title.${LinkProblem}` | `lead.${LinkProblem}` | `leadWithForm.${Exclude<LinkProblem, 'invalid'>}`) => string;

/** A plain page that says what went wrong and what to do (whom to ask: the frame's contact); no account data, no stack trace. */
export function linkErrorPage(reason: LinkFailure, locale: Locale, t: LinkText, frame?: PlainFrame, form = ''): string {
  const kind: LinkProblem = reason === 'expired' ? 'expired' : reason === 'revoked' ? 'revoked' : 'invalid';
  // With the "email me a new link" form below, the lead points to it rather than to "ask us".
  const lead = form && kind !== 'invalid' ? t(`leadWithForm.${kind}`) : t(`lead.${kind}`);
  return plainPage(t(`title.${kind}`), lead, locale, [], frame, form);
}

/**
 * Whose page it is, worded for the reader: the merchant's name and logo above the box, its
 * support contact under the lead (these pages say "ask us"), its terms and privacy links below.
 */
export type PlainFrame = {
  merchant: string;
  logoUrl: string | null;
  /** The accent (already readable under white text), or null: the portal's own. */
  accent: string | null;
  /** "Contact Nordlys Fiber:" */
  contact: string;
  or: string;
  email: string;
  phone: string | null;
  links: Array<{ label: string; href: string }>;
};

function frameParts(f: PlainFrame | undefined): { header: string; contact: string; footer: string } {
  if (!f) return { header: '', contact: '', footer: '' };
  const logo = f.logoUrl
    ? `<img src="${escape(f.logoUrl)}" alt="${escape(f.merchant)}" height="32"><span aria-hidden="true">${escape(f.merchant)}</span>`
    : escape(f.merchant);
  const phone = f.phone ? ` ${escape(f.or)} <a href="tel:${escape(f.phone.replace(/[^+\d]/g, ''))}">${escape(f.phone)}</a>` : '';
  const links = f.links.map((l) => `<a href="${escape(l.href)}">${escape(l.label)}</a>`).join('');
  return {
    header: `<header><p class="brand">${logo}</p></header>`,
    contact: `<p class="contact">${escape(f.contact)} <a href="mailto:${escape(f.email)}">${escape(f.email)}</a>${phone}</p>`,
    footer: links ? `<footer>${links}</footer>` : '',
  };
}

/** What a plain page offers: a form posted to one of our routes (fields in the body, never the address), or a link. */
export type PageAction = { label: string; post: string; fields: Record<string, string> } | { label: string; href: string };

function actionHtml(a: PageAction, primary: boolean): string {
  const cls = primary ? 'button' : 'button secondary';
  if ('href' in a) return `<a class="${cls}" href="${escape(a.href)}">${escape(a.label)}</a>`;
  const fields = Object.entries(a.fields).map(([name, value]) => `<input type="hidden" name="${escape(name)}" value="${escape(value)}">`);
  return `<form method="post" action="${escape(a.post)}">${fields.join('')}<button class="${cls}" type="submit">${escape(a.label)}</button></form>`;
}

/** The words of the "email me a new link" form; `error` and `value` when it comes back refused. */
type NewLinkFormText = { heading: string; intro: string; email: string; send: string; error?: string; value?: string };

/**
 * "Email me a new link" on a plain page: the signed value that names the account (lib/auth/
 * new-link-ask.ts) and the address typed, posted in the body to /pay/new-link. Works without JavaScript.
 */
export function newLinkFormHtml(ask: string, t: NewLinkFormText): string {
  const error = t.error ? `<p class="error" id="new-link-error">${escape(t.error)}</p>` : '';
  const invalid = t.error ? ' aria-invalid="true" aria-describedby="new-link-error"' : '';
  const value = t.value ? ` value="${escape(t.value)}"` : '';
  return `<section class="new-link" aria-labelledby="new-link-heading"><h2 id="new-link-heading">${escape(t.heading)}</h2><p>${escape(t.intro)}</p>
<form method="post" action="/pay/new-link"><input type="hidden" name="ask" value="${escape(ask)}"><label for="new-link-email">${escape(t.email)}</label>
<input id="new-link-email" name="email" type="email" autocomplete="email" inputmode="email" required maxlength="254"${value}${invalid}>${error}
<button class="button" type="submit">${escape(t.send)}</button></form></section>`;
}

/**
 * A self-contained page outside the React tree: refusals, and the questions asked before a
 * link or a plain link does anything. It sends no Referer (its address may hold a link token).
 */
export function plainPage(title: string, lead: string, locale: Locale, actions: PageAction[] = [], frame?: PlainFrame, form = ''): string {
  const buttons = actions.length ? `<div class="actions">${actions.map((a, i) => actionHtml(a, i === 0)).join('')}</div>` : '';
  const parts = frameParts(frame);
  const accent = frame?.accent && /^#[0-9a-f]{6}$/i.test(frame.accent) ? frame.accent : '#1f3a5f';
  return `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><meta name="referrer" content="no-referrer"><title>${escape(frame ? `${title} · ${frame.merchant}` : title)}</title>
<style>body{font-family:system-ui,sans-serif;margin:0;padding:2rem 1.25rem;color:#1b2430;background:#f6f7f9}
main{max-width:32rem;margin:0 auto;background:#fff;border-radius:12px;padding:1.5rem;box-shadow:0 1px 3px #0002}
header,footer{max-width:32rem;margin:0 auto}.brand{display:flex;align-items:center;gap:.6rem;font-weight:700;color:${accent};margin:0 0 1rem}.brand img{height:32px;width:auto}
.contact{margin-top:.75rem}a{color:${accent};overflow-wrap:anywhere}a[href^="tel:"]{white-space:nowrap}footer{display:flex;flex-wrap:wrap;gap:0 1.25rem;margin-top:1rem;font-size:.9rem}footer a{display:inline-block;padding:.6rem 0}
h1{font-size:1.4rem;margin:0 0 .75rem}p{line-height:1.5;margin:0}
.actions{display:flex;flex-wrap:wrap;gap:.75rem;margin-top:1.25rem}form{margin:0}
.button{display:inline-flex;align-items:center;justify-content:center;text-align:center;box-sizing:border-box;font:inherit;font-weight:600;min-height:44px;padding:.5rem 1.1rem;border-radius:8px;border:2px solid ${accent};background:${accent};color:#fff;text-decoration:none;cursor:pointer}
.button.secondary{background:#fff;color:${accent}}.button:focus-visible{outline:3px solid #7aa7e0;outline-offset:2px}
.new-link{margin-top:1.5rem;padding-top:1.25rem;border-top:1px solid #d5dae1}h2{font-size:1.15rem;margin:0 0 .5rem}
.new-link form{display:flex;flex-direction:column;align-items:flex-start;gap:.5rem;margin-top:1rem}label{font-weight:600}
input[type=email]{box-sizing:border-box;width:100%;min-height:44px;font:inherit;padding:.5rem .75rem;border:1px solid #5b6675;border-radius:8px}
input[type=email]:focus-visible{outline:3px solid #7aa7e0;outline-offset:1px}.error{color:#a01c1c;font-weight:600}</style></head>
<body>${parts.header}<main><h1>${escape(title)}</h1>${lead ? `<p>${escape(lead)}</p>` : ''}${parts.contact}${buttons}${form}</main>${parts.footer}</body></html>`;
}
