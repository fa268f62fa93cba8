import 'server-only';
import { isRefused, type Refused } from '@/lib/domain/outcomes';
import { isRefusalError, jsonError, refusalResponse, errorResponse } from './errors';
import { readLimitedText } from './read-json';
import { appContext, type AppContext } from './context';
import type { Reply } from './reply';

export type Verify<T> = (raw: string, headers: Headers, ctx: AppContext) => T | Refused;

/**
 * A provider's callback or webhook: the raw body (size-limited) is verified before anything is
 * parsed or stored; a refusal is a 4xx. Once verified, a failure to store or handle is a 503 so
 * the provider delivers it again (nothing is acknowledged that is not stored).
 */
export function providerCallback<T>(
  opts: { maxBytes: number; verify: Verify<T> },
  handler: (call: { verified: T; raw: string; req: Request; ctx: AppContext }) => Promise<Reply>,
): (req: Request) => Promise<Response> {
  return async (req) => {
    let ctx: AppContext;
    let raw: string;
    let verified: T | Refused;
    try {
      ctx = await appContext();
      raw = await readLimitedText(req, opts.maxBytes);
      verified = opts.verify(raw, req.headers, ctx);
    } catch (err) {
      if (isRefusalError(err)) return errorResponse(err);
      console.error('provider callback not read', err);
      return jsonError(503, 'not-stored', 'Not stored; please retry');
    }
    if (isRefused(verified)) return refusalResponse(verified);
    // The provider stopped waiting (under a flood, or while this process started) and will deliver
    // it again: storing it now would be work for no one, ahead of callbacks still waited for.
    if (req.signal.aborted) return jsonError(503, 'not-stored', 'Not stored; the caller went away');
    try {
      const reply = await handler({ verified, raw, req, ctx });
      return isRefused(reply) ? refusalResponse(reply) : reply;
    } catch (err) {
      // Not stored, or a provider not answering: a 5xx makes the provider deliver it again later.
      console.error('provider callback not handled', err);
      return jsonError(503, 'not-stored', 'Not handled; please retry');
    }
  };
}
