import type { Payment } from '@/lib/domain/payments';
import { toMinor } from './money';
import type { FarpayPaymentWire } from './wire';

const SIGNS: Record<string, Payment['sign']> = {
  Payment: 'payment',
  Refund: 'refund',
  payment: 'payment',
  refund: 'refund',
  plus: 'payment',
  minus: 'refund',
  '1': 'payment',
  '2': 'refund',
};
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** An amount that must be one: a non-decimal is an error the caller sees (never a silent 0). */
function minor(value: number | string, field: string): number {
  const m = toMinor(value);
  if (m === null) throw new Error(`FarPay sent ${field} that is not a 2-decimal amount: ${String(value).slice(0, 30)}`);
  return m;
}

/** FarPay's record as the app's Payment: every spelling mapped, unknown values kept as sent. */
export function toPayment(w: FarpayPaymentWire): Payment {
  const signRaw = w.PaymentSign === null || w.PaymentSign === undefined ? '' : String(w.PaymentSign);
  const paidMinor = minor(w.PaidAmount, 'PaidAmount');
  const sign = SIGNS[signRaw] ?? SIGNS[signRaw.toLowerCase()] ?? (signRaw === '' ? (paidMinor < 0 ? 'refund' : 'payment') : 'unknown');
  const refundId = w.RefundId ?? null;
  const invoice = w.InvoiceId === null || w.InvoiceId === undefined ? null : Number(w.InvoiceId);
  const dateOnly = w.PaymentDate.length === 10 && DATE_ONLY.test(w.PaymentDate);
  return {
    id: w.PaymentId,
    invoiceId: invoice !== null && Number.isSafeInteger(invoice) ? invoice : null,
    date: w.PaymentDate,
    dateOnly,
    toBePaidMinor: w.ToBePaidAmount === null || w.ToBePaidAmount === undefined ? Math.abs(paidMinor) : minor(w.ToBePaidAmount, 'ToBePaidAmount'),
    paidMinor: sign === 'refund' && paidMinor > 0 ? -paidMinor : paidMinor,
    type: w.PaymentType,
    status: w.PaymentStatus,
    sign,
    signRaw,
    // A refund's RefundId names the payment it refunds in seeds/003's reading, itself in the other.
    refundOf: sign === 'refund' && refundId !== w.PaymentId ? refundId : null,
    refundIdRaw: refundId,
    currency: w.Currency ? w.Currency.toUpperCase() : null,
    info: w.PaymentInfo ?? null,
    error: w.ErrorDesription ?? w.ErrorDescription ?? null,
  };
}
