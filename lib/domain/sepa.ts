/**
 * Where SEPA Direct Debit belongs (seeds/001: "SEPA direct debit can be used only in certain
 * countries (which are part of SEPA) and only to transfer EUR").
 *
 * The countries: the European Payments Council's "EPC List of Countries and Territories included
 * in the SEPA Schemes' Geographical Scope" (EPC409-09): the 27 EU member states, the other three
 * EEA states (Iceland, Liechtenstein, Norway), Switzerland, the United Kingdom, Andorra, Monaco,
 * San Marino and Vatican City, and the territories that have ISO codes of their own (Åland, the
 * French overseas departments and collectivities in SEPA, Gibraltar, Guernsey, Jersey, the Isle of
 * Man). Countries the EPC admitted from 2025 (Albania, Moldova, Montenegro, North Macedonia,
 * Serbia) are left out until Stripe lists them: offering a debit Stripe cannot take helps no one.
 */
export const SEPA_COUNTRIES: ReadonlySet<string> = new Set([
  // EU
  'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU',
  'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE',
  // EEA
  'IS', 'LI', 'NO',
  // Beyond the EEA
  'CH', 'GB', 'AD', 'MC', 'SM', 'VA',
  // Territories with ISO codes of their own
  'AX', 'GF', 'GP', 'MQ', 'YT', 'RE', 'BL', 'MF', 'PM', 'GI', 'GG', 'JE', 'IM',
]); // prettier-ignore

/** What the rule needs of an account: its country (ISO 3166 alpha-2) and currency (ISO 4217), null when unknown. */
export type SepaPlace = { country?: string | null; currency?: string | null };

/**
 * Whether an account may be offered SEPA Direct Debit: its currency is EUR and its country is in
 * SEPA. Unknown (null, or not a code) is never offered.
 */
export function sepaBelongsTo(place: SepaPlace): boolean {
  const country = place.country?.trim().toUpperCase() ?? '';
  const currency = place.currency?.trim().toUpperCase() ?? '';
  return currency === 'EUR' && SEPA_COUNTRIES.has(country);
}
