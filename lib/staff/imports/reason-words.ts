import { createTranslator, type Messages } from 'next-intl';
import en from '@/messages/en.json';
import type { CheckedRow } from './check';
import type { FailedRow } from './run';

/** A translator of `cardImport.reasons` (next-intl's getTranslations, in the reader's language; English for the API). */
export type ReasonWords = (key: FailedRow['reason'], values: { detail: string }) => string;

/** Why a row is not imported, as a sentence, with the provider's own words after it when there are some. */
export function reasonSentence(say: ReasonWords, row: Pick<FailedRow, 'reason' | 'detail'>): string {
  const sentence = say(row.reason, { detail: row.detail ?? '' });
  return row.detail && row.reason !== 'duplicate' ? `${sentence} (${row.detail})` : sentence;
}

/** A checked row as the API and the page show it: its cells, ok or not, and the sentence. */
export function shownRow(say: ReasonWords, r: CheckedRow) {
  const cells = { line: r.line, account: r.account, gateway: r.gateway, token: r.token };
  return r.ok ? { ...cells, ok: true as const } : { ...cells, ok: false as const, reason: r.reason, sentence: reasonSentence(say, r) };
}

/** The reasons in English: JSON answers (npm run import) are read in one language, as the refusal table's are. */
export const englishReasons = createTranslator({ locale: 'en', messages: en as Messages, namespace: 'cardImport.reasons' }) as unknown as ReasonWords;
