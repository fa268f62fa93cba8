import { randomBytes } from 'node:crypto';
import { parseBody, sendHtml } from '../http';
import { type Ctx, type Router } from '../router';
import { readCard } from './card-input';
import { requireThreeDSecure, type EnteredCard, type QuickpayState } from './store';
import type { QpOperation, QpSubscription } from './types';
import { cardForm, challengePage, donePage, messagePage } from './window-html';

export type Complete = (sub: QpSubscription, entered: EnteredCard, threeDSecure: { passed: boolean } | null) => QpOperation;

export type WindowDeps = { state: QuickpayState; now: () => Date; complete: Complete };

const redirect = (ctx: Ctx, location: string) => {
  ctx.res.writeHead(303, { location, 'cache-control': 'no-store' });
  ctx.res.end();
};

const field = (body: unknown, name: string): string => {
  const v = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[name] : undefined;
  return typeof v === 'string' ? v : '';
};

/**
 * The hosted payment window at /window/<token>: the card form, the 3-D Secure challenge, and
 * the redirects to the link's continue_url (303 after approval) and cancel_url.
 */
export function registerWindowRoutes(router: Router, { state, now, complete }: WindowDeps): void {
  const find = (ctx: Ctx): QpSubscription | null => {
    const id = state.windows.get(ctx.params.token ?? '');
    const sub = id === undefined ? undefined : state.subscriptions.get(id);
    if (!sub) {
      sendHtml(ctx.res, 404, messagePage('Link not found', 'This payment link is not valid any more. Go back to the shop and start again.'));
      return null;
    }
    return sub;
  };
  const approved = (ctx: Ctx, sub: QpSubscription) => {
    const cont = sub.link?.continue_url;
    if (cont) redirect(ctx, cont);
    else sendHtml(ctx.res, 200, donePage(sub));
  };

  router.get('/window/:token', (ctx) => {
    const sub = find(ctx);
    if (!sub) return;
    if (sub.accepted) return sendHtml(ctx.res, 200, donePage(sub));
    sendHtml(ctx.res, 200, cardForm(ctx.params.token ?? '', sub, null));
  });

  router.post('/window/:token', (ctx) => {
    const sub = find(ctx);
    if (!sub) return;
    const token = ctx.params.token ?? '';
    // A second submit (double click, back button) after approval: no new operation.
    if (sub.accepted) return approved(ctx, sub);
    const body = parseBody(ctx);
    const values = { cardNumber: field(body, 'card_number'), expiry: field(body, 'expiry') };
    const read = readCard({ number: values.cardNumber, expiry: values.expiry, cvc: field(body, 'cvc') }, now());
    if ('error' in read) return sendHtml(ctx.res, 422, cardForm(token, sub, read.error, values));
    if (read.entered.card.behaviour === 'three_d_secure') {
      requireThreeDSecure(sub, now());
      const id = randomBytes(12).toString('hex');
      state.challenges.set(id, { id, subscriptionId: sub.id, entered: read.entered });
      return redirect(ctx, `/window/${token}/challenge/${id}`);
    }
    const op = complete(sub, read.entered, null);
    if (op.qp_status_code === '20000') return approved(ctx, sub);
    sendHtml(ctx.res, 200, cardForm(token, sub, 'declined', values));
  });

  const findChallenge = (ctx: Ctx, sub: QpSubscription) => {
    const challenge = state.challenges.get(ctx.params.challenge ?? '');
    if (challenge?.subscriptionId === sub.id) return challenge;
    sendHtml(ctx.res, 404, messagePage('Authentication expired', 'This 3-D Secure step is no longer open. Go back and enter the card again.'));
    return null;
  };

  router.get('/window/:token/challenge/:challenge', (ctx) => {
    const sub = find(ctx);
    const challenge = sub && findChallenge(ctx, sub);
    if (sub && challenge) sendHtml(ctx.res, 200, challengePage(ctx.params.token ?? '', challenge.id, sub, challenge.entered.card.number.slice(-4)));
  });

  router.post('/window/:token/challenge/:challenge', (ctx) => {
    const sub = find(ctx);
    const challenge = sub && findChallenge(ctx, sub);
    if (!sub || !challenge) return;
    state.challenges.delete(challenge.id);
    if (sub.accepted) return approved(ctx, sub);
    const passed = field(parseBody(ctx), 'outcome') === 'approve';
    const op = complete(sub, challenge.entered, { passed });
    if (op.qp_status_code === '20000') return approved(ctx, sub);
    sendHtml(ctx.res, 200, cardForm(ctx.params.token ?? '', sub, passed ? 'declined' : 'authFailed'));
  });

  router.get('/window/:token/cancel', (ctx) => {
    const sub = find(ctx);
    if (!sub) return;
    const cancel = sub.link?.cancel_url;
    if (cancel) return redirect(ctx, cancel);
    sendHtml(ctx.res, 200, messagePage('Cancelled', 'You cancelled. No card was saved; you can close this page.'));
  });
}
