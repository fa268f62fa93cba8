import { z } from 'zod';
import { issueCustomerLink } from '@/lib/auth/links';
import { isRefused } from '@/lib/domain/outcomes';
import { apiKeyRoute } from '@/lib/server/api-key-route';
import { created } from '@/lib/server/reply';

const body = z.object({
  account: z
    .string({ error: 'account is required (the Fenerum account code)' })
    .trim()
    // Letters, digits, _ . -, but not "." or "..": in Fenerum's URL those are path segments, not a code.
    .regex(/^(?!\.{1,2}$)[A-Za-z0-9_.-]{1,64}$/, 'account must be a Fenerum account code'),
  expiresIn: z.string({ error: 'expiresIn must be a string like "7d"' }).optional(),
  issuedBy: z.string().max(200).optional(),
});

/**
 * The merchant's backend asks for a customer link: `{account, expiresIn?}` → `{id, url, expiresAt}`.
 * A bulk caller: its Fenerum lookup goes after customers' pages (a 503 + Retry-After when the
 * budget is spent), and is dropped once the caller hangs up.
 */
export const POST = apiKeyRoute({ body }, async ({ req, body, ctx, ip }) => {
  const link = await issueCustomerLink(ctx, {
    accountCode: body.account,
    expiresIn: body.expiresIn,
    issuedBy: body.issuedBy ? `api:${body.issuedBy}` : 'api',
    ip,
    lookup: { priority: 'bulk', signal: req.signal },
  });
  if (isRefused(link)) return link;
  return created({ id: link.id, url: link.url, expiresAt: link.expiresAt.toISOString() });
});
