import { header, sameSecret, sendHtml, sendJson, type Emulator } from '../http';
import { Router } from '../router';
import { registerApiRoutes } from './api-routes';
import { registerControlRoutes } from './control';
import { DEFAULT_SEED, DEFAULT_SIZE } from './data';
import { defaultSwitches, type FarpaySettings, type PaymentFault } from './settings';
import { freshState, type FarpayState } from './store';

export type FarpayEmulator = Emulator & { state: FarpayState; settings: FarpaySettings; reset: () => void };

export const UNAUTHENTICATED = { Message: '9000::X-API-KEY is not authenticated' };

/** A local FarPay (API v2 payments and refunds, seeds/003); see PROVIDERS.md. */
export function createFarpayEmulator(opts: { apiKey: string; seed?: number; size?: number; now?: () => Date }): FarpayEmulator {
  const now = opts.now ?? (() => new Date());
  const defaults = (): FarpaySettings => ({ ...defaultSwitches(), seed: opts.seed ?? DEFAULT_SEED, size: opts.size ?? DEFAULT_SIZE });
  const settings = defaults();
  const state = freshState(settings.seed, settings.size);
  const faults = new Map<number, PaymentFault>();
  const held = new Set<() => void>();
  const hold = (ms: number) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        held.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      timer.unref();
      held.add(done);
    });
  const reshape = (seed: number, size: number) => {
    Object.assign(state, { ...freshState(seed, size, state.nextId), overlay: state.overlay, byId: state.byId, refundsByPayment: state.refundsByPayment });
    Object.assign(settings, { seed, size });
  };
  // Ids never go back, so an app's database that outlives a reset sees no id twice.
  const reset = () => {
    Object.assign(settings, defaults());
    Object.assign(state, freshState(settings.seed, settings.size, state.nextId));
    faults.clear();
  };

  /** API requests received (the sandbox's own pages not counted), for a test that must see none made. */
  const stats = { total: 0 };
  const router = new Router((ctx, status) => sendJson(ctx.res, status, { Message: status === 404 ? 'Not found' : 'Method not allowed' }));
  router.use(
    async (ctx, next) => {
      stats.total += 1;
      const key = header(ctx.req, 'x-api-key');
      if (!key || !sameSecret(key, opts.apiKey)) return sendJson(ctx.res, 401, UNAUTHENTICATED);
      if (settings.slowMs > 0) await hold(settings.slowMs);
      if (settings.badGatewayNext > 0) {
        settings.badGatewayNext--;
        return sendHtml(ctx.res, 502, '<html><body><h1>502 Bad Gateway</h1></body></html>');
      }
      await next();
    },
    { except: ['/__sandbox/'] },
  );
  registerApiRoutes(router, { state, settings, faults, now, hold });
  registerControlRoutes(router, { state, settings, faults, now, reset, reshape, stats });

  return {
    name: 'farpay',
    state,
    settings,
    reset,
    handle: (req, res, body) => router.handle(req, res, body),
    close: () => [...held].forEach((release) => release()),
  };
}
