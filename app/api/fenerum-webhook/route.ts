import { providerCallback } from '@/lib/server/provider-callback';

/**
 * Fenerum's webhook: HTTP Basic auth (constant time) before anything is read into the database;
 * the body stored under a stable key (a repeat is recognised), answered 200 at once, the work
 * done after the response on the background connection (lib/fenerum-webhooks/webhook.ts, bound
 * in lib/server/context.ts). Events we do not act on, and text stored with U+FFFD for what the
 * database cannot store, are answered 200 like any webhook.
 */
export const POST = providerCallback('fenerum', { maxBytes: 256 * 1024 });
