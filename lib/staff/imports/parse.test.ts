import { describe, expect, it } from 'vitest';
import { findRepeats, IMPORT_MAX_BYTES, IMPORT_MAX_ROWS, parseImportFile, rowProblem } from './parse';

const ok = (text: string | Uint8Array) => {
  const parsed = parseImportFile(text);
  if (!parsed.ok) throw new Error(`refused: ${JSON.stringify(parsed.refusal)}`);
  return parsed.lines;
};
const refusal = (text: string | Uint8Array) => {
  const parsed = parseImportFile(text);
  if (parsed.ok) throw new Error('accepted');
  return parsed.refusal;
};

describe('parseImportFile', () => {
  it('reads the three columns with their line numbers, trimmed, blank lines skipped', () => {
    expect(ok('account,gateway,token\nA1, stripe_new ,pm_1\n\nA2,quickpay,77\n')).toEqual([
      { line: 2, account: 'A1', gateway: 'stripe_new', token: 'pm_1' },
      { line: 4, account: 'A2', gateway: 'quickpay', token: '77' },
    ]);
  });

  it('takes the columns in any order and any case, quoted cells with doubled quotes', () => {
    expect(ok('Token,ACCOUNT,Gateway\n"pm_9","A ""1""",stripe_new')).toEqual([{ line: 2, account: 'A "1"', gateway: 'stripe_new', token: 'pm_9' }]);
  });

  it('accepts a byte-order mark and Windows (CRLF) and old Mac (CR) line endings', () => {
    const expected = [
      { line: 2, account: 'A1', gateway: 'quickpay', token: '5' },
      { line: 3, account: 'A2', gateway: 'quickpay', token: '6' },
    ];
    expect(ok('\uFEFFaccount,gateway,token\r\nA1,quickpay,5\r\nA2,quickpay,6\r\n')).toEqual(expected);
    expect(ok(new TextEncoder().encode('\uFEFFaccount,gateway,token\rA1,quickpay,5\rA2,quickpay,6'))).toEqual(expected);
  });

  it('reads past other columns (the failed-rows CSV, fixed, imports as it is), each line as wide as the header', () => {
    expect(ok('account,gateway,token,line,reason\r\nA1,quickpay,5,3,"Gateway must be stripe_new, or quickpay"\r\n')).toEqual([
      { line: 2, account: 'A1', gateway: 'quickpay', token: '5' },
    ]);
    expect(refusal('account,gateway,token,line\nA1,quickpay,5')).toEqual({ kind: 'columns', line: 2, found: 3 });
  });

  it('reads a semicolon-separated file (a Danish spreadsheet) when the header says so', () => {
    expect(ok('account;gateway;token\nA1;quickpay;5')).toEqual([{ line: 2, account: 'A1', gateway: 'quickpay', token: '5' }]);
  });

  it('refuses a file over the size limit before reading it', () => {
    expect(refusal(new Uint8Array(IMPORT_MAX_BYTES + 1))).toEqual({ kind: 'too-large', maxBytes: IMPORT_MAX_BYTES });
  });

  it('refuses more rows than the limit', () => {
    const rows = Array.from({ length: IMPORT_MAX_ROWS + 1 }, (_, i) => `A${i},quickpay,${i + 1}`);
    expect(refusal(`account,gateway,token\n${rows.join('\n')}`)).toEqual({ kind: 'too-many-rows', maxRows: IMPORT_MAX_ROWS });
  });

  it('refuses garbage: bytes that are not UTF-8, or control characters', () => {
    expect(refusal(new Uint8Array([0xff, 0xfe, 0x00, 0x41, 0xc3]))).toEqual({ kind: 'not-text' });
    expect(refusal('account,gateway,token\nA1,quickpay,5\u0000')).toEqual({ kind: 'not-text' });
  });

  it('refuses a wrong or missing header on line 1', () => {
    expect(refusal('acct,gateway,token\nA1,quickpay,5')).toEqual({ kind: 'header', line: 1 });
    expect(refusal('A1,quickpay,5')).toEqual({ kind: 'header', line: 1 });
    expect(refusal('account,gateway,token,account\nA1,quickpay,5,x')).toEqual({ kind: 'header', line: 1 });
  });

  it('names the first malformed line: a wrong number of cells, an open quote, text after a quote', () => {
    expect(refusal('account,gateway,token\nA1,quickpay,5\nA2,quickpay\nA3')).toEqual({ kind: 'columns', line: 3, found: 2 });
    expect(refusal('account,gateway,token\nA1,quickpay,"5\nA2,quickpay,6')).toEqual({ kind: 'quotes', line: 2 });
    expect(refusal('account,gateway,token\nA1,quickpay,"5"x')).toEqual({ kind: 'quotes', line: 2 });
    expect(refusal('account,gateway,token\nA1,quick"pay,5')).toEqual({ kind: 'quotes', line: 2 });
  });

  it('refuses a file with a formula-looking cell, naming its line and cell', () => {
    expect(refusal('account,gateway,token\nA1,quickpay,5\n=HYPERLINK("x"),quickpay,6')).toEqual({ kind: 'quotes', line: 3 });
    expect(refusal('account,gateway,token\nA1,quickpay,5\n"=cmd|\' /C calc\'!A0",quickpay,6')).toEqual({
      kind: 'formula',
      line: 3,
      cell: "=cmd|' /C calc'!A0",
    });
    for (const start of ['+', '-', '@']) {
      expect(refusal(`account,gateway,token\nA1,quickpay, ${start}1`)).toMatchObject({ kind: 'formula', line: 2 });
    }
  });

  it('refuses an empty file or a header alone', () => {
    expect(refusal('')).toEqual({ kind: 'empty' });
    expect(refusal('\uFEFF\r\n')).toEqual({ kind: 'empty' });
    expect(refusal('account,gateway,token\r\n')).toEqual({ kind: 'empty' });
  });
});

describe('rowProblem', () => {
  const row = (account: string, gateway: string, token: string) => ({ line: 2, account, gateway, token });
  it('passes a Stripe PaymentMethod and a QuickPay subscription id', () => {
    expect(rowProblem(row('A1', 'stripe_new', 'pm_1Abc'))).toBeNull();
    expect(rowProblem(row('A1', 'quickpay', '123456'))).toBeNull();
  });
  it('names a bad account code, an unknown gateway (the legacy one too), a token of the wrong shape', () => {
    expect(rowProblem(row('A 1', 'quickpay', '5'))).toBe('account-format');
    expect(rowProblem(row('A1', 'stripe', 'pm_1'))).toBe('gateway');
    expect(rowProblem(row('A1', 'paypal', 'pm_1'))).toBe('gateway');
    expect(rowProblem(row('A1', 'stripe_new', '123'))).toBe('token-format');
    expect(rowProblem(row('A1', 'stripe_new', 'seti_1'))).toBe('token-format');
    expect(rowProblem(row('A1', 'quickpay', 'pm_1'))).toBe('token-format');
    expect(rowProblem(row('A1', 'quickpay', '0'))).toBe('token-format');
  });
});

describe('findRepeats', () => {
  it('names each line that repeats an earlier card, with the earlier line', () => {
    const lines = [
      { line: 2, account: 'A1', gateway: 'quickpay', token: '5' },
      { line: 3, account: 'A2', gateway: 'quickpay', token: '6' },
      { line: 4, account: 'A1', gateway: 'quickpay', token: '5' },
      { line: 5, account: 'A3', gateway: 'quickpay', token: '6' },
      { line: 6, account: 'A3', gateway: 'stripe_new', token: '6' },
    ];
    expect([...findRepeats(lines)]).toEqual([
      [4, 2],
      [5, 3],
    ]);
  });
});
