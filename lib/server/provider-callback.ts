import 'server-only';
import type { CallbackOutcome, CallbackReceiver } from '@/lib/domain/callbacks';
import { isRefused } from '@/lib/domain/outcomes';
import { log } from '@/lib/log';
import { countCallback } from '@/lib/metrics/outcomes';
import { callbackResponse, type CallbackProvider } from './callback-reply';
import { isRefusalError, jsonError, refusalResponse, errorResponse } from './errors';
import { readLimitedText } from './read-json';
import { appContext, type AppContext } from './context';
import { providerOff } from './provider-off';

/**
 * A provider's callback or webhook, built in the composition root (ctx.callbacks): the raw
 * body (size-limited) is verified before anything is parsed or stored; a refusal is a 4xx, and
 * so is a callback of a card provider that is off here. Once verified, a failure to store or
 * handle is a 503 so the provider delivers it again (nothing is acknowledged that is not
 * stored). A card the callback queued is tried with Fenerum after the answer, never before it.
 */
export function providerCallback(provider: CallbackProvider, opts: { maxBytes: number }): (req: Request) => Promise<Response> {
  return async (req) => {
    const res = await handle(req);
    countCallback(provider, res.outcome);
    return res.response;
  };

  async function handle(req: Request): Promise<{ response: Response; outcome: string }> {
    const refusedWith = (response: Response) => ({ response, outcome: 'refused' });
    const notStored = (response: Response) => ({ response, outcome: 'not-stored' });
    let ctx: AppContext;
    let raw: string;
    let receiver: CallbackReceiver<unknown>;
    let verified: unknown;
    try {
      ctx = await appContext();
      receiver = ctx.callbacks[provider];
      raw = await readLimitedText(req, opts.maxBytes);
      // Off (another provider is live and this one's keys are unset): nothing is acknowledged as stored.
      verified = providerOff(ctx, provider === 'fenerum' ? undefined : provider, 'callback') ?? receiver.verify(raw, req.headers);
    } catch (err) {
      if (isRefusalError(err)) return refusedWith(errorResponse(err));
      log.error({ err, provider }, 'provider callback not read');
      return notStored(jsonError(503, 'not-stored', 'Not stored; please retry'));
    }
    if (isRefused(verified)) return refusedWith(refusalResponse(verified));
    // The provider stopped waiting (under a flood, or while this process started) and will deliver
    // it again: storing it now would be work for no one, ahead of callbacks still waited for.
    if (req.signal.aborted) return notStored(jsonError(503, 'not-stored', 'Not stored; the caller went away'));
    let outcome: CallbackOutcome;
    try {
      outcome = await receiver.receive(verified, raw);
    } catch (err) {
      // Not stored, or a provider not answering: a 5xx makes the provider deliver it again later.
      log.error({ err, provider }, 'provider callback not handled');
      return notStored(jsonError(503, 'not-stored', 'Not handled; please retry'));
    }
    if (outcome.kind === 'queued') ctx.registrar.inBackground(outcome.registration.id);
    return { response: callbackResponse(provider, outcome), outcome: isRefused(outcome) ? 'refused' : outcome.kind };
  }
}
