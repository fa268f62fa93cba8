import { NextResponse } from 'next/server';
import { FenerumError } from '@/lib/fenerum/errors';

/** A refusal with a status and a message meant for the caller. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export function jsonError(status: number, error: string, headers?: HeadersInit): NextResponse {
  return NextResponse.json({ error }, { status, headers });
}

/**
 * Maps any thrown error to a response: ours keep their status and message; a provider
 * failure becomes 502/503 with a message a person can act on; anything else is a 500 that
 * hides internals (and is logged).
 */
export function errorResponse(err: unknown): NextResponse {
  if (err instanceof ApiError) return jsonError(err.status, err.message);
  if (err instanceof FenerumError) {
    if (err.status === 404) return jsonError(404, 'Not found at Fenerum');
    if (err.status === 429 || err.status >= 500 || err.status === 0) {
      return jsonError(503, 'Fenerum is not answering right now; please try again in a minute', { 'Retry-After': '60' });
    }
    console.error('Fenerum refused a request', err.status, err.detail);
    return jsonError(502, 'Fenerum refused the request');
  }
  console.error(err);
  return jsonError(500, 'Something went wrong on our side');
}
