import type { FormLanguage, ShellWords } from './words';

/** What the portal page (a server component) hands over. Only the publishable key: no secret. */
export type StripeAddCardProps = {
  publishableKey: string;
  /** Sandbox only (e.g. http://localhost:4101/v3/), run before loadStripe; null with real keys. */
  stripeJsUrl: string | null;
  sepaEnabled: boolean;
  words: ShellWords;
  language: FormLanguage;
  /** The id of the sentence that says how this button differs from QuickPay's, when both are offered. */
  describedBy?: string;
};

/** The panel behind the button: the page's props, whether it is open, and how it closes. */
export type PanelProps = StripeAddCardProps & { open: boolean; onClose: (focusButton: boolean) => void };
