import { NextResponse } from 'next/server';
import { z } from 'zod';
import { issueCustomerLink } from '@/lib/auth/server';
import { env } from '@/lib/env';
import { errorResponse, jsonError } from '@/lib/http/errors';
import { clientIp } from '@/lib/http/read-json';

const input = z.object({ account: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/) });

/**
 * Sandbox mode only: the home page's "Open portal" button. Issues a short link for a demo
 * account and sends the browser to it, exactly as a customer following an emailed link.
 */
export async function POST(req: Request) {
  if (!env().sandbox.fenerum) return jsonError(404, 'Not found');
  const form = await req.formData().catch(() => null);
  const parsed = input.safeParse({ account: form?.get('account') });
  if (!parsed.success) return jsonError(400, 'account must be a demo account code');
  try {
    const link = await issueCustomerLink({ accountCode: parsed.data.account, expiresIn: '1h', issuedBy: 'sandbox-home', ip: clientIp(req) });
    return new NextResponse(null, { status: 303, headers: { Location: new URL(link.url).pathname, 'Referrer-Policy': 'no-referrer' } });
  } catch (err) {
    return errorResponse(err);
  }
}
