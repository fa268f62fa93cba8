import { stepUpHolds } from '@/lib/auth/staff/step-up';

/** Refunds above `aboveMinor` (REFUND_STEP_UP_ABOVE_MINOR) ask for a fresh TOTP code. */
export type StepUpPolicy = { aboveMinor: number };
/** The refunding session as the rule sees it: whether it passed the second factor at sign-in, and until when a step-up holds. */
export type RefundSession = { idHash: string; secondFactorPassed: boolean; stepUpUntil: Date | null };

/**
 * Why a refund of `amountMinor` needs a fresh code: its amount is above the policy's, or the
 * session signed in without a second factor (then every refund does); null when it needs none.
 */
export function stepUpReason(
  amountMinor: number,
  policy: StepUpPolicy,
  session: Pick<RefundSession, 'secondFactorPassed'>,
): 'amount' | 'no-second-factor' | null {
  if (!session.secondFactorPassed) return 'no-second-factor';
  return amountMinor > policy.aboveMinor ? 'amount' : null;
}

/** Whether the refund must ask for a code now: it needs one and the session holds no step-up still valid. */
export function stepUpAsked(amountMinor: number, policy: StepUpPolicy, session: Omit<RefundSession, 'idHash'>, nowMs: number): boolean {
  return stepUpReason(amountMinor, policy, session) !== null && !stepUpHolds(session.stepUpUntil, nowMs);
}
