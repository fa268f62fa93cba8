import type Stripe from 'stripe';
import type { Db } from '@/lib/db/connect';
import type { FenerumClient } from '@/lib/fenerum/types';
import type { QueueMailDeps } from '@/lib/mail/queue';

/** What the handlers need; `mail` queues the customer's emails (the app context has all of it). */
export type WebhookDeps = {
  db: Db;
  stripe: Stripe;
  fenerum: Pick<FenerumClient, 'getPaymentCard' | 'listAllPaymentCards' | 'listAccounts' | 'getAccount'>;
  mail: QueueMailDeps;
  now?: () => Date;
};

/** What a handler made of an event: whose it is and what it is about, for the timeline. */
export type Handled = { status: 'handled' | 'ignored'; accountCode?: string | null; subject?: string | null; note?: string };

/** The Fenerum webhooks the portal acts on (lib/fenerum-webhooks/handle.ts); the handlers audit some under their own name. */
export type FenerumEventName =
  'payment.authentication_required' | 'payment.declined' | 'card_expires_this_month' | 'payment_card.activated' | 'payment_card.deactivated';

export type Handler = (deps: WebhookDeps, data: Record<string, unknown>, event: FenerumEventName) => Promise<Handled>;
