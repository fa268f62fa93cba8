import type { IncomingHttpHeaders } from 'node:http';
import { refused } from '@/lib/domain/outcomes';
import { answerFor } from './refusals';
import type { FrontDoorAnswer } from './front-door';

/**
 * A Server Action posted from another site is answered 403 here, before Next sees it. Next 16
 * recognises an action by its `Next-Action` header (a fetch from our own pages) or, for a form
 * posted without JavaScript, by a multipart body; it then compares the `Origin`'s host with
 * `X-Forwarded-Host` (its first value) or `Host`, and on a mismatch, or an Origin it cannot parse,
 * throws: a 500. The same comparison is made here (so nothing Next would run is refused), and
 * its failure is a 403 with a sentence. A request with no Origin at all is left to Next, which
 * lets it through as a hand-made one (a browser always sends Origin on a POST).
 */
export function actionOriginRefusal(method: string | undefined, url: string | undefined, headers: IncomingHttpHeaders): FrontDoorAnswer | null {
  if (method !== 'POST') return null;
  const contentType = headers['content-type'] ?? '';
  const isAction = headers['next-action'] !== undefined || (contentType.startsWith('multipart/form-data') && !(url ?? '/').startsWith('/api/'));
  const origin = headers.origin;
  if (!isAction || origin === undefined) return null;
  const forwarded = headers['x-forwarded-host'];
  const forwardedHost = (Array.isArray(forwarded) ? forwarded[0] : forwarded?.split(',')[0])?.trim();
  const host = headers.host;
  const originHost = hostOf(origin);
  if (originHost !== null && (originHost === forwardedHost || originHost === host)) return null;
  const { status, code, message } = answerFor(refused('cross-site'));
  return { status, code, error: message };
}

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host || null;
  } catch {
    return null;
  }
}
