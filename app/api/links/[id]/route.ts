import { z } from 'zod';
import { revokeLink } from '@/lib/auth/links';
import { refused } from '@/lib/domain/outcomes';
import { apiKeyRoute } from '@/lib/server/api-key-route';
import { ok } from '@/lib/server/reply';

const linkId = z.string().regex(/^[0-9a-f-]{36}$/);

/** Revokes a customer link: it stops opening and its sessions end. */
export const DELETE = apiKeyRoute<undefined, { id: string }>({}, async ({ params, ctx, ip }) => {
  if (!linkId.safeParse(params.id).success) return refused('invalid-input', 'notALinkId');
  const done = await revokeLink(ctx.db, params.id, 'api', ip);
  return done ? ok({ id: params.id, revoked: true }) : refused('not-found', 'noSuchLink');
});
