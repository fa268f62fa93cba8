import type Stripe from 'stripe';
import type { Db } from '@/lib/db/connect';
import type { FenerumClient } from '@/lib/fenerum/types';

export type WebhookDeps = { db: Db; stripe: Stripe; fenerum: Pick<FenerumClient, 'getPaymentCard'>; now?: () => Date };

/** What a handler made of an event: whose it is and what it is about, for the timeline. */
export type Handled = { status: 'handled' | 'ignored'; accountCode?: string | null; subject?: string | null; note?: string };

export type Handler = (deps: WebhookDeps, data: Record<string, unknown>, event: string) => Promise<Handled>;
