import { onAuthenticationRequired } from './handlers/authentication-required';
import { onCardExpiring, onCardStatus } from './handlers/card-events';
import { onPaymentDeclined } from './handlers/payment-declined';
import { finishWebhookEvent, getWebhookEvent, unfinishedWebhookEvents } from './receive';
import type { FenerumEventName, Handler, WebhookDeps } from './types';
import { log } from '@/lib/log';

const HANDLERS: Record<FenerumEventName, Handler> = {
  'payment.authentication_required': onAuthenticationRequired,
  'payment.declined': onPaymentDeclined,
  card_expires_this_month: onCardExpiring,
  'payment_card.activated': onCardStatus,
  'payment_card.deactivated': onCardStatus,
};

const isHandled = (event: string): event is FenerumEventName => Object.hasOwn(HANDLERS, event);

/**
 * Does the work of one stored webhook (after it was acknowledged). An event we do not act on
 * is marked ignored; a failure (Stripe or Fenerum not answering) is recorded and tried again
 * by `retryUnfinishedWebhooks`. Handlers are idempotent: a repeat changes nothing twice.
 */
export async function handleWebhookEvent(deps: WebhookDeps, key: string): Promise<void> {
  const row = await getWebhookEvent(deps.db, key);
  if (!row || row.status === 'handled' || row.status === 'ignored') return;
  const event = row.event;
  if (!isHandled(event)) return finishWebhookEvent(deps.db, key, { status: 'ignored', error: 'an event this portal does not act on' });
  const payload = row.payload as { data?: Record<string, unknown> };
  try {
    const done = await HANDLERS[event](deps, payload.data ?? {}, event);
    await finishWebhookEvent(deps.db, key, { status: done.status, accountCode: done.accountCode, subject: done.subject, error: done.note });
  } catch (err) {
    await finishWebhookEvent(deps.db, key, { status: 'failed', error: err instanceof Error ? err.message : String(err) });
    throw err;
  }
}

/** Tries again what failed or was left unfinished more than a minute ago (run every few minutes). */
export async function retryUnfinishedWebhooks(deps: WebhookDeps, stopped: () => boolean = () => false): Promise<number> {
  const keys = await unfinishedWebhookEvents(deps.db, 60);
  let tried = 0;
  // Stopping (a shutdown): the rest stay unfinished in the table for any instance's next run.
  for (const key of keys) {
    if (stopped()) break;
    tried++;
    await handleWebhookEvent(deps, key).catch((err: unknown) => log.warn({ err, key }, 'Fenerum webhook failed again'));
  }
  return tried;
}
