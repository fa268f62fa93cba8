import type http from 'node:http';
import { header, sameSecret, sendJson } from '../http';
import { API_VERSION, INVALID_API_KEY, VERSION_ERROR_STATUS, versionErrorBody } from './config';

/** The API key from `Basic base64(":" + key)` (QuickPay leaves the user name empty); null if absent. */
function apiKeyFrom(req: http.IncomingMessage): string | null {
  const m = /^Basic\s+(\S+)\s*$/i.exec(header(req, 'authorization') ?? '');
  if (!m?.[1]) return null;
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  // A user name with the key as password is how the docs put it; an empty user name is the norm.
  return decoded.slice(colon + 1);
}

/**
 * Authentication (401) first, then the API version (unconfirmed order). Answers and returns
 * false when the request stops here.
 */
export function guard(req: http.IncomingMessage, res: http.ServerResponse, apiKey: string): boolean {
  const given = apiKeyFrom(req);
  if (given === null || !sameSecret(given, apiKey)) {
    sendJson(res, 401, INVALID_API_KEY);
    return false;
  }
  const version = header(req, 'accept-version')?.trim();
  if (version !== API_VERSION) {
    sendJson(res, VERSION_ERROR_STATUS, versionErrorBody(version || undefined));
    return false;
  }
  return true;
}
