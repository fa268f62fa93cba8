import { NextResponse } from 'next/server';
import { revokeLink } from '@/lib/auth/links';
import { getDb } from '@/lib/db';
import { env } from '@/lib/env';
import { hasBearer } from '@/lib/http/bearer';
import { errorResponse, jsonError } from '@/lib/http/errors';
import { clientIp } from '@/lib/http/read-json';

/** Revokes a customer link: it stops opening and its sessions end. */
export async function DELETE(req: Request, ctx: { params: Promise<{ id: string }> }) {
  if (!hasBearer(req, env().portalApiKey)) return jsonError(401, 'Missing or wrong API key', { 'WWW-Authenticate': 'Bearer' });
  const { id } = await ctx.params;
  if (!/^[0-9a-f-]{36}$/.test(id)) return jsonError(400, 'Not a link id');
  try {
    const done = await revokeLink(await getDb(), id, 'api', clientIp(req));
    return done ? NextResponse.json({ id, revoked: true }) : jsonError(404, 'No such link');
  } catch (err) {
    return errorResponse(err);
  }
}
