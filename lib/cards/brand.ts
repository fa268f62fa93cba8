const known: Record<string, string> = {
  visa: 'Visa',
  'visa-electron': 'Visa Electron',
  mastercard: 'MasterCard',
  'mastercard-debet': 'MasterCard',
  maestro: 'Maestro',
  dankort: 'Dankort',
  'visa-dk': 'Visa/Dankort',
  amex: 'American Express',
  'american-express': 'American Express',
};

/** A provider's brand code as people read it; an unknown code is shown capitalised, never dropped. */
export function brandName(code: string | null | undefined): string {
  if (!code) return 'Card';
  return known[code.toLowerCase()] ?? code.charAt(0).toUpperCase() + code.slice(1);
}
