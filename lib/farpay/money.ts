/**
 * FarPay's decimals (2 places, "125.50") as integer øre and back, through strings only: no
 * floating-point arithmetic ever touches an amount.
 */
const DECIMAL = /^(-?)(\d{1,13})(?:[.,](\d{1,2}))?$/;

/** "123.45", "-50", 125.5 (a JSON number prints as its shortest decimal) → øre; null when not a 2-decimal amount. */
export function toMinor(value: number | string): number | null {
  // A JSON number that is exactly some øre / 100 (the nearest double to it) prints with at most 2
  // decimals, so it is read without its text; any other number goes the text's way below.
  if (typeof value === 'number' && Math.abs(value) < 1e13) {
    const m = Math.round(value * 100);
    if (m / 100 === value) return m === 0 ? 0 : m;
  }
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value.trim();
  const m = DECIMAL.exec(text);
  if (!m) return null;
  const minor = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return m[1] === '-' && minor !== 0 ? -minor : minor;
}

/** Øre as FarPay's decimal text: 5010 → "50.10". */
export function toDecimal(minor: number): string {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`not an amount in minor units: ${minor}`);
  const abs = Math.abs(minor);
  return `${minor < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * A person's amount ("50", "50.5", "1.234,50" is refused: one separator only) as øre; null
 * when it is not a positive amount with at most 2 decimals.
 */
export function parseEnteredAmount(text: string): number | null {
  const m = /^(\d{1,10})(?:[.,](\d{1,2}))?$/.exec(text.trim());
  if (!m) return null;
  const minor = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return minor > 0 ? minor : null;
}
