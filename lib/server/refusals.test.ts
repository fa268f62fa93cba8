import { parse, TYPE } from '@formatjs/icu-messageformat-parser';
import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { refused, retryAfter, type RefusalReason } from '@/lib/domain/outcomes';
import da from '@/messages/da.json';
import en from '@/messages/en.json';
import { answerFor, refusalSentence, refusalTable } from './refusals';

describe('the refusal table', () => {
  it('answers too-many with 429, a sentence, and Retry-After in whole seconds', () => {
    expect(answerFor(retryAfter(refused('too-many'), 1799.2))).toEqual({
      status: 429,
      code: 'too-many',
      message: 'Too many card setups were started for this account in the last hour; please try again later',
      headers: { 'Retry-After': '1800' },
    });
  });

  it('never tells a caller to retry in less than a second', () => {
    expect(answerFor(retryAfter(refused('too-many'), 0)).headers).toEqual({ 'Retry-After': '1' });
  });

  it('adds no Retry-After to a refusal without one', () => {
    expect(answerFor(refused('not-found'))).toEqual({ status: 404, code: 'not-found', message: 'Not found' });
  });
});

/** The ICU arguments a sentence takes, sorted. */
const argumentsOf = (message: string) =>
  parse(message)
    .filter((el) => el.type !== TYPE.literal)
    .map((el) => ('value' in el ? String(el.value) : ''))
    .sort();

describe('every refusal has its words', () => {
  const keys = [...Object.keys(refusalTable), ...Object.keys(en.refusals)];

  it.each(keys)('%s: a sentence in English and in Danish, taking the same arguments', (key) => {
    const english = (en.refusals as Record<string, string>)[key];
    const danish = (da.refusals as Record<string, string>)[key];
    expect(english?.trim(), `messages/en.json refusals.${key}`).toBeTruthy();
    expect(danish?.trim(), `messages/da.json refusals.${key}`).toBeTruthy();
    expect(argumentsOf(danish ?? ''), key).toEqual(argumentsOf(english ?? ''));
  });

  it.each(Object.keys(refusalTable) as RefusalReason[])('%s: the console says it in both languages too', (reason) => {
    expect(en.staffRefusals.reasons[reason]).toBeTruthy();
    expect(da.staffRefusals.reasons[reason]).toBeTruthy();
  });

  it('renders a key with its arguments in a JSON body, and the reason’s code', () => {
    expect(answerFor(refused('not-found', 'unknownAccount', { account: 'CUST9' }))).toEqual({
      status: 404,
      code: 'not-found',
      message: 'Unknown account: CUST9',
    });
    expect(answerFor(refused('unauthenticated', 'apiKeyMissing', { key: '<PORTAL_API_KEY>' }))).toEqual({
      status: 401,
      code: 'unauthenticated',
      message: 'Missing or wrong API key (Authorization: Bearer <PORTAL_API_KEY>)',
      headers: { 'WWW-Authenticate': 'Bearer' },
    });
  });

  it('says a Danish refusal in Danish', () => {
    const t = createTranslator({ locale: 'da', messages: da, namespace: 'refusals' });
    expect(refusalSentence(refused('invalid-input', 'searchTooLong', { max: '100' }), t as Parameters<typeof refusalSentence>[1])).toBe(
      'Søg efter højst 100 tegn',
    );
  });

  it('takes a key and its arguments, never a sentence (tsc fails on these lines otherwise)', () => {
    const sentence: string = 'That is not a card id';
    // @ts-expect-error -- an English sentence is not a key
    expect(refused('invalid-input', sentence).key).toBe(sentence);
    // @ts-expect-error -- this key's sentence needs {max}
    expect(refused('invalid-input', 'searchTooLong').key).toBe('searchTooLong');
    // @ts-expect-error -- this key's sentence takes no arguments
    expect(refused('invalid-input', 'notACardId', { max: '1' }).key).toBe('notACardId');
  });
});
