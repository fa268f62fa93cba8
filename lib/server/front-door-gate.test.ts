import { Server, request, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installFrontDoor } from './front-door';

/** A server class of this file's own: its front door is not the process's (Server.prototype stays as it was). */
class DoorServer extends Server {}
installFrontDoor({ hsts: false, apiGate: { limit: 2, maxQueued: 3 } }, DoorServer);

/** Held API requests (answered when the test says), how many are inside the handler at most, and every path handled. */
const held: ServerResponse[] = [];
const handled: string[] = [];
let inside = 0;
let mostInside = 0;
const server = new DoorServer((req, res) => {
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
const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
};
const releaseAll = () => held.splice(0).forEach((res) => res.end('done'));

beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  releaseAll();
  await new Promise((r) => server.close(r));
});

describe('the front door lets the merchant API into the app a few requests at a time', () => {
  it('holds API requests past the limit, never a customer page, and serves the held ones in turn', async () => {
    const api = Array.from({ length: 5 }, (_, i) => send(`/api/links?n=${i}`));
    await until(() => held.length === 2);
    expect((await send('/pay').answer).body).toBe('page');
    while (held.length > 0 || handled.filter((p) => p.startsWith('/api/')).length < 5) {
      await until(() => held.length > 0);
      held.shift()?.end('done');
    }
    const answers = await Promise.all(api.map((a) => a.answer));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    expect(mostInside).toBe(2);
    // In arrival order.
    expect(handled.filter((p) => p.startsWith('/api/'))).toEqual([0, 1, 2, 3, 4].map((i) => `/api/links?n=${i}`));
  });

  it('answers 503 with Retry-After at once when the queue is full, handling nothing', async () => {
    handled.length = 0;
    const api = Array.from({ length: 5 }, () => send('/api/imports'));
    await until(() => held.length === 2);
    await new Promise((r) => setTimeout(r, 50)); // the other three are queued
    const over = await send('/api/links').answer;
    expect(over).toMatchObject({ status: 503, retryAfter: '1' });
    expect(JSON.parse(over.body)).toEqual({ code: 'busy', error: 'Too many API requests are waiting here; try again in a second' });
    while (handled.length < 5) {
      await until(() => held.length > 0);
      releaseAll();
    }
    await Promise.all(api.map((a) => a.answer));
    expect(handled).toHaveLength(5);
  });

  it('never starts a queued request whose caller hung up', async () => {
    handled.length = 0;
    const first = [send('/api/links?n=held-1'), send('/api/links?n=held-2')];
    await until(() => held.length === 2);
    const gone = send('/api/links?n=gone');
    await new Promise((r) => setTimeout(r, 50));
    gone.abort();
    await gone.answer.catch(() => undefined);
    await new Promise((r) => setTimeout(r, 50));
    releaseAll();
    await Promise.all(first.map((a) => a.answer));
    const after = send('/api/links?n=after');
    await until(() => held.length === 1);
    releaseAll();
    expect((await after.answer).status).toBe(200);
    expect(handled).toEqual(['/api/links?n=held-1', '/api/links?n=held-2', '/api/links?n=after']);
  });
});
