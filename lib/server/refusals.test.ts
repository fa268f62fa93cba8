import { describe, expect, it } from 'vitest';
import { refused } from '@/lib/domain/outcomes';
import { answerFor } from './refusals';

describe('the refusal table', () => {
  it('answers too-many with 429, a sentence, and Retry-After in whole seconds', () => {
    expect(answerFor(refused('too-many', undefined, 1799.2))).toEqual({
      status: 429,
      message: 'Too many card setups were started for this account in the last hour; please try again later',
      headers: { 'Retry-After': '1800' },
    });
  });

  it('never tells a caller to retry in less than a second', () => {
    expect(answerFor(refused('too-many', undefined, 0)).headers).toEqual({ 'Retry-After': '1' });
  });

  it('adds no Retry-After to a refusal without one', () => {
    expect(answerFor(refused('not-found'))).toEqual({ status: 404, message: 'Not found' });
  });
});
