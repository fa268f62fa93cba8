import { errorBrand, hasBrand } from '@/lib/errors/brand';

const BRAND = errorBrand('quickpay');

/** Every QuickPay failure: `status` 0 when no answer came; the message is safe to log. */
export class QuickpayError extends Error {
  readonly [BRAND] = true;
  constructor(
    readonly status: number,
    message: string,
    readonly errors: Record<string, string[]> = {},
  ) {
    super(message);
    this.name = 'QuickpayError';
  }
  get isTransient(): boolean {
    return this.status === 0 || this.status === 429 || this.status >= 500;
  }
}

/** True for a QuickpayError built by any bundle. */
export function isQuickpayError(err: unknown): err is QuickpayError {
  return hasBrand(err, BRAND);
}
