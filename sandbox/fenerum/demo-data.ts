import type { AccountRecord, CardRecord, Gateway, RecipientRecord } from './state';

/**
 * The sandbox's deterministic demo data. Everything is fixed except the one card that must
 * always "expire soon" (CUST001's Mastercard), whose expiry follows `now`.
 */
export const DEMO_ACCOUNT_UUIDS = {
  CUST001: '5b1e6f0a-3c2d-4e8f-9a1b-000000000001',
  CUST002: '5b1e6f0a-3c2d-4e8f-9a1b-000000000002',
  CUST003: '5b1e6f0a-3c2d-4e8f-9a1b-000000000003',
  CUST004: '5b1e6f0a-3c2d-4e8f-9a1b-000000000004',
  CUST005: '5b1e6f0a-3c2d-4e8f-9a1b-000000000005',
} as const;

/** How many cards CUST004 ("Storkunde A/S") has: more than six pages of 20, more than one of 100. */
const STORKUNDE_CARD_COUNT = 125;

type AccountSeed = Omit<AccountRecord, 'uuid' | 'code' | 'created_date' | 'last_modified_date'>;

const accountSeeds: Array<[keyof typeof DEMO_ACCOUNT_UUIDS, AccountSeed]> = [
  [
    'CUST001',
    {
      company_name: 'Nordlys ApS',
      legal_address: 'Vesterbrogade 12, 2. th.',
      legal_zipcode: '1620',
      legal_city: 'København V',
      legal_country: 'DK',
      billing_email: 'faktura@nordlys.dk',
      currency: 'DKK',
      language: 'da',
    },
  ],
  [
    'CUST002',
    {
      company_name: 'Havblik Bageri I/S',
      legal_address: 'Havnegade 4',
      legal_zipcode: '8000',
      legal_city: 'Aarhus C',
      legal_country: 'DK',
      billing_email: 'regnskab@havblik.dk',
      currency: 'DKK',
      language: 'da',
    },
  ],
  [
    'CUST003',
    {
      company_name: 'Fjeldstad Design AS',
      legal_address: 'Markveien 35B',
      legal_zipcode: '0554',
      legal_city: 'Oslo',
      legal_country: 'NO',
      billing_email: 'post@fjeldstad.no',
      currency: 'NOK',
      language: 'nb',
    },
  ],
  [
    'CUST004',
    {
      company_name: 'Storkunde A/S',
      legal_address: 'Industrivej 100',
      legal_zipcode: '5000',
      legal_city: 'Odense C',
      legal_country: 'DK',
      billing_email: 'kreditor@storkunde.dk',
      currency: 'DKK',
      language: 'da',
    },
  ],
  [
    'CUST005',
    {
      company_name: 'Älvsborg Konsult AB',
      legal_address: 'Första Långgatan 8',
      legal_zipcode: '413 03',
      legal_city: 'Göteborg',
      legal_country: 'SE',
      billing_email: 'ekonomi@alvsborgkonsult.se',
      currency: 'SEK',
      language: 'sv',
    },
  ],
];

export function demoAccounts(): AccountRecord[] {
  return accountSeeds.map(([code, seed], i) => ({
    uuid: DEMO_ACCOUNT_UUIDS[code],
    code,
    ...seed,
    created_date: `2023-0${i + 1}-15T09:00:00Z`,
    last_modified_date: `2023-0${i + 1}-15T09:00:00Z`,
  }));
}

type RecipientSeed = Pick<RecipientRecord, 'name' | 'email' | 'receive_invoice' | 'receive_payment_confirmation' | 'receive_subscription_notifications'>;
const recipient = (name: string, email: string, invoice: boolean, payment: boolean, subscription = false): RecipientSeed => ({
  name,
  email,
  receive_invoice: invoice,
  receive_payment_confirmation: payment,
  receive_subscription_notifications: subscription,
});

/**
 * Each demo account's recipients (where Fenerum keeps customers' addresses). Nordlys also has
 * one who only hears about subscriptions (never mailed by the portal); Storkunde's only
 * recipient takes invoices, not payment confirmations (the portal falls back to it).
 */
const recipientSeeds: Array<[keyof typeof DEMO_ACCOUNT_UUIDS, RecipientSeed[]]> = [
  ['CUST001', [recipient('Bogholderiet', 'faktura@nordlys.dk', true, true), recipient('Direktør Ida Lund', 'ida@nordlys.dk', false, false, true)]],
  ['CUST002', [recipient('Regnskab', 'regnskab@havblik.dk', true, true)]],
  ['CUST003', [recipient('Post', 'post@fjeldstad.no', true, true)]],
  ['CUST004', [recipient('Kreditor', 'kreditor@storkunde.dk', true, false)]],
  ['CUST005', [recipient('Ekonomi', 'ekonomi@alvsborgkonsult.se', true, true)]],
];

export function demoRecipients(): RecipientRecord[] {
  let n = 0;
  return recipientSeeds.flatMap(([code, seeds]) =>
    seeds.map((seed) => {
      n += 1;
      return {
        uuid: `e7d3b5a1-2f4c-4a6e-9b8d-${n.toString(16).padStart(12, '0')}`,
        account: DEMO_ACCOUNT_UUIDS[code],
        ...seed,
        created_date: new Date(Date.UTC(2023, 5, 1, 9, 0, n)).toISOString(),
      };
    }),
  );
}

/** A fixed, valid v4-shaped uuid for demo card number n. */
const cardUuid = (n: number) => `c4a9d2e1-7b3f-4c6d-8e5a-${n.toString(16).padStart(12, '0')}`;

type CardSeed = Pick<CardRecord, 'active' | 'brand' | 'last4' | 'month' | 'year' | 'payment_gateway' | 'token'>;

const card = (active: boolean, brand: string, last4: string, month: number, year: number, payment_gateway: Gateway, token: string): CardSeed => ({
  active,
  brand,
  last4,
  month,
  year,
  payment_gateway,
  token,
});

/** The month after `now` (UTC): the card is valid through it, so it always "expires soon". */
function nextMonth(now: Date): { month: number; year: number } {
  const m = now.getUTCMonth() + 1; // the current month, 1-based
  return m === 12 ? { month: 1, year: now.getUTCFullYear() + 1 } : { month: m + 1, year: now.getUTCFullYear() };
}

function storkundeCards(): CardSeed[] {
  const brands: Array<[string, Gateway, (n: number) => string]> = [
    ['Visa', 'stripe_new', (n) => `pm_demo_storkunde_${n}`],
    ['Mastercard', 'stripe_new', (n) => `pm_demo_storkunde_${n}`],
    ['Dankort', 'quickpay', (n) => String(420_000_000 + n)],
  ];
  return Array.from({ length: STORKUNDE_CARD_COUNT }, (_, i) => {
    const [brand, gateway, token] = brands[i % brands.length] ?? ['Visa', 'stripe_new', (n: number) => `pm_demo_storkunde_${n}`];
    const last4 = String(1000 + ((i * 7919) % 9000)).padStart(4, '0');
    return card(i % 4 !== 3, brand, last4, (i % 12) + 1, 2027 + (i % 8), gateway, token(i + 1));
  });
}

export function demoCards(now: Date): CardRecord[] {
  const soon = nextMonth(now);
  const perAccount: Array<[keyof typeof DEMO_ACCOUNT_UUIDS, CardSeed[]]> = [
    [
      'CUST001',
      [
        card(true, 'Visa', '4242', 12, 2034, 'stripe_new', 'pm_demo_nordlys_visa'),
        card(true, 'Mastercard', '4444', soon.month, soon.year, 'stripe_new', 'pm_demo_nordlys_mastercard'),
        card(false, 'Visa', '0341', 3, 2029, 'stripe_new', 'pm_demo_nordlys_disabled'),
        card(true, 'Visa', '5556', 8, 2030, 'stripe', 'card_demo_nordlys_legacy'),
      ],
    ],
    ['CUST002', [card(true, 'Dankort', '0006', 9, 2029, 'quickpay', '417823611')]],
    ['CUST003', []],
    ['CUST004', storkundeCards()],
    [
      'CUST005',
      [card(true, 'Mastercard', '5454', 6, 2031, 'stripe_new', 'pm_demo_alvsborg_mastercard'), card(false, 'Visa', '0077', 2, 2028, 'quickpay', '417823999')],
    ],
  ];
  let n = 0;
  const base = Date.UTC(2024, 0, 2, 10, 0, 0);
  return perAccount.flatMap(([code, seeds]) =>
    seeds.map((seed) => {
      n += 1;
      return {
        uuid: cardUuid(n),
        account: DEMO_ACCOUNT_UUIDS[code],
        ...seed,
        created_date: new Date(base + n * 3_600_000).toISOString(),
        createdBy: null,
        createdByClientSystem: null,
        disabledBy: null,
        disabledAt: seed.active ? null : new Date(base + n * 3_600_000 + 86_400_000).toISOString(),
      };
    }),
  );
}
