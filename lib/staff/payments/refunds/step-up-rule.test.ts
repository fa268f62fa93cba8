import { describe, expect, it } from 'vitest';
import { isRefused } from '@/lib/domain/outcomes';
import { STEP_UP_MINUTES, stepUpEnds, stepUpHolds } from '@/lib/auth/staff/step-up';
import { chosenReason } from './reasons';
import { stepUpAsked, stepUpReason } from './step-up-rule';

const policy = { aboveMinor: 100_000 };
const signedInWithCode = { secondFactorPassed: true, stepUpUntil: null };
const NOW = Date.UTC(2026, 11, 6, 9, 0, 0);

describe('the refund confirmation rules', () => {
  it('takes no reason that was not chosen: the placeholder, an unknown one, and Other without a note are refused with their keys', () => {
    expect(chosenReason('duplicate', undefined)).toBe('duplicate');
    expect(chosenReason('other', 'customer asked')).toBe('other');
    for (const [reason, note, key] of [
      ['', undefined, 'refundReasonMissing'],
      ['charged-twice-maybe', undefined, 'refundReasonMissing'],
      ['other', '   ', 'refundNoteMissing'],
      ['other', undefined, 'refundNoteMissing'],
    ] as const) {
      const r = chosenReason(reason, note);
      expect(isRefused(r) && r, `${reason}/${note}`).toMatchObject({ reason: 'invalid-input', key });
    }
  });

  it('asks for a code above the amount only, not at it', () => {
    expect(stepUpReason(100_000, policy, signedInWithCode)).toBeNull();
    expect(stepUpReason(100_001, policy, signedInWithCode)).toBe('amount');
    expect(stepUpAsked(100_000, policy, signedInWithCode, NOW)).toBe(false);
    expect(stepUpAsked(100_001, policy, signedInWithCode, NOW)).toBe(true);
  });

  it('asks for a code for every refund from a session that signed in without a second factor', () => {
    expect(stepUpReason(1, policy, { secondFactorPassed: false })).toBe('no-second-factor');
    expect(stepUpAsked(1, policy, { secondFactorPassed: false, stepUpUntil: null }, NOW)).toBe(true);
  });

  it('0 as the amount: every refund asks', () => {
    expect(stepUpAsked(1, { aboveMinor: 0 }, signedInWithCode, NOW)).toBe(true);
  });

  it(`a step-up holds ${STEP_UP_MINUTES} minutes from when it passed, then asks again`, () => {
    const until = stepUpEnds(NOW);
    expect(until.getTime() - NOW).toBe(STEP_UP_MINUTES * 60_000);
    const session = { secondFactorPassed: true, stepUpUntil: until };
    expect(stepUpAsked(500_000, policy, session, NOW + STEP_UP_MINUTES * 60_000 - 1)).toBe(false);
    expect(stepUpAsked(500_000, policy, session, NOW + STEP_UP_MINUTES * 60_000)).toBe(true);
    expect(stepUpHolds(null, NOW)).toBe(false);
    expect(stepUpAsked(1, policy, { secondFactorPassed: false, stepUpUntil: until }, NOW + 1000)).toBe(false);
  });
});
