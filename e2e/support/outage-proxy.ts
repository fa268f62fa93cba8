import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Stands between the app and one provider emulator, like the network does: it forwards every
 * request untouched until the test calls `down()`, then answers 503 as a provider in an outage
 * does, until `up()`. The app is pointed at it through FENERUM_API_URL / QUICKPAY_API_URL /
 * STRIPE_API_URL, so the app's code is exactly what runs against a real provider.
 */
export class OutageProxy {
  private server?: http.Server;
  private isDown = false;
  constructor(
    private readonly target: string,
    /** The provider's own error body for a 503 (Stripe's SDK reads a body without `error` as a success). */
    private readonly outageBody: unknown = { message: 'Service unavailable' },
  ) {}

  async start(): Promise<string> {
    const target = new URL(this.target);
    this.server = http.createServer((req, res) => {
      if (this.isDown) {
        req.resume();
        res.writeHead(503, { 'Content-Type': 'application/json', 'Retry-After': '1' }).end(JSON.stringify(this.outageBody));
        return;
      }
      const upstream = http.request(
        { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host } },
        (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        },
      );
      upstream.on('error', () => res.writeHead(502).end());
      req.pipe(upstream);
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  down(): void {
    this.isDown = true;
  }
  up(): void {
    this.isDown = false;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
