import { NextResponse } from 'next/server';
import { z } from 'zod';
import { LinkInputError } from '@/lib/auth/links';
import { issueCustomerLink } from '@/lib/auth/server';
import { env } from '@/lib/env';
import { FenerumError } from '@/lib/fenerum/errors';
import { hasBearer } from '@/lib/http/bearer';
import { ApiError, errorResponse, jsonError } from '@/lib/http/errors';
import { clientIp, readJson } from '@/lib/http/read-json';

const body = z.object({
  account: z.string({ error: 'account is required (the Fenerum account code)' }).trim().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'account must be a Fenerum account code'),
  expiresIn: z.string({ error: 'expiresIn must be a string like "7d"' }).optional(),
  issuedBy: z.string().max(200).optional(),
});

/** The merchant's backend asks for a customer link: `{account, expiresIn?}` → `{url, expiresAt}`. */
export async function POST(req: Request) {
  if (!hasBearer(req, env().portalApiKey)) {
    return jsonError(401, 'Missing or wrong API key (Authorization: Bearer <PORTAL_API_KEY>)', { 'WWW-Authenticate': 'Bearer' });
  }
  try {
    const input = await readJson(req, body);
    const link = await issueCustomerLink({
      accountCode: input.account,
      expiresIn: input.expiresIn,
      issuedBy: input.issuedBy ? `api:${input.issuedBy}` : 'api',
      ip: clientIp(req),
    }).catch((err: unknown) => {
      if (err instanceof LinkInputError) throw new ApiError(400, err.message);
      if (err instanceof FenerumError && err.status === 404) throw new ApiError(404, `Unknown account: ${input.account}`);
      throw err;
    });
    return NextResponse.json({ id: link.id, url: link.url, expiresAt: link.expiresAt.toISOString() }, { status: 201 });
  } catch (err) {
    return errorResponse(err);
  }
}
