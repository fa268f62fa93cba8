import { accountRegistrations, type Registration } from '@/lib/registrations/store';
import { brandName } from '@/lib/cards/brand';
import type { TimelineEntry, TimelineSource } from './types';

const FAILED_KIND: Record<string, string> = {
  gateway: 'cardFailedGateway',
  card: 'cardFailedCard',
  'test-mode': 'cardFailedTestMode',
  'no-token': 'cardFailedNoToken',
};

/** One card added through the portal, with where it stands now: registered, waiting, or failed (and why). */
export function registrationEntry(r: Registration): TimelineEntry {
  const values = { brand: brandName(r.cardBrand), last4: r.cardLast4 ?? '····', gateway: r.gateway, attempts: r.attempts };
  const base = { key: `registration:${r.id}`, at: r.createdAt, values };
  if (r.status === 'registered') return { ...base, kind: 'cardRegistered', tone: 'ok' };
  if (r.status === 'failed') {
    const kind = (r.refusal && FAILED_KIND[r.refusal]) ?? 'cardFailed';
    return { ...base, kind, tone: 'bad', detail: r.lastError, retry: r.token ? { registrationId: r.id } : undefined };
  }
  return {
    ...base,
    kind: r.lastError ? 'cardQueuedAfterError' : 'cardQueued',
    tone: 'warn',
    detail: r.lastError,
    retry: r.token ? { registrationId: r.id } : undefined,
  };
}

/** Cards customers added through the portal (the registrations table). */
export const registrationSource: TimelineSource = {
  name: 'registrations',
  load: async ({ db }, account, limit) => (await accountRegistrations(db, account.code, limit)).map(registrationEntry),
};
