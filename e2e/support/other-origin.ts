import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Pages of another origin, served for real on a port the system picks: `localhost:<port>` is
 * the same site as the app (another port of this host), `127.0.0.1:<port>` another site. A real
 * server (not a route Playwright fulfils) so Chromium treats its pages as the loopback pages
 * they are, and lets them call the app as an attacker's page on this machine could.
 */
export class OtherOrigin {
  private server: Server | undefined;
  private readonly pages = new Map<string, string>();
  private port = 0;

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const body = this.pages.get(new URL(req.url ?? '/', 'http://x').pathname);
      res.writeHead(body === undefined ? 404 : 200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(body ?? 'not found');
    });
    await new Promise<void>((resolve) => this.server?.listen(0, resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  get sameSite(): string {
    return `http://localhost:${this.port}`;
  }

  get crossSite(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Serves `body` at a fresh path; returns the path. */
  serve(body: string): string {
    const path = `/page-${this.pages.size}-${Math.random().toString(36).slice(2)}`;
    this.pages.set(path, `<!doctype html><html><head><title>Elsewhere</title></head><body>${body}</body></html>`);
    return path;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
