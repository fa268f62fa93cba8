import { z } from 'zod';
import { createProviderHttp } from '@/lib/provider-http/request';
import type { ProviderFailure, ProviderHttpConfig } from '@/lib/provider-http/types';

/** Test helpers for provider-http and the clients built on it: a scripted fetch and a fake clock. */
export type Scripted = Response | Error | 'hang';

export const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

const netError = (code: string, message: string) => Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error(message), { code }) });
export const refused = () => netError('ECONNREFUSED', 'connect ECONNREFUSED');
export const reset = () => netError('ECONNRESET', 'socket hang up');

export class TestError extends Error {
  constructor(readonly failure: ProviderFailure) {
    super(failure.kind);
  }
}

/** A fetch that answers each call with the next scripted answer, recording what was asked. */
export function scriptedFetch(answers: Scripted[]) {
  const calls: Array<{ url: string; init: RequestInit | undefined }> = [];
  const fetchStub: typeof fetch = (input, init) => {
    calls.push({ url: String(input), init });
    const next = answers.shift();
    if (next === undefined) return Promise.reject(new Error('no more scripted answers'));
    if (next === 'hang') {
      return new Promise<Response>((_, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    }
    return next instanceof Error ? Promise.reject(next) : Promise.resolve(next);
  };
  return { fetch: fetchStub, calls };
}

/** A core on a scripted fetch and a fake clock: sleeping moves the clock and is recorded. */
export function scriptedHttp(answers: Scripted[], extra: Partial<ProviderHttpConfig<TestError>> = {}) {
  const { fetch, calls } = scriptedFetch(answers);
  const slept: number[] = [];
  const clock = { t: Date.parse('2026-01-01T00:00:00Z') };
  const http = createProviderHttp<TestError>({
    baseUrl: 'https://provider.test/api/v2',
    headers: { Authorization: 'Bearer secret' },
    toError: (failure) => new TestError(failure),
    timeoutMs: 1_000,
    maxRetries: 2,
    fetch,
    now: () => clock.t,
    sleep: async (ms) => {
      slept.push(ms);
      clock.t += ms;
    },
    random: () => 0.5,
    ...extra,
  });
  return { http, calls, slept, clock };
}

export const thing = z.object({ id: z.number() });
