import { Server, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { installFrontDoor } from './front-door';

/** A server class of this file's own: its front door is not the process's (Server.prototype stays as it was). */
class DoorServer extends Server {}
installFrontDoor({ hsts: false, apiGate: { limit: 2, maxQueued: 3 } }, DoorServer);

/**
 * Every request as it reaches the server, before the front door sees it: the order the gate
 * promises is the order of arrival here, which on a busy machine need not be the order the test
 * sent them in (each has a connection of its own).
 */
const arrived: IncomingMessage[] = [];
class Observed extends DoorServer {
  override emit(event: string, ...args: unknown[]): boolean {
    if (event === 'request') arrived.push(args[0] as IncomingMessage);
    return super.emit(event, ...args);
  }
}

/** Held API requests (answered when the test says), how many are inside the handler at most, and every path handled. */
const held: ServerResponse[] = [];
const handled: string[] = [];
let inside = 0;
let mostInside = 0;
const server = new Observed((req, res) => {
  handled.push(req.url ?? '');
  if (!req.url?.startsWith('/api/')) return void res.end('page');
  inside++;
  mostInside = Math.max(mostInside, inside);
  res.once('finish', () => inside--); // before 'close', on which the door lets the next one in
  held.push(res);
});
let port = 0;

function send(path: string) {
  let abort = () => {};
  const answer = new Promise<{ status: number; body: string; retryAfter?: string }>((resolve, reject) => {
    const req = request({ port, path, method: 'POST', agent: false }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, retryAfter: res.headers['retry-after'] }));
    });
    req.on('error', reject);
    req.end('{}');
    abort = () => req.destroy();
  });
  return { answer, abort: () => abort() };
}
/** Waits (up to 10 s: a loaded CI machine) for what the test needs to have happened. */
const until = async (check: () => boolean) => {
  for (let i = 0; i < 1_000 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
};
const releaseAll = () => held.splice(0).forEach((res) => res.end('done'));
const arrivedApi = () => arrived.map((r) => r.url ?? '').filter((p) => p.startsWith('/api/'));

beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});
/** A clean slate for each test, and for a retry: whatever an earlier try left held is answered and forgotten. */
beforeEach(async () => {
  releaseAll();
  await new Promise((r) => setTimeout(r, 50));
  releaseAll();
  arrived.length = 0;
  handled.length = 0;
  mostInside = 0;
});
afterAll(async () => {
  releaseAll();
  await new Promise((r) => server.close(r));
});

describe('the front door lets the merchant API into the app a few requests at a time', () => {
  it('holds API requests past the limit, never a customer page, and serves the held ones in turn', { timeout: 30_000 }, async () => {
    const api = Array.from({ length: 5 }, (_, i) => send(`/api/links?n=${i}`));
    await until(() => arrivedApi().length === 5 && held.length === 2);
    expect((await send('/pay').answer).body).toBe('page');
    expect(handled.filter((p) => p.startsWith('/api/'))).toHaveLength(2);
    while (held.length > 0 || handled.filter((p) => p.startsWith('/api/')).length < 5) {
      await until(() => held.length > 0);
      held.shift()?.end('done');
    }
    const answers = await Promise.all(api.map((a) => a.answer));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    expect(mostInside).toBe(2);
    expect(handled.filter((p) => p.startsWith('/api/'))).toEqual(arrivedApi());
  });

  it('answers 503 with Retry-After at once when the queue is full, handling nothing', { timeout: 30_000 }, async () => {
    const api = Array.from({ length: 5 }, () => send('/api/imports'));
    await until(() => arrivedApi().length === 5 && held.length === 2); // two inside, three queued
    const over = await send('/api/links').answer;
    expect(over).toMatchObject({ status: 503, retryAfter: '1' });
    expect(JSON.parse(over.body)).toEqual({ code: 'busy', error: 'Too many API requests are waiting here; try again in a second' });
    while (handled.length < 5) {
      await until(() => held.length > 0);
      releaseAll();
    }
    await Promise.all(api.map((a) => a.answer));
    expect(handled).toEqual(Array(5).fill('/api/imports'));
  });

  it('never starts a queued request whose caller hung up', { timeout: 30_000 }, async () => {
    const first = [send('/api/links?n=held-1'), send('/api/links?n=held-2')];
    await until(() => held.length === 2);
    const gone = send('/api/links?n=gone');
    await until(() => arrivedApi().includes('/api/links?n=gone'));
    gone.abort();
    await gone.answer.catch(() => undefined);
    const goneOnServer = arrived.find((r) => r.url === '/api/links?n=gone');
    await until(() => goneOnServer?.socket.destroyed === true);
    releaseAll();
    await Promise.all(first.map((a) => a.answer));
    const after = send('/api/links?n=after');
    await until(() => held.length === 1);
    releaseAll();
    expect((await after.answer).status).toBe(200);
    expect(handled.sort()).toEqual(['/api/links?n=after', '/api/links?n=held-1', '/api/links?n=held-2']);
  });
});
