import type { Locale } from '@/lib/i18n/locale';

export type LinkFailure = 'malformed' | 'tampered' | 'expired' | 'revoked' | 'unknown';

export const linkFailureStatus: Record<LinkFailure, number> = {
  malformed: 400,
  tampered: 400,
  unknown: 404,
  expired: 410,
  revoked: 410,
};

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

type LinkProblem = 'expired' | 'revoked' | 'invalid';
/** The `link` namespace's messages, e.g. next-intl's `getTranslations('link')`. */
export type LinkText = (key: `title.${LinkProblem}` | `lead.${LinkProblem}`) => string;

/** A plain page that says what went wrong and what to do; no account data, no stack trace. */
export function linkErrorPage(reason: LinkFailure, locale: Locale, t: LinkText): string {
  const kind: LinkProblem = reason === 'expired' ? 'expired' : reason === 'revoked' ? 'revoked' : 'invalid';
  return plainPage(t(`title.${kind}`), t(`lead.${kind}`), locale);
}

/** A self-contained page for refusals outside the React tree. */
export function plainPage(title: string, lead: string, locale: Locale): string {
  return `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escape(title)}</title>
<style>body{font-family:system-ui,sans-serif;margin:0;padding:2rem 1.25rem;color:#1b2430;background:#f6f7f9}
main{max-width:32rem;margin:0 auto;background:#fff;border-radius:12px;padding:1.5rem;box-shadow:0 1px 3px #0002}
h1{font-size:1.4rem;margin:0 0 .75rem}p{line-height:1.5;margin:0}</style></head>
<body><main><h1>${escape(title)}</h1><p>${escape(lead)}</p></main></body></html>`;
}
