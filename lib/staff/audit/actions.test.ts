import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import da from '@/messages/da.json';
import en from '@/messages/en.json';
import { AUDIT_ACTIONS, isAuditAction } from './actions';

// AUDIT_ACTIONS is compiled against AuditAction, the type of the audit writer's `action`: every action the code can write is in it.
describe('every audit action the code can write', () => {
  it.each([
    ['en', en],
    ['da', da],
  ] as const)('has its own sentence in the %s catalogue (auditLog.actions), never the "not described yet" one', (locale, messages) => {
    const t = createTranslator({ locale, messages, namespace: 'auditLog.actions' });
    const unknown = t('unknown');
    const missing = AUDIT_ACTIONS.filter((action) => {
      const raw: unknown = t.has(action) ? t.raw(action) : undefined;
      return typeof raw !== 'string' || raw.trim() === '' || raw === unknown;
    });
    expect(missing).toEqual([]);
  });

  it('is told apart from an action this version does not write (an older row reads "not described yet")', () => {
    expect(AUDIT_ACTIONS.length).toBeGreaterThan(40);
    expect(AUDIT_ACTIONS.every(isAuditAction)).toBe(true);
    expect(isAuditAction('card.disabled_extra')).toBe(false);
    expect(isAuditAction('toString')).toBe(false);
  });
});
