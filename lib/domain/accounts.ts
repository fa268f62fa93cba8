/** The account type every layer shares (Fenerum's wire shape stays in lib/fenerum/wire.ts). */

/** An account. It has no email address of its own: customers' addresses are its recipients. */
export type Account = {
  uuid: string;
  code: string;
  name: string;
  /** Fenerum's account language (e.g. "da", "en"); absent or null when Fenerum gives none. */
  language?: string | null;
  /** Fenerum's `legal_country` (ISO 3166 alpha-2 in its examples); null when it gives none. */
  country?: string | null;
  /** The account's currency: unconfirmed in Fenerum's documents (README, "Fenerum: what its documents leave open"); null when Fenerum gives none. */
  currency?: string | null;
};
