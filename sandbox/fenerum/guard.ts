import type http from 'node:http';
import { header, sameSecret, sendJson } from '../http';
import type { FenerumState } from './state';
import { throttle, throttledDetail } from './throttle';

export type Caller = { token: string; user: string | null; clientSystem: string };

/** DRF TokenAuthentication's answers; null when the token is the right one. */
function authError(req: http.IncomingMessage, token: string): string | null {
  const parts = (header(req, 'authorization') ?? '').trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0 || parts[0]?.toLowerCase() !== 'token') return 'Authentication credentials were not provided.';
  if (parts.length === 1) return 'Invalid token header. No credentials provided.';
  if (parts.length > 2) return 'Invalid token header. Token string should not contain spaces.';
  return sameSecret(parts[1] ?? '', token) ? null : 'Invalid token.';
}

/**
 * Everything an API call passes before its view runs, in this order (the order Fenerum uses
 * is unconfirmed; this one is DRF's): authentication (401), the X-Client-System header (400),
 * the rate limit (429). Answers and returns null when the call stops here.
 */
export function guard(state: FenerumState, token: string, now: Date, req: http.IncomingMessage, res: http.ServerResponse): Caller | null {
  const auth = authError(req, token);
  if (auth) {
    sendJson(res, 401, { detail: auth }, { 'www-authenticate': 'Token' });
    return null;
  }
  const clientSystem = header(req, 'x-client-system')?.trim();
  if (!clientSystem) {
    sendJson(res, 400, { detail: 'The X-Client-System header is required.' });
    return null;
  }
  const { rateLimit } = state.settings;
  if (rateLimit.enabled) {
    const history = state.throttleHistory.get(token) ?? [];
    state.throttleHistory.set(token, history);
    const result = throttle(history, now.getTime(), rateLimit.perMinute);
    if (!result.allowed) {
      sendJson(res, 429, { detail: throttledDetail(result.waitSeconds) }, { 'retry-after': String(result.waitSeconds) });
      return null;
    }
  }
  return { token, user: header(req, 'x-user')?.trim() || null, clientSystem };
}
