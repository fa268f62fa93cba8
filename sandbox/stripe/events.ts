import { API_VERSION } from './config';
import { newId, nowSeconds } from './ids';
import type { RequestInfo, StoredObject } from './records';

/** Stripe's event object (`/v1/events`, webhook bodies). `data.object` is a snapshot. */
export type StripeEvent = {
  id: string;
  object: 'event';
  api_version: string;
  created: number;
  data: { object: StoredObject; previous_attributes?: Record<string, unknown> };
  livemode: boolean;
  pending_webhooks: number;
  request: { id: string | null; idempotency_key: string | null };
  type: string;
};

export class EventLog {
  private events: StripeEvent[] = [];

  constructor(
    /** Called for each new event; returns how many endpoints it will be delivered to. */
    private readonly onEvent: (event: StripeEvent) => number,
  ) {}

  emit(type: string, object: StoredObject, request: RequestInfo, previous?: Record<string, unknown>): StripeEvent {
    const event: StripeEvent = {
      id: newId('evt'),
      object: 'event',
      api_version: API_VERSION,
      created: nowSeconds(),
      data: previous ? { object: structuredClone(object), previous_attributes: previous } : { object: structuredClone(object) },
      livemode: false,
      pending_webhooks: 0,
      request: { id: request.id, idempotency_key: request.idempotencyKey },
      type,
    };
    this.events.push(event);
    event.pending_webhooks = this.onEvent(event);
    return event;
  }

  get(id: string): StripeEvent | undefined {
    return this.events.find((e) => e.id === id);
  }

  /** Oldest first. */
  all(): StripeEvent[] {
    return [...this.events];
  }

  clear(): void {
    this.events = [];
  }
}

/** `previous_attributes` for an update: the old values of the keys that changed. */
export function changedAttributes(before: object, after: object): Record<string, unknown> | undefined {
  const prev: Record<string, unknown> = {};
  const a = before as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (JSON.stringify(a[key]) !== JSON.stringify(b[key])) prev[key] = a[key] ?? null;
  }
  return Object.keys(prev).length ? prev : undefined;
}
