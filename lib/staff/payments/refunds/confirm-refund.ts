import type { AuditAction } from '@/lib/staff/audit/actions';
import { audit } from '@/lib/audit';
import { passStepUp } from '@/lib/auth/staff/step-up';
import { heldBack } from '@/lib/auth/staff/sign-in';
import { isRefused, refused, type Refused } from '@/lib/domain/outcomes';
import { askedAmount } from './check';
import type { RefundResult } from './outcomes';
import { chosenReason } from './reasons';
import { refundPayment, type RefundDeps } from './refund-payment';
import type { RefundRequest } from './review-refund';
import { stepUpAsked, stepUpReason, type RefundSession, type StepUpPolicy } from './step-up-rule';
import { findByKey } from './store';

export type ConfirmDeps = RefundDeps & { stepUp: StepUpPolicy & { secretKey: string }; now?: () => number };
/** Who confirms: the user, the session a step-up is bound to, and their address. */
export type RefundCaller = { userId: string; email: string; session: RefundSession; ip: string | null };

/**
 * The summary's "Confirm": the only step that moves money. A reason must be chosen; a form
 * already sent (its key: the same form posted twice, or again after the back button) gets its
 * first result and moves nothing; a refund the step-up rule covers needs a step-up still
 * holding in this session, or `code`, a fresh TOTP code (checked, counted and audited), else it
 * answers `step-up-needed` and nothing is recorded. Then the refund as `refundPayment` makes it.
 */
export async function confirmRefund(deps: ConfirmDeps, input: RefundRequest & { code?: string }, caller: RefundCaller): Promise<RefundResult | Refused> {
  const reason = chosenReason(input.reason, input.note);
  if (isRefused(reason)) return reason;
  const refund = { ...input, reason };
  const replay = () => refundPayment(deps, refund, caller.email, caller.ip);
  if (await findByKey(deps.db, input.key)) return replay();
  const amount = askedAmount(input);
  const now = deps.now?.() ?? Date.now();
  if (amount !== null && stepUpAsked(amount, deps.stepUp, caller.session, now)) {
    if (!input.code?.trim()) return { outcome: 'step-up-needed' };
    const stepped = await stepUp(deps, input.code, caller, now, {
      amountMinor: amount,
      paymentId: input.paymentId,
      why: stepUpReason(amount, deps.stepUp, caller.session),
    });
    if (stepped) return stepped;
  }
  return replay();
}

/** Checks a step-up code and audits the attempt; null when it passed, else the refusal. */
async function stepUp(
  deps: ConfirmDeps,
  code: string,
  caller: RefundCaller,
  now: number,
  about: Record<string, unknown> & { paymentId: number },
): Promise<Refused | null> {
  const answer = await passStepUp(
    { db: deps.db, secretKey: deps.stepUp.secretKey },
    { userId: caller.userId, email: caller.email, sessionHash: caller.session.idHash, ip: caller.ip },
    code,
    now,
  );
  const note = (action: AuditAction, details: Record<string, unknown> = {}) =>
    audit(deps.db, { actor: caller.email, ip: caller.ip, action, subject: `farpay-payment:${about.paymentId}`, details: { ...about, ...details } });
  switch (answer.kind) {
    case 'passed':
      await note('staff.step_up', { until: answer.until.toISOString() });
      return null;
    case 'wrong':
      await note('staff.step_up_refused', { answer: 'wrong-code' });
      return refused('unauthenticated', 'stepUpWrongCode');
    case 'held':
      await note('staff.step_up_refused', { answer: 'held-back' });
      return heldBack(answer.seconds);
    case 'not-enrolled':
      await note('staff.step_up_refused', { answer: 'not-enrolled' });
      return refused('forbidden', 'stepUpNotEnrolled');
  }
}
