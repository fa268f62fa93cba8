import { describe, expect, it } from 'vitest';
import { auditQueryString, parseAuditQuery } from './filters';

describe('parseAuditQuery', () => {
  it('reads every filter and the page from the URL', () => {
    const q = new URLSearchParams('account=CUST001&actor=ops@example.com&action=card.disabled&from=2026-01-01&to=2026-01-31&before=120');
    expect(parseAuditQuery(q)).toEqual({
      filters: { account: 'CUST001', actor: 'ops@example.com', action: 'card.disabled', from: '2026-01-01', to: '2026-01-31' },
      page: { before: 120 },
      invalid: [],
    });
  });

  it('ignores empty values and takes the first of repeated ones (Next gives arrays)', () => {
    expect(parseAuditQuery({ account: ['A1', 'A2'], actor: '  ', action: undefined })).toEqual({ filters: { account: 'A1' }, page: {}, invalid: [] });
  });

  it.each([
    ['account', 'x'.repeat(65)],
    ['actor', 'y'.repeat(201)],
    ['action', "card'; drop table audit_log; --"],
    ['from', '2026-02-30'],
    ['to', 'yesterday'],
  ])('drops an invalid %s and names it', (key, value) => {
    const valid: Record<string, string> = key === 'account' ? { actor: 'ops@example.com' } : { account: 'CUST001' };
    const parsed = parseAuditQuery(new URLSearchParams({ ...valid, [key]: value }));
    expect(parsed.invalid).toEqual([key]);
    expect(parsed.filters).toEqual(valid);
  });

  it('drops a "to" before "from", and a page that is not a positive whole number', () => {
    const parsed = parseAuditQuery(new URLSearchParams('from=2026-03-02&to=2026-03-01&before=-4&after=1e400'));
    expect(parsed).toEqual({ filters: { from: '2026-03-02' }, page: {}, invalid: ['to', 'page'] });
  });

  it('keeps "before" when both directions are given', () => {
    expect(parseAuditQuery(new URLSearchParams('before=10&after=3')).page).toEqual({ before: 10 });
  });
});

describe('auditQueryString', () => {
  it('round-trips through parseAuditQuery and leaves out what is unset', () => {
    const filters = { account: 'CUST 001&x', action: 'link.issued' };
    const text = auditQueryString(filters, { before: 7 });
    expect(text).toBe('?account=CUST+001%26x&action=link.issued&before=7');
    expect(parseAuditQuery(new URLSearchParams(text.slice(1)))).toEqual({ filters, page: { before: 7 }, invalid: [] });
    expect(auditQueryString({})).toBe('');
  });
});
