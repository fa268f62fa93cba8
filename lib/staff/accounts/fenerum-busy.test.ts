import { describe, expect, it } from 'vitest';
import { FenerumError } from '@/lib/fenerum/errors';
import { DEFAULT_BUSY_SECONDS, fenerumBusySeconds } from './fenerum-busy';

describe('fenerumBusySeconds', () => {
  it('is Fenerum’s own Retry-After for a 429, rounded up', () => {
    expect(fenerumBusySeconds(new FenerumError({ kind: 'http', status: 429, retryAfterSeconds: 41.2 }))).toBe(42);
  });
  it('is our own limiter’s wait when this process’s budget is spent', () => {
    expect(fenerumBusySeconds(new FenerumError({ kind: 'over_budget', status: 0, retryAfterSeconds: 7 }))).toBe(7);
  });
  it('has a default for a 429 without a wait, and a ceiling for an absurd one', () => {
    expect(fenerumBusySeconds(new FenerumError({ kind: 'http', status: 429 }))).toBe(DEFAULT_BUSY_SECONDS);
    expect(fenerumBusySeconds(new FenerumError({ kind: 'http', status: 429, retryAfterSeconds: 86_400 }))).toBe(90);
  });
  it('is null for anything that is not “busy”', () => {
    expect(fenerumBusySeconds(new FenerumError({ kind: 'http', status: 500 }))).toBeNull();
    expect(fenerumBusySeconds(new FenerumError({ kind: 'timeout', status: 0 }))).toBeNull();
    expect(fenerumBusySeconds(new Error('429'))).toBeNull();
    expect(fenerumBusySeconds({ status: 429 })).toBeNull();
  });
});
