import { IntlErrorCode, type IntlError } from 'next-intl';
import { log } from '@/lib/log';

/** What a page shows where a message is missing: its key between markers, never a crash (e2e/language.spec.ts looks for it). */
const MISSING_MARK = '⟦';

export function missingMessageMarker({ namespace, key }: { namespace?: string; key: string; error: IntlError }): string {
  return `${MISSING_MARK}${namespace ? `${namespace}.` : ''}${key}⟧`;
}

/** A miss or a bad message is logged on the server with its key; the page goes on with the marker. */
export function reportIntlError(error: IntlError): void {
  const what = error.code === IntlErrorCode.MISSING_MESSAGE ? 'message missing from the catalogue' : `message error (${error.code})`;
  log.error(`[i18n] ${what}: ${error.originalMessage ?? error.message}`);
}
