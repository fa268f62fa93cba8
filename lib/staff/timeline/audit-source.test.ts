import { describe, expect, it } from 'vitest';
import { auditEntry } from './audit-source';

const row = (details: Record<string, unknown>) => ({
  id: 7,
  at: new Date('2026-12-06T10:00:00Z'),
  actor: 'customer',
  action: 'link.requested',
  accountCode: 'CUST001',
  subject: 'link-1',
  details,
  ip: null,
});

describe('a customer’s request for a new link on the timeline', () => {
  it('names the recipient it went to', () => {
    expect(auditEntry(row({ matched: true, to: 'anna@example.dk' }))).toMatchObject({
      kind: 'linkRequested',
      tone: 'info',
      values: { actor: 'customer', recipient: 'anna@example.dk' },
    });
  });

  it('an address that is no recipient: only its masked form, and a warning tone', () => {
    expect(auditEntry(row({ matched: false, address: 'a•••@example.org' }))).toMatchObject({
      kind: 'linkRequestUnmatched',
      tone: 'warn',
      values: { address: 'a•••@example.org' },
    });
  });
});
