import { describe, expect, it } from 'vitest';
import { AUDIT_CSV_START, auditCsvLine } from './csv';

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
