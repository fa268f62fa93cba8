import { z } from 'zod';
import { LINK_EXPIRIES } from '@/lib/staff/accounts/customer-links';
import { MAX_REASON_LENGTH } from '@/lib/staff/accounts/disable-card';
import { STAFF_SEND_KINDS } from '@/lib/staff/accounts/send-rules';

/** What each staff action on the account pages takes from its form; anything else is refused before the use case runs. */
const accountCode = z.string().trim().min(1).max(100);
const id = z.string().trim().min(1).max(100);

export const disableCardInput = z.object({ accountCode, cardUuid: z.string().trim().min(1).max(64), reason: z.string().max(MAX_REASON_LENGTH).optional() });
export const issueLinkInput = z.object({ accountCode, expiresIn: z.enum(LINK_EXPIRIES) });
export const revokeLinkInput = z.object({ accountCode, linkId: id });
export const selfServiceInput = z.object({ accountCode, email: z.string().trim().min(3).max(254) });
export const retryRegistrationInput = z.object({ accountCode, registrationId: id });
export const sendByEmailInput = z.object({
  accountCode,
  kind: z.enum(STAFF_SEND_KINDS),
  recipient: z.string().trim().min(3).max(254),
  sendId: id,
  confirm: z.literal('1').optional(),
  card: z
    .string()
    .trim()
    .max(64)
    .optional()
    .transform((v) => v || undefined),
});
