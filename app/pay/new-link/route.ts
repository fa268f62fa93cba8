import { getLocale, getTranslations } from 'next-intl/server';
import { plainPage } from '@/lib/auth/plain-page';
import { isRefused, type Refused } from '@/lib/domain/outcomes';
import { appContext } from '@/lib/server/context';
import { isRefusalError } from '@/lib/server/errors';
import { clientIp, readLimitedText } from '@/lib/server/read-json';
import { refusalSentence, refusalTable } from '@/lib/server/refusals';
import { answer, html } from '@/lib/server/reply';
import { isSameOrigin } from '@/lib/server/request-origin';
import { noLeak } from '@/lib/server/start-session';
import { plainFrame } from '@/app/plain-frame';
import { newLinkForm, notFromOurPage } from '../open/refusal-pages';

/** A form of two short fields: anything longer is not ours. */
const MAX_FORM_BYTES = 4 * 1024;

/**
 * "Email me a new link" (the form on an expired or withdrawn link's page and on an ended
 * session's page): a plain form post, so it works without JavaScript. Only a post from our own
 * pages is read. The answer is the same page, status and words whether or not the address is one
 * of the account's (lib/mail/requested-link.ts); a form that is out of date, an address that is
 * not one, a body too large or the hour's cap are said in a sentence, and nothing is written.
 */
export function POST(req: Request) {
  return answer(async () => {
    const ctx = await appContext();
    if (!isSameOrigin(req, ctx.env.appUrl)) return notFromOurPage();
    let form: URLSearchParams;
    try {
      form = new URLSearchParams(await readLimitedText(req, MAX_FORM_BYTES));
    } catch (err) {
      if (isRefusalError(err)) return refusedPage(err.refusal);
      throw err;
    }
    const ask = form.get('ask') ?? '';
    const email = form.get('email') ?? '';
    const result = await ctx.newLinks.request({ ask, email, locale: await getLocale(), ip: clientIp(req) });
    if (isRefused(result)) return refusedPage(result, result.key === 'newLinkAddress' ? { ask, email } : undefined);
    const [locale, t, frame] = await Promise.all([getLocale(), getTranslations('newLink'), plainFrame()]);
    return html(plainPage(t('sentTitle'), t('sentLead', { email: email.trim() }), locale, [], frame), 200, noLeak);
  });
}

/** A refusal as a page in the reader's language; an address that is not one gets the form back with it. */
async function refusedPage(r: Refused, again?: { ask: string; email: string }): Promise<Response> {
  const [locale, t, say, frame] = await Promise.all([getLocale(), getTranslations('newLink'), getTranslations('refusals'), plainFrame()]);
  const sentence = refusalSentence(r, say as Parameters<typeof refusalSentence>[1]);
  const title = r.reason === 'too-many' ? t('heldBackTitle') : t('problemTitle');
  const form = again ? await newLinkForm(again.ask, { error: sentence, value: again.email.slice(0, 254) }) : '';
  const headers = r.retryAfterSeconds === undefined ? noLeak : { ...noLeak, 'Retry-After': String(Math.max(1, Math.ceil(r.retryAfterSeconds))) };
  return html(plainPage(title, again ? '' : sentence, locale, [], frame, form), refusalTable[r.reason].status, headers);
}
