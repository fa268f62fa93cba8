import { describe, expect, it } from 'vitest';
import { json, refused, reset, scriptedHttp, TestError, thing } from '@/test/support/provider-http-fakes';
import type { ProviderCall } from './types';

const get: ProviderCall<{ id: number }> = { method: 'GET', path: 'things/1', schema: thing, operation: 'GET /things/{id}', idempotent: true };
const create: ProviderCall<{ id: number }> = { method: 'POST', path: 'things', body: {}, schema: thing, operation: 'POST /things', idempotent: false };
const failureOf = (err: unknown) => (err instanceof TestError ? err.failure : undefined);

describe('createProviderHttp: retries of an idempotent call', () => {
  it('retries 500, 502, 504 and a dropped connection, with equal-jitter backoff that grows', async () => {
    const { http, calls, slept } = scriptedHttp([json(500, {}), reset(), json(502, {}), json(504, {}), json(200, { id: 1 })], {
      maxRetries: 4,
      random: () => 1,
    });
    await expect(http.request(get)).resolves.toEqual({ id: 1 });
    expect(calls).toHaveLength(5);
    expect(slept).toEqual([500, 1_000, 2_000, 4_000]);
  });

  it('stops after maxRetries and hands the last failure to the client', async () => {
    const { http, calls, slept } = scriptedHttp([json(503, {}), json(503, {}), json(503, {}), json(200, { id: 1 })]);
    expect(failureOf(await http.request(get).catch((e: unknown) => e))).toMatchObject({ kind: 'http', status: 503 });
    expect(calls).toHaveLength(3); // 1 try + 2 retries
    expect(slept).toHaveLength(2);
  });

  it('waits at least a 503’s Retry-After', async () => {
    const { http, slept } = scriptedHttp([json(503, {}, { 'retry-after': '5' }), json(200, { id: 1 })]);
    await http.request(get);
    expect(slept).toEqual([5_000]);
  });
});

describe('createProviderHttp: a call that is not idempotent (a create, a refund)', () => {
  it('is not retried after a 500, 502, 504 or a dropped connection', async () => {
    for (const answer of [json(500, {}), json(502, {}), json(504, {}), reset()]) {
      const { http, calls } = scriptedHttp([answer, json(201, { id: 1 })]);
      await expect(http.request(create)).rejects.toBeInstanceOf(TestError);
      expect(calls).toHaveLength(1);
    }
  });

  it('is retried when the provider surely did nothing: 429, 503, connection refused', async () => {
    const { http, calls } = scriptedHttp([json(429, {}), json(503, {}), refused(), json(201, { id: 1 })], { maxRetries: 3 });
    await expect(http.request(create)).resolves.toEqual({ id: 1 });
    expect(calls).toHaveLength(4);
  });
});

describe('createProviderHttp: Retry-After', () => {
  it('waits exactly a 429’s Retry-After in seconds', async () => {
    const { http, slept } = scriptedHttp([json(429, {}, { 'retry-after': '2' }), json(429, {}, { 'retry-after': '3' }), json(200, { id: 1 })]);
    await http.request(get);
    expect(slept).toEqual([2_000, 3_000]);
  });

  it('reads a Retry-After given as an HTTP date against its clock', async () => {
    const { http, slept } = scriptedHttp([json(429, {}, { 'retry-after': 'Thu, 01 Jan 2026 00:00:30 GMT' }), json(200, { id: 1 })]);
    await http.request(get);
    expect(slept).toEqual([30_000]);
  });

  it('hands a Retry-After above the cap to the caller instead of waiting it out', async () => {
    for (const status of [429, 503]) {
      const { http, calls, slept } = scriptedHttp([json(status, {}, { 'retry-after': '3600' })], { maxRetryAfterSeconds: 60 });
      expect(failureOf(await http.request(get).catch((e: unknown) => e))).toMatchObject({ kind: 'http', status, retryAfterSeconds: 3600 });
      expect(calls).toHaveLength(1);
      expect(slept).toEqual([]);
    }
  });
});

describe('createProviderHttp: the rate limiter hook', () => {
  it('holds a slot per attempt, released when the answer is in, and pauses everyone on a 429', async () => {
    const log: string[] = [];
    const limiter = {
      acquire: async () => {
        log.push('acquire');
        return () => log.push('release');
      },
      pauseFor: (ms: number) => log.push(`pause ${ms}`),
    };
    const { http } = scriptedHttp([json(429, {}, { 'retry-after': '1' }), json(200, { id: 1 })], { limiter });
    await http.request(get);
    expect(log).toEqual(['acquire', 'release', 'pause 1000', 'acquire', 'release']);
  });

  it('releases the slot when the attempt fails without an answer', async () => {
    let held = 0;
    const limiter = { acquire: async () => (held++, () => void held--) };
    const { http } = scriptedHttp([reset()], { limiter, maxRetries: 0 });
    await expect(http.request(get)).rejects.toBeInstanceOf(TestError);
    expect(held).toBe(0);
  });
});
