import { describe, expect, it } from 'vitest';
import type { Registration } from '@/lib/registrations/store';
import { auditEntry } from './audit-source';
import { loadTimeline, mergeByTime } from './load-timeline';
import { registrationEntry } from './registration-source';
import type { TimelineEntry, TimelineSource } from './types';

const entry = (key: string, at: number): TimelineEntry => ({ key, at: new Date(at), kind: 'other', values: {}, tone: 'info' });
const source = (name: string, entries: TimelineEntry[]): TimelineSource => ({ name, load: async (_d, _a, limit) => entries.slice(0, limit) });

describe('the account timeline', () => {
  it('merges its sources into one list, newest first, cut at the limit', async () => {
    const a = source('a', [entry('a:1', 3000), entry('a:2', 1000)]);
    const b = source('b', [entry('b:1', 2000), entry('b:2', 500)]);
    const merged = await loadTimeline({ db: {} as never }, { code: 'X' }, 3, [a, b]);
    expect(merged.map((e) => e.key)).toEqual(['a:1', 'b:1', 'a:2']);
  });
  it('keeps entries of the same moment in a stable order', () => {
    expect(mergeByTime([[entry('z', 1)], [entry('a', 1)]], 10).map((e) => e.key)).toEqual(['a', 'z']);
  });
});

const reg = (over: Partial<Registration>): Registration =>
  ({
    id: 'r1',
    gateway: 'quickpay',
    providerRef: '7',
    accountCode: 'X',
    status: 'registered',
    token: '7',
    cardBrand: 'visa',
    cardLast4: '4242',
    attempts: 1,
    lastError: null,
    refusal: null,
    createdAt: new Date(1000),
    ...over,
  }) as Registration;

describe('a card added through the portal, on the timeline', () => {
  it('registered: Fenerum has it, nothing to retry', () => {
    expect(registrationEntry(reg({}))).toMatchObject({ kind: 'cardRegistered', tone: 'ok', values: { brand: 'Visa', last4: '4242' } });
    expect(registrationEntry(reg({})).retry).toBeUndefined();
  });
  it('failed: the refusal in a sentence, Fenerum’s words beside it, and a retry', () => {
    const e = registrationEntry(reg({ status: 'failed', refusal: 'gateway', lastError: 'Fenerum answered 400' }));
    expect(e).toMatchObject({ kind: 'cardFailedGateway', tone: 'bad', detail: 'Fenerum answered 400', retry: { registrationId: 'r1' } });
    expect(registrationEntry(reg({ status: 'failed', refusal: null })).kind).toBe('cardFailed');
  });
  it('queued: waiting, with the last error when an attempt failed', () => {
    expect(registrationEntry(reg({ status: 'queued' })).kind).toBe('cardQueued');
    expect(registrationEntry(reg({ status: 'queued', lastError: 'Fenerum answered 503' })).kind).toBe('cardQueuedAfterError');
  });
  it('nothing to send (no token): no retry offered', () => {
    expect(registrationEntry(reg({ status: 'failed', refusal: 'no-token', token: null })).retry).toBeUndefined();
  });
});

describe('an audit row on the timeline', () => {
  const row = (action: string, details: Record<string, unknown> = {}) => ({
    id: 9,
    at: new Date(5),
    actor: 'op@x.dk',
    action,
    accountCode: 'X',
    subject: 's',
    details,
    ip: null,
  });
  it('a disabled card names the card and the reason when one was given', () => {
    expect(auditEntry(row('card.disabled', { brand: 'Visa', last4: '4242', reason: 'stolen' }))).toMatchObject({
      kind: 'cardDisabledWithReason',
      values: { actor: 'op@x.dk', brand: 'Visa', last4: '4242', reason: 'stolen' },
    });
    expect(auditEntry(row('card.disabled', { brand: 'Visa', last4: '4242', reason: null })).kind).toBe('cardDisabled');
  });
  it('an action of another area reads with the generic sentence', () => {
    expect(auditEntry(row('payment.refunded'))).toMatchObject({ key: 'audit:9', kind: 'other', values: { action: 'payment.refunded' } });
  });
});
