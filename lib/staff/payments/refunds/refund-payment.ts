import { audit } from '@/lib/audit';
import type { Db } from '@/lib/db/connect';
import type { FarpayClient } from '@/lib/farpay/client';
import { isFarpayError } from '@/lib/farpay/errors';
import { currencyOf, refundStateOf, type Payment } from '@/lib/domain/payments';
import { amountProblem, askedAmount, checkRefund, remainingOf, type RefundAsk } from './check';
import { outcomeOfCode, type RefundOutcomeCode, type RefundResult } from './outcomes';
import { dropRequested, findByKey, findOpen, insertRequested, moveRefund, type RefundRow } from './store';

export type RefundDeps = { db: Db; farpay: Pick<FarpayClient, 'getPayment' | 'refundsOf' | 'refund'> };
export type RefundInput = RefundAsk & { key: string; paymentId: number; reason: string; note?: string };

/** The result a row stands for (a second submit of the same form gets the first one's). */
function resultOfRow(row: RefundRow): RefundResult {
  const base = { refundId: row.id, status: row.status, amountMinor: row.amountMinor, repeat: true };
  switch (row.status) {
    case 'requested':
      return { ...base, outcome: 'in-progress' };
    case 'succeeded':
    case 'reconciled':
      return { ...base, outcome: 'succeeded' };
    case 'unknown':
      return { ...base, outcome: 'unknown' };
    case 'failed': {
      const [code, sub] = (row.farpayCode ?? '').split(':').map(Number);
      return { ...base, outcome: outcomeOfCode(code, sub), farpayText: row.farpayMessage ?? undefined };
    }
  }
}

const wire = (p: Payment): Record<string, unknown> => ({ ...p });

/** Text typed into the form as the audit log can hold it: control characters and lone surrogates replaced, at most 500 characters. */
const storable = (text: string | null): string | null =>
  text === null
    ? null
    : text
        .slice(0, 500)
        .toWellFormed()
        .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '\ufffd');

/**
 * A staff member's refund of a FarPay payment: recorded (`requested`) before FarPay is called,
 * once per form (its key), one open per payment; checked against FarPay's figures only once
 * this refund holds the payment's one open slot, so no other refund can change them meanwhile.
 * Never retried blindly: a lost answer leaves the refund `unknown` until it is reconciled.
 */
export async function refundPayment(deps: RefundDeps, input: RefundInput, actor: string, ip: string | null = null): Promise<RefundResult> {
  const { db } = deps;
  const note = (outcome: RefundOutcomeCode, details: Record<string, unknown> = {}) =>
    audit(db, {
      actor,
      ip,
      action: `farpay.refund.${outcome}`,
      subject: `farpay-payment:${input.paymentId}`,
      details: { reason: input.reason, note: storable(input.note ?? null), mode: input.mode, key: input.key, ...details },
    });

  const earlier = await findByKey(db, input.key);
  if (earlier) return resultOfRow(earlier);
  const open = await findOpen(db, input.paymentId);
  if (open?.idempotencyKey === input.key) return resultOfRow(open); // this very form, sent a moment ago
  if (open) {
    const outcome = open.status === 'unknown' ? 'unresolved' : 'changed';
    await note(outcome, { blockedBy: open.id });
    return { outcome };
  }
  const problem = amountProblem(input);
  const amount = askedAmount(input);
  if (problem !== null || amount === null) {
    const outcome = problem ?? 'invalid-amount';
    await note(outcome, { amountText: storable(input.amountText ?? null) });
    return { outcome };
  }

  const row = await insertRequested(db, {
    idempotencyKey: input.key,
    paymentId: input.paymentId,
    amountMinor: amount,
    shownRemainingMinor: input.shownRemainingMinor,
    reason: input.reason,
    note: input.note ?? null,
    actor,
    ip,
  });
  if (row === 'same-key') {
    const first = await findByKey(db, input.key);
    return first ? resultOfRow(first) : { outcome: 'changed' };
  }
  if (row === 'open') {
    await note('changed', { concurrent: true });
    return { outcome: 'changed' };
  }

  // This refund holds the payment's open slot: FarPay's figures cannot move under it now.
  let checked: ReturnType<typeof checkRefund>;
  let remaining = 0;
  let currency = 'DKK';
  try {
    const payment = await deps.farpay.getPayment(input.paymentId);
    const refunds = await deps.farpay.refundsOf(payment);
    currency = currencyOf(payment);
    checked = checkRefund(payment, refunds, input);
    remaining = remainingOf(payment, refunds);
  } catch (err) {
    await dropRequested(db, row.id);
    if (isFarpayError(err) && err.code === 20014) {
      await note('not-found');
      return { outcome: 'not-found' };
    }
    throw err;
  }
  if (!checked.ok) {
    await dropRequested(db, row.id);
    await note(checked.outcome, { shownRemainingMinor: input.shownRemainingMinor, remainingMinor: remaining, amountMinor: amount });
    return { outcome: checked.outcome, remainingMinor: remaining, currency };
  }
  return { ...(await sendRefund(deps, row, note)), currency };
}

async function sendRefund(deps: RefundDeps, row: RefundRow, note: (o: RefundOutcomeCode, d?: Record<string, unknown>) => Promise<void>): Promise<RefundResult> {
  const { db } = deps;
  const base = { refundId: row.id, amountMinor: row.amountMinor };
  try {
    const made = await deps.farpay.refund(row.paymentId, row.amountMinor);
    const state = refundStateOf(made);
    if (state === 'failed') {
      // FarPay recorded the refund as Error/Ignore: no money moved (Refund.md gives no details).
      await moveRefund(db, row.id, ['requested'], {
        status: 'failed',
        farpayRefundId: made.id,
        farpayCode: `status-${made.status}`.slice(0, 40),
        farpayAnswer: wire(made),
      });
      await note('farpay-refused', { amountMinor: row.amountMinor, farpay: wire(made) });
      return { ...base, outcome: 'farpay-refused', status: 'failed' };
    }
    await moveRefund(db, row.id, ['requested'], { status: 'succeeded', farpayRefundId: made.id, farpayAnswer: wire(made) });
    await note('succeeded', { amountMinor: row.amountMinor, farpay: wire(made) });
    return { ...base, outcome: state === 'pending' ? 'pending' : 'succeeded', status: 'succeeded' };
  } catch (err) {
    if (!isFarpayError(err) || err.fields.mayHaveActed) {
      const message = err instanceof Error ? err.message : String(err);
      await moveRefund(db, row.id, ['requested'], { status: 'unknown', farpayMessage: message.slice(0, 300) });
      await note('unknown', { amountMinor: row.amountMinor, farpay: { error: message.slice(0, 300) } });
      return { ...base, outcome: 'unknown', status: 'unknown' };
    }
    const code = err.code === undefined ? `http-${err.status}` : `${err.code}${err.fields.subCode ? `:${err.fields.subCode}` : ''}`;
    const farpayText = err.fields.detail;
    await moveRefund(db, row.id, ['requested'], { status: 'failed', farpayCode: code, farpayMessage: farpayText ?? err.message });
    const outcome = outcomeOfCode(err.code, err.fields.subCode);
    await note(outcome, { amountMinor: row.amountMinor, farpay: { status: err.status, code, message: farpayText ?? null } });
    return { ...base, outcome, status: 'failed', farpayText };
  }
}
