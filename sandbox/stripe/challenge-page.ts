import type http from 'node:http';
import { parseBody, sendHtml } from '../http';
import { type Ctx, Router } from '../router';
import { THREE_DS_MESSAGE } from './browser/protocol';
import { ChallengeError, findChallenge, resolveChallenge } from './challenges';
import { escapeHtml } from '../../lib/text/html';
import { page } from './html';
import type { StripeState } from './state';

function describe(state: StripeState, id: string): { title: string; rows: Array<[string, string]> } {
  const c = findChallenge(state, id);
  const pm = state.paymentMethods.get(c.paymentMethod)?.pm;
  const card = pm?.card ? `${pm.card.brand.toUpperCase()} •••• ${pm.card.last4}` : 'Card';
  if (c.kind === 'payment_intent') {
    const pi = state.paymentIntents.get(c.intentId)?.pi;
    const amount = pi ? `${(pi.amount / 100).toFixed(2)} ${pi.currency.toUpperCase()}` : '';
    return {
      title: 'Confirm your payment',
      rows: [
        ['Card', card],
        ['Amount', amount],
        ['Merchant', 'Sandbox Merchant'],
      ],
    };
  }
  return {
    title: 'Confirm your card',
    rows: [
      ['Card', card],
      ['Purpose', 'Save the card for future payments'],
    ],
  };
}

function challengeForm(state: StripeState, id: string, url: URL): string {
  const { title, rows } = describe(state, id);
  const hidden = ['frame', 'origin']
    .map((k) => url.searchParams.get(k))
    .map((v, i) => (v ? `<input type="hidden" name="${i === 0 ? 'frame' : 'origin'}" value="${escapeHtml(v)}">` : ''))
    .join('');
  return page(
    '3D Secure 2 Test Page',
    `<span class="badge">Test mode</span>
<h1>${escapeHtml(title)}</h1>
<p>This is a 3D Secure 2 test page, like the one Stripe shows in test mode. Choose how the bank answers.</p>
<dl>${rows.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl>
<form method="post" class="actions">${hidden}
  <button type="submit" name="action" value="complete">Complete authentication</button>
  <button type="submit" name="action" value="fail">Fail authentication</button>
</form>
<p class="note">Sandbox: no bank is contacted.</p>`,
  );
}

function finishedPage(source: string, status: string, error: string | null, frame: boolean, origin: string): string {
  const message = JSON.stringify({ type: THREE_DS_MESSAGE, source, status, error }).replace(/</g, '\\u003c');
  const target = JSON.stringify(origin || '*');
  const text = error ?? (status === 'succeeded' || status === 'requires_capture' ? 'Authentication complete.' : 'Authentication failed.');
  const script = frame ? `<script>window.parent.postMessage(${message}, ${target});</script>` : '';
  return page(
    '3D Secure 2 Test Page',
    `<span class="badge">Test mode</span><h1>${escapeHtml(text)}</h1><p class="note">You can close this window.</p>${script}`,
  );
}

/** `GET/POST /3ds/authenticate/:id`: the challenge, in Stripe.js's modal (frame=1) or full page (redirect). */
export function registerChallengePages(router: Router, state: StripeState): void {
  router.get('/3ds/authenticate/:id', (ctx) => {
    const id = ctx.params.id ?? '';
    try {
      const c = findChallenge(state, id);
      if (c.state !== 'pending') throw new ChallengeError('This authentication has already been completed.');
      sendHtml(ctx.res, 200, challengeForm(state, id, ctx.url), frameHeaders());
    } catch (err) {
      if (!(err instanceof ChallengeError)) throw err;
      sendHtml(ctx.res, 404, page('3D Secure 2 Test Page', `<h1>${escapeHtml(err.message)}</h1>`), frameHeaders());
    }
  });
  router.post('/3ds/authenticate/:id', (ctx) => answer(state, ctx));
}

function answer(state: StripeState, ctx: Ctx): void {
  const body = (parseBody(ctx) ?? {}) as Record<string, unknown>;
  const id = ctx.params.id ?? '';
  const frame = body.frame === '1';
  const origin = typeof body.origin === 'string' && /^https?:\/\/[^/]+$/.test(body.origin) ? body.origin : '';
  const outcome = body.action === 'complete' ? 'complete' : 'fail';
  try {
    const result = resolveChallenge(state, id, outcome);
    if (result.redirectUrl && !frame) return redirect(ctx.res, result.redirectUrl);
    sendHtml(ctx.res, 200, finishedPage(id, result.status, null, frame, origin), frameHeaders());
  } catch (err) {
    if (!(err instanceof ChallengeError)) throw err;
    sendHtml(ctx.res, 409, finishedPage(id, 'unknown', err.message, frame, origin), frameHeaders());
  }
}

function redirect(res: http.ServerResponse, location: string): void {
  res.writeHead(303, { location, 'content-length': 0 });
  res.end();
}

const frameHeaders = () => ({ 'cache-control': 'no-store' });
