import { refused, type Refused } from '@/lib/domain/outcomes';

/** The longest search the console takes (an id, a name or an email address fits well within it). */
export const MAX_SEARCH_LENGTH = 100;

/**
 * What a search's text can be, read from its format alone, so only the provider that can answer is
 * asked: a Stripe PaymentIntent id (`pi_…`: our approvals, then Stripe), a uuid (a Fenerum card),
 * digits (a FarPay payment or invoice id; four digits may also be a card's last four), or text
 * (an account's code, name or a recipient's email).
 */
type QueryShape = 'payment-intent' | 'uuid' | 'digits' | 'text';

/** The kinds of thing a search finds, each with its own page. */
export type SearchKind = 'account' | 'card' | 'payment' | 'invoice' | 'payment-intent';

export type SearchQuery = { text: string; shape: QueryShape; kinds: SearchKind[] };

const PAYMENT_INTENT = /^pi_[A-Za-z0-9]{8,64}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** FarPay ids are integers; more than 12 digits is no id of theirs (the payments filter takes as many). */
const DIGITS = /^\d{1,12}$/;
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** Which kinds a shape is asked about. */
function kindsOf(shape: QueryShape, text: string): SearchKind[] {
  switch (shape) {
    case 'payment-intent':
      return ['payment-intent'];
    case 'uuid':
      return ['card'];
    case 'digits':
      // An account code may be digits too (codes are the merchant's own); the account list is cached.
      return text.length === 4 ? ['card', 'payment', 'invoice', 'account'] : ['payment', 'invoice', 'account'];
    case 'text':
      return ['account'];
  }
}

/** The search box's text read: refused (empty, too long, control characters) before any provider is asked. */
export function readSearchQuery(raw: string): SearchQuery | Refused {
  // Spaces, tabs and line breaks at the ends come with a pasted id: trimmed. Inside, they are refused.
  const text = raw.trim();
  if (CONTROL.test(text)) return refused('invalid-input', 'searchControlCharacters');
  if (!text) return refused('invalid-input', 'searchEmpty');
  if (text.length > MAX_SEARCH_LENGTH) return refused('invalid-input', 'searchTooLong', { max: String(MAX_SEARCH_LENGTH) });
  const shape: QueryShape = PAYMENT_INTENT.test(text) ? 'payment-intent' : UUID.test(text) ? 'uuid' : DIGITS.test(text) ? 'digits' : 'text';
  return { text, shape, kinds: kindsOf(shape, text) };
}
