import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { json, scriptedHttp, TestError, thing } from '@/test/support/provider-http-fakes';
import type { ProviderCall } from './types';

const get: ProviderCall<{ id: number }> = { method: 'GET', path: 'things/1', schema: thing, operation: 'GET /things/{id}', idempotent: true };
const create: ProviderCall<{ id: number }> = {
  method: 'POST',
  path: 'things',
  body: { name: 'x' },
  schema: thing,
  operation: 'POST /things',
  idempotent: false,
};
const failureOf = (err: unknown) => (err instanceof TestError ? err.failure : undefined);

describe('createProviderHttp: the request', () => {
  it('resolves the path against the base URL, adds the query, the client headers and the call headers', async () => {
    const { http, calls } = scriptedHttp([json(200, { id: 1 })]);
    await expect(http.request({ ...get, query: { page_size: '100' }, headers: { 'X-User': 'staff@x.dk' } })).resolves.toEqual({ id: 1 });
    expect(calls[0]?.url).toBe('https://provider.test/api/v2/things/1?page_size=100');
    const headers = new Headers(calls[0]?.init?.headers);
    expect(headers.get('authorization')).toBe('Bearer secret');
    expect(headers.get('x-user')).toBe('staff@x.dk');
    expect(headers.get('accept')).toBe('application/json');
    expect(headers.has('content-type')).toBe(false); // no body, no content type
    expect(calls[0]?.init?.redirect).toBe('manual');
  });

  it('sends a body as JSON with its content type', async () => {
    const { http, calls } = scriptedHttp([json(201, { id: 2 })]);
    await http.request(create);
    expect(new Headers(calls[0]?.init?.headers).get('content-type')).toBe('application/json');
    expect(JSON.parse(String(calls[0]?.init?.body))).toEqual({ name: 'x' });
  });

  it('refuses a path or URL on another origin without calling (the credentials would go along)', async () => {
    const { http, calls } = scriptedHttp([]);
    const err = await http.request({ ...get, path: new URL('https://evil.test/things/1') }).catch((e: unknown) => e);
    expect(failureOf(err)).toMatchObject({ kind: 'invalid_request' });
    await expect(http.request({ ...get, path: '//evil.test/x' })).rejects.toBeInstanceOf(TestError);
    expect(calls).toHaveLength(0);
  });

  it('turns an answer of the wrong shape into invalid_response, naming the field', async () => {
    const { http } = scriptedHttp([json(200, { id: 'one' })]);
    expect(failureOf(await http.request(get).catch((e: unknown) => e))).toMatchObject({
      kind: 'invalid_response',
      status: 200,
      detail: expect.stringContaining('id'),
    });
  });

  it('hands an error answer to the client with its JSON body, and does not retry a 4xx', async () => {
    const { http, calls } = scriptedHttp([json(400, { message: 'bad', errors: { name: ['required'] } })]);
    expect(failureOf(await http.request(get).catch((e: unknown) => e))).toEqual({
      kind: 'http',
      status: 400,
      body: { message: 'bad', errors: { name: ['required'] } },
    });
    expect(calls).toHaveLength(1);
  });

  it('gives a non-JSON error page an undefined body, and an empty 204 to a schema that allows it', async () => {
    const { http } = scriptedHttp([new Response('<html>oops</html>', { status: 404 }), new Response(null, { status: 204 })]);
    expect(failureOf(await http.request(get).catch((e: unknown) => e))).toEqual({ kind: 'http', status: 404, body: undefined });
    await expect(http.request({ ...get, schema: z.unknown() })).resolves.toBeUndefined();
  });

  it('does not follow a redirect: the 3xx is the answer', async () => {
    const { http, calls } = scriptedHttp([new Response(null, { status: 302, headers: { location: 'https://elsewhere.test/' } })]);
    expect(failureOf(await http.request(get).catch((e: unknown) => e))).toMatchObject({ kind: 'http', status: 302 });
    expect(calls).toHaveLength(1);
  });
});

describe('createProviderHttp: timeouts', () => {
  it('aborts an attempt that hangs past timeoutMs and reports a timeout after its retries', async () => {
    const { http, calls } = scriptedHttp(['hang', 'hang', 'hang'], { timeoutMs: 10 });
    expect(failureOf(await http.request(get).catch((e: unknown) => e))).toMatchObject({ kind: 'timeout' });
    expect(calls).toHaveLength(3);
    expect(calls.every((c) => c.init?.signal instanceof AbortSignal)).toBe(true);
  });

  it('never retries a create that timed out: the provider may have acted', async () => {
    const { http, calls } = scriptedHttp(['hang', json(201, { id: 1 })], { timeoutMs: 10 });
    expect(failureOf(await http.request(create).catch((e: unknown) => e))).toMatchObject({ kind: 'timeout' });
    expect(calls).toHaveLength(1);
  });
});
