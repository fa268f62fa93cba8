import { describe, expect, it } from 'vitest';
import type { StaffSend } from '@/lib/mail/staff-sends';
import { sendEntries } from './send-source';

const send = (over: Partial<StaffSend> = {}): StaffSend => ({
  id: 'm1',
  kind: 'customer-link',
  recipient: 'ida@nordlys.dk',
  sentBy: 'support@x.dk',
  status: 'sent',
  lastError: null,
  queuedAt: new Date(1000),
  openedAt: null,
  card: null,
  ...over,
});

describe('a staff send on the timeline', () => {
  it('sent: who, to whom, what', () => {
    expect(sendEntries(send())).toEqual([
      {
        key: 'send:m1',
        at: new Date(1000),
        kind: 'staffSent',
        tone: 'info',
        values: { actor: 'support@x.dk', recipient: 'ida@nordlys.dk', what: 'link' },
        detail: null,
      },
    ]);
  });
  it('then opened, then a card added through its link: three entries, each at its own time', () => {
    const entries = sendEntries(send({ openedAt: new Date(2000), card: { brand: 'visa', last4: '4242', at: new Date(3000) } }));
    expect(entries.map((e) => [e.kind, e.at.getTime()])).toEqual([
      ['staffSent', 1000],
      ['staffSendOpened', 2000],
      ['staffSendCardAdded', 3000],
    ]);
    expect(entries[2]?.values).toMatchObject({ brand: 'Visa', last4: '4242', sentAt: new Date(1000), what: 'link' });
  });
  it('not out yet, or refused by the mail server: said so, with the server’s words', () => {
    expect(sendEntries(send({ status: 'queued', lastError: '451 try later' }))[0]).toMatchObject({
      kind: 'staffSendQueued',
      tone: 'warn',
      detail: '451 try later',
    });
    expect(sendEntries(send({ status: 'failed', lastError: '550 no such user', kind: 'new-card' }))[0]).toMatchObject({
      kind: 'staffSendFailed',
      tone: 'bad',
      values: { what: 'newCard' },
    });
  });
});
