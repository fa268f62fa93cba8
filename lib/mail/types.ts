import type { MailKind } from '@/lib/db/schema';
import type { Money } from '@/lib/i18n/money';
import type { MerchantIdentity } from '@/lib/merchant/identity';

/** A card as the email names it. */
export type MailCard = { brand: string; last4: string; expMonth: number; expYear: number };

type Common = {
  /** The event this message answers (e.g. the webhook's key): one message per event and recipient, ever. */
  eventKey: string;
  accountCode: string;
};

/** What queueCustomerEmail is asked to send. */
export type CustomerEmailInput =
  | (Common & {
      kind: 'approval-needed';
      /** The Stripe PaymentIntent waiting for the customer: the link opens /pay/approve/<id>. */
      paymentIntentId: string;
      amount: Money;
      /** The saved card that was charged, when known. */
      card?: MailCard | null;
      /** What the payment is for, as the PaymentIntent's `description` says (Stripe's; null when it has none). */
      description?: string | null;
    })
  | (Common & {
      kind: 'card-expiring';
      card: MailCard;
    })
  | (Common & {
      /** A campaign's email (lib/staff/campaigns): the card it is about; a reminder says so in its subject. */
      kind: 'campaign-legacy' | 'campaign-expiring';
      card: MailCard;
      reminder: boolean;
      /** The staff member who sent the campaign (the link is minted in their name). */
      issuedBy: string;
    })
  | (Common & {
      kind: 'card-notice';
      card: MailCard;
      notice: CardNoticeWords;
    });

/** What a card's security notice says beside the card: added or removed, and whom to contact when it was not them. */
type CardNoticeWords = { change: 'added' | 'removed'; support: string };

/** What a message shows, with the link already minted. */
export type MailContent = {
  kind: MailKind;
  /** The account's name (Fenerum's company name). */
  name: string;
  link: string;
  /** When the link stops working; null when the provider does not say (Fenerum's Self-Service link). */
  linkExpiresAt: Date | null;
  /** Whose email it is: named in the body, the signature and the footer, with its support contact (lib/merchant). */
  merchant: Pick<MerchantIdentity, 'name' | 'support' | 'accent'>;
  amount?: Money;
  /** What a payment is for (the PaymentIntent's description), when known. */
  description?: string | null;
  card?: MailCard | null;
  /** A card's security notice only. */
  notice?: CardNoticeWords;
  /** A campaign's reminder (the second email of the same campaign). */
  reminder?: boolean;
};

export type RenderedMail = { subject: string; html: string; text: string };
