/** IBANs for SEPA Direct Debit (docs.stripe.com/testing#sepa-direct-debit). */
export const SEPA_FAILING_IBANS = new Set(['DE62370400440532013001', 'AT861904300235473202', 'FR8420041010050500013M02607']);

export const normalizeIban = (iban: string): string => iban.replace(/\s+/g, '').toUpperCase();

/** ISO 13616 check: country, check digits, mod 97 of the rearranged number. */
export function ibanValid(raw: string): boolean {
  const iban = normalizeIban(raw);
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(iban)) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const value = /\d/.test(ch) ? ch : String(ch.charCodeAt(0) - 55);
    for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

/** The bank code Stripe reports for a German IBAN (digits 5–12), else the first eight after the check digits. */
export const bankCodeOf = (iban: string): string => normalizeIban(iban).slice(4, 12);
