import { luhnValid } from '../luhn';
import type { EnteredCard } from './store';
import { findTestCard } from './test-cards';

export type CardFields = { number: string; expiry: string; cvc: string };

/** What is wrong with what was typed; the window words it in its language (window-html.ts). */
export type CardProblem = 'number' | 'notTestCard' | 'expiryFormat' | 'expired' | 'cvc';

/** MM/YY (also MMYY, MM/YYYY) → month and four-digit year; null when malformed. */
function parseExpiry(raw: string): { month: number; year: number } | null {
  const m = /^\s*(\d{1,2})\s*\/?\s*(\d{2}|\d{4})\s*$/.exec(raw);
  if (!m?.[1] || !m[2]) return null;
  const month = Number(m[1]);
  const year = m[2].length === 2 ? 2000 + Number(m[2]) : Number(m[2]);
  return month >= 1 && month <= 12 ? { month, year } : null;
}

/**
 * The window's checks on what the customer typed, before anything reaches the "acquirer":
 * the entered card, or what is wrong with it.
 */
export function readCard(fields: CardFields, now: Date): { entered: EnteredCard } | { error: CardProblem } {
  const digits = fields.number.replace(/[\s-]/g, '');
  if (!luhnValid(digits)) return { error: 'number' };
  const card = findTestCard(digits);
  if (!card) return { error: 'notTestCard' };
  const exp = parseExpiry(fields.expiry);
  if (!exp) return { error: 'expiryFormat' };
  const endOfMonth = new Date(Date.UTC(exp.year, exp.month, 1));
  if (endOfMonth.getTime() <= now.getTime()) return { error: 'expired' };
  if (!/^\d{3,4}$/.test(fields.cvc.trim())) return { error: 'cvc' };
  return { entered: { card, expMonth: exp.month, expYear: exp.year } };
}
