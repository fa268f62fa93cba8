/**
 * QuickPay's test cards (test mode; PROVIDERS.md) and what the emulator does with each.
 * The acquirer codes follow Clearhaus's published response codes (the test acquirer named on
 * operations); which of them QuickPay's test mode returns is unconfirmed.
 */
export type CardBrand = 'visa' | 'mastercard' | 'dankort';

type CardBehaviour = 'approved' | 'rejected' | 'expired' | 'three_d_secure';

export type TestCard = { number: string; brand: CardBrand; behaviour: CardBehaviour; label: string };

export const TEST_CARDS: readonly TestCard[] = [
  { number: '1000000000000008', brand: 'visa', behaviour: 'approved', label: 'Approved' },
  { number: '1000000000000016', brand: 'visa', behaviour: 'rejected', label: 'Rejected' },
  { number: '1000000000000024', brand: 'visa', behaviour: 'expired', label: 'Expired card' },
  { number: '1000000000000073', brand: 'visa', behaviour: 'three_d_secure', label: '3-D Secure challenge' },
  { number: '1000010000000007', brand: 'mastercard', behaviour: 'approved', label: 'Mastercard, approved' },
  { number: '1000020000000006', brand: 'dankort', behaviour: 'approved', label: 'Dankort, approved' },
];

export const findTestCard = (number: string): TestCard | undefined => TEST_CARDS.find((c) => c.number === number);

/** "1000 0000 0000 0008" for display. */
export const groupDigits = (number: string): string => number.replace(/(\d{4})(?=\d)/g, '$1 ');

export type OperationOutcome = {
  qp_status_code: string;
  qp_status_msg: string;
  aq_status_code: string;
  aq_status_msg: string;
};

const APPROVED: OperationOutcome = { qp_status_code: '20000', qp_status_msg: 'Approved', aq_status_code: '20000', aq_status_msg: 'Approved' };

/** "Rejected test operation" is what QuickPay's test mode says (Active Merchant's remote tests). */
const rejected = (aq_status_code: string, aq_status_msg: string): OperationOutcome => ({
  qp_status_code: '40000',
  qp_status_msg: 'Rejected test operation',
  aq_status_code,
  aq_status_msg,
});

/**
 * The intermediate operation of a 3-D Secure flow, before the customer answers the challenge
 * (PROVIDERS.md: seen in QuickPay-based modules; not a failure). Its acquirer fields are
 * unconfirmed: empty, as no acquirer has answered yet.
 */
export const THREE_D_SECURE_REQUIRED: OperationOutcome = {
  qp_status_code: '30100',
  qp_status_msg: '3-D Secure is required',
  aq_status_code: '',
  aq_status_msg: '',
};

const REJECTED = rejected('40410', 'Declined by issuer or card scheme');
const EXPIRED = rejected('40135', 'Card expired');
const THREE_D_SECURE_FAILED = rejected('40310', '3-D Secure authentication failure');

/** The outcome of authorizing with a card, once any 3-D Secure challenge is answered. */
export function outcomeFor(card: TestCard, challengePassed: boolean): OperationOutcome {
  switch (card.behaviour) {
    case 'approved':
      return APPROVED;
    case 'rejected':
      return REJECTED;
    case 'expired':
      return EXPIRED;
    case 'three_d_secure':
      return challengePassed ? APPROVED : THREE_D_SECURE_FAILED;
  }
}

/** The brand as Fenerum reports it (its card objects say "Visa", "MasterCard", "Dankort"). */
export const FENERUM_BRAND: Record<CardBrand, string> = { visa: 'Visa', mastercard: 'MasterCard', dankort: 'Dankort' };
