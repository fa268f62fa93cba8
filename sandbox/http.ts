import { timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Ctx } from './router';

/** What every emulator server shares: reading bodies, answering, serving on a port (routing: router.ts). */
export function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

export function sendHtml(res: http.ServerResponse, status: number, html: string, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...headers });
  res.end(html);
}

function readBody(req: http.IncomingMessage, limit = 1_000_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        reject(new Error('body too large'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** A request header's value (the first, when it came more than once). */
export const header = (req: http.IncomingMessage, name: string): string | undefined => {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
};

/** Compares a given secret with the expected one in constant time. */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Parses a JSON or form body; undefined when it is neither. */
export function parseBody(ctx: Ctx): unknown {
  const type = ctx.req.headers['content-type'] ?? '';
  if (ctx.body === '') return {};
  if (type.includes('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(ctx.body));
  try {
    return JSON.parse(ctx.body);
  } catch {
    return undefined;
  }
}

export type Emulator = {
  name: string;
  handle: (req: http.IncomingMessage, res: http.ServerResponse, body: string) => Promise<void>;
  /** Called when the server stops (timers, retries). */
  close?: () => void;
};

export type RunningServer = { url: string; port: number; close: () => Promise<void> };

/** Serves one emulator on a port (0 = any free port). */
export function serve(emulator: Emulator, port: number, host = '127.0.0.1'): Promise<RunningServer> {
  const server = http.createServer((req, res) => void handle(req, res));
  async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
    try {
      const body = await readBody(req);
      await emulator.handle(req, res, body);
    } catch (err) {
      if (!res.headersSent) sendJson(res, 500, { detail: `Sandbox ${emulator.name} error: ${(err as Error).message}` });
      else res.end();
    }
  }
  server.keepAliveTimeout = 5_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const actual = (server.address() as AddressInfo).port;
      resolve({
        url: `http://localhost:${actual}`,
        port: actual,
        close: () =>
          new Promise<void>((done) => {
            emulator.close?.();
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
