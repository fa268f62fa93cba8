import { describe, expect, it } from 'vitest';
import { foldText, matchAccounts, type SearchableAccount } from './match-accounts';
import { isCardUuid, isPlausibleCode } from './staff-reads';

const acct = (code: string, name: string, ...emails: string[]): SearchableAccount => ({ uuid: `u-${code}`, code, name, emails });
const accounts = [
  acct('CUST001', 'Nordlys ApS', 'faktura@nordlys.dk'),
  acct('CUST005', 'Älvsborg Konsult AB', 'ekonomi@alvsborgkonsult.se'),
  acct('XCUST001', 'Another Nordlys'),
  acct('CUST010', 'Zebra', 'z@example.com', 'ops@zebra.dk'),
];

describe('matchAccounts', () => {
  it('finds by code, exact code first, then codes that start with it', () => {
    expect(matchAccounts(accounts, 'cust001', 10).map((a) => a.code)).toEqual(['CUST001', 'XCUST001']);
    const prefix = matchAccounts(accounts, 'CUST0', 10).map((a) => a.code);
    expect(prefix.slice(0, 3).sort()).toEqual(['CUST001', 'CUST005', 'CUST010']);
    expect(prefix[3]).toBe('XCUST001');
  });
  it('finds by a part of the name, ignoring case and accents', () => {
    expect(matchAccounts(accounts, 'alvsborg', 10).map((a) => a.code)).toEqual(['CUST005']);
    expect(matchAccounts(accounts, 'NORDLYS', 10).map((a) => a.code)).toEqual(['CUST001', 'XCUST001']);
  });
  it('finds by any recipient’s email, whole or part', () => {
    expect(matchAccounts(accounts, 'faktura@nordlys.dk', 10).map((a) => a.code)).toEqual(['CUST001']);
    expect(matchAccounts(accounts, 'example.com', 10).map((a) => a.code)).toEqual(['CUST010']);
    expect(matchAccounts(accounts, 'OPS@zebra.dk', 10).map((a) => a.code)).toEqual(['CUST010']);
  });
  it('answers nothing for a blank query or no match, and at most `limit`', () => {
    expect(matchAccounts(accounts, '   ', 10)).toEqual([]);
    expect(matchAccounts(accounts, 'nobody', 10)).toEqual([]);
    expect(matchAccounts(accounts, 'cust', 2)).toHaveLength(2);
  });
  it('folds text the same way for the query and the accounts', () => {
    expect(foldText('  Ærø Å ')).toBe('ærø a');
  });
});

describe('what an account code and a card id may look like', () => {
  it('refuses empty, dot, slash, control characters and very long codes', () => {
    for (const bad of ['', ' ', '.', '..', 'a/b', 'a\\b', 'a?b', 'a#b', 'a\u0000b', 'x'.repeat(101)]) expect(isPlausibleCode(bad)).toBe(false);
    for (const ok of ['CUST001', 'T-ABC123', 'kunde 7', 'Ærø-1']) expect(isPlausibleCode(ok)).toBe(true);
  });
  it('takes a uuid in either case and nothing else', () => {
    expect(isCardUuid('c4a9d2e1-7b3f-4c6d-8e5a-000000000001')).toBe(true);
    expect(isCardUuid('C4A9D2E1-7B3F-4C6D-8E5A-000000000001')).toBe(true);
    for (const bad of ['', 'x', 'c4a9d2e1-7b3f-4c6d-8e5a-00000000000', '../c4a9d2e1-7b3f-4c6d-8e5a-000000000001']) expect(isCardUuid(bad)).toBe(false);
  });
});
