import { describe, expect, it } from 'vitest';
import { AUDIT_CSV_START, auditCsvLine, csvCell } from './csv';

describe('csvCell', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","x")', `"'=HYPERLINK(""http://evil.example"",""x"")"`],
    ['+45 12 34', `"'+45 12 34"`],
    ['-2+3', `"'-2+3"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['\t=1', `"'\t=1"`],
    ['\r=1', `"'\r=1"`],
  ])('neutralises a formula: %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('quotes commas, quotes and line breaks; leaves a plain value as it is inside quotes', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('Søren Ærø')).toBe('"Søren Ærø"');
    expect(csvCell(null)).toBe('""');
    expect(csvCell(42)).toBe('"42"');
  });
});

describe('auditCsvLine', () => {
  it('writes the columns of the header, the time in UTC and in Copenhagen', () => {
    expect(AUDIT_CSV_START).toBe('\uFEFF"seq","id","at_utc","at_copenhagen","actor","action","account","subject","ip","details"\r\n');
    const line = auditCsvLine({
      id: 9,
      seq: 3,
      at: new Date('2026-07-01T10:00:00.123Z'),
      actor: 'ops@example.com',
      action: 'card.disabled',
      accountCode: 'CUST001',
      subject: '=cmd',
      details: { reason: 'lost, "really"' },
      ip: '203.0.113.7',
    });
    expect(line).toBe(
      '"3","9","2026-07-01T10:00:00.123Z","2026-07-01 12:00:00","ops@example.com","card.disabled","CUST001","\'=cmd","203.0.113.7","{""reason"":""lost, \\""really\\""""}"\r\n',
    );
  });
});
