import { NextResponse } from 'next/server';
import { isRefused, type Refused } from '@/lib/domain/outcomes';
import { errorResponse, refusalResponse } from './errors';

/** What a wrapped handler returns: a response it built with the helpers below, or a domain refusal. */
export type Reply = Response | Refused;

export const ok = (body: unknown, headers?: HeadersInit) => NextResponse.json(body, { status: 200, headers });
export const created = (body: unknown) => NextResponse.json(body, { status: 201 });
/** Taken on, not finished (a card Fenerum does not have yet). */
export const accepted = (body: unknown) => NextResponse.json(body, { status: 202 });
/** Not able to serve now (a health check whose database is down): try again later. */
export const unavailable = (body: unknown) => NextResponse.json(body, { status: 503, headers: { 'Retry-After': '5' } });
/** On to another page with GET (after a POST, or a plain link that starts something). */
export const seeOther = (location: string, headers?: Record<string, string>) =>
  new NextResponse(null, { status: 303, headers: { Location: location, ...headers } });
export const html = (body: string, status: number, headers?: Record<string, string>) =>
  new NextResponse(body, { status, headers: { 'Content-Type': 'text/html; charset=utf-8', ...headers } });

export function toResponse(reply: Reply): Response {
  return isRefused(reply) ? refusalResponse(reply) : reply;
}

/** Runs a handler; whatever it throws goes through the one error mapper. */
export async function answer(run: () => Promise<Reply>): Promise<Response> {
  try {
    return toResponse(await run());
  } catch (err) {
    return errorResponse(err);
  }
}
