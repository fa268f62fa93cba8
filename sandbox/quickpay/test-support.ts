import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve, type RunningServer } from '../http';
import { createQuickpayEmulator, type QuickpayEmulator, type QuickpayEmulatorOptions } from './emulator';

/** Helpers for the QuickPay emulator's tests: a served emulator and a callback receiver. */
export const API_KEY = 'test-quickpay-api-key';
export const PRIVATE_KEY = 'test-quickpay-private-key';

export type Started = {
  emulator: QuickpayEmulator;
  server: RunningServer;
  call: (
    method: string,
    path: string,
    init?: { body?: unknown; headers?: Record<string, string>; form?: boolean },
  ) => Promise<{ status: number; body: unknown; text: string }>;
};

export const authHeaders = (key = API_KEY): Record<string, string> => ({
  Authorization: `Basic ${Buffer.from(`:${key}`).toString('base64')}`,
  'Accept-Version': 'v10',
});

export async function startEmulator(extra: Partial<QuickpayEmulatorOptions> = {}): Promise<Started> {
  // The window's URL must be the server's own, known only once it listens: serve a stand-in
  // that forwards to the emulator made with that URL.
  const options: QuickpayEmulatorOptions = { apiKey: API_KEY, privateKey: PRIVATE_KEY, publicUrl: '', ...extra };
  let emulator: QuickpayEmulator | null = null;
  const server = await serve(
    {
      name: 'quickpay',
      handle: (req, res, body) => (emulator ? emulator.handle(req, res, body) : Promise.resolve(void res.writeHead(503).end())),
      close: () => emulator?.close?.(),
    },
    0,
  );
  emulator = createQuickpayEmulator({ ...options, publicUrl: server.url });
  const call: Started['call'] = async (method, path, init = {}) => {
    const headers: Record<string, string> = { ...(init.headers ?? authHeaders()) };
    let body: string | undefined;
    if (init.body !== undefined) {
      body = init.form ? new URLSearchParams(init.body as Record<string, string>).toString() : JSON.stringify(init.body);
      headers['Content-Type'] = init.form ? 'application/x-www-form-urlencoded' : 'application/json';
    }
    const res = await fetch(`${server.url}${path}`, { method, headers, body, redirect: 'manual' });
    const text = await res.text();
    let parsed: unknown = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = null;
    }
    return { status: res.status, body: parsed, text };
  };
  return { emulator, server, call };
}

export type Received = { headers: http.IncomingHttpHeaders; body: string; path: string };

/** A local HTTP server that records callbacks; `answer` picks each response's status. */
export async function startReceiver(answer: (n: number, req: Received) => number = () => 200, pages: Record<string, string> = {}) {
  const received: Received[] = [];
  const waiters: Array<{ n: number; resolve: () => void }> = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '/';
      const page = pages[path.split('?')[0] ?? ''];
      if (req.method === 'GET' && page !== undefined) {
        res.writeHead(200, { 'content-type': 'text/html' }).end(page);
        return;
      }
      // Only callbacks are recorded: the browser's own requests (a favicon) are not.
      if (req.method !== 'POST') {
        res.writeHead(404).end();
        return;
      }
      const r: Received = { headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), path };
      received.push(r);
      res.writeHead(answer(received.length, r), { 'content-type': 'text/plain' }).end('ok');
      for (const w of waiters.filter((x) => received.length >= x.n)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    received,
    /** Resolves once `n` requests have arrived (rejects after `ms`). */
    waitFor: (n: number, ms = 5_000) =>
      new Promise<void>((resolve, reject) => {
        if (received.length >= n) return resolve();
        const timer = setTimeout(() => reject(new Error(`expected ${n} callbacks, got ${received.length}`)), ms);
        waiters.push({ n, resolve: () => (clearTimeout(timer), resolve()) });
      }),
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

/** Creates a subscription and its link; returns the id and the window URL. */
export async function createLinked(s: Started, receiverUrl: string, orderId = `ord-${Math.random().toString(36).slice(2, 10)}`, language?: string) {
  const created = await s.call('POST', '/subscriptions', {
    body: { order_id: orderId, currency: 'DKK', description: 'Card for Nordlys ApS', variables: { account: 'CUST001' } },
  });
  const id = (created.body as { id: number }).id;
  const link = await s.call('PUT', `/subscriptions/${id}/link`, {
    body: { amount: 0, continue_url: `${receiverUrl}/continue`, cancel_url: `${receiverUrl}/cancel`, callback_url: `${receiverUrl}/callback`, language },
  });
  return { id, url: (link.body as { url: string }).url, orderId };
}
