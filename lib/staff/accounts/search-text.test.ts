import { describe, expect, it } from 'vitest';
import { searchTextOf } from './account-index';
import { foldText, matchAccounts, type SearchableAccount } from './match-accounts';

const acct = (code: string, name: string, ...emails: string[]): SearchableAccount => ({ uuid: `u-${code}`, code, name, emails });
const accounts = [
  acct('CUST001', 'Nordlys ApS', 'faktura@nordlys.dk', 'ida@nordlys.dk'),
  acct('CUST005', 'Älvsborg Konsult AB', 'ekonomi@alvsborgkonsult.se'),
  acct('Ærø-1', 'Ærø  Færgeri\nA/S'),
  acct('XCUST001', 'Another Nordlys'),
];

describe('the index’s search text (what the database’s LIKE runs over)', () => {
  it('is the code, the name and each address folded, one a line', () => {
    expect(searchTextOf(accounts[0] as SearchableAccount)).toBe('cust001\nnordlys aps\nfaktura@nordlys.dk\nida@nordlys.dk');
    expect(searchTextOf(accounts[2] as SearchableAccount)).toBe('ærø-1\nærø  færgeri a/s');
  });

  it('holds every query the ranking matches, so the database never drops an account the search would show', () => {
    const queries = ['cust', 'CUST001', 'alvsborg', 'Älvs', 'nordlys', '@nordlys.dk', 'IDA@', 'ærø', 'færgeri', 'konsult ab', 'apS'];
    for (const q of queries) {
      const shown = matchAccounts(accounts, q, 100);
      expect(shown.length, q).toBeGreaterThan(0);
      for (const a of shown) expect(searchTextOf(a).includes(foldText(q)), `${q} in ${a.code}`).toBe(true);
    }
  });

  it('answers a query that matches nothing with nothing', () => {
    expect(accounts.filter((a) => searchTextOf(a).includes(foldText('zebra')))).toEqual([]);
  });
});
