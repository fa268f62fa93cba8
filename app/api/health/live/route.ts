import { NextResponse } from 'next/server';

/** Liveness: the process answers. No database, no provider; also the benchmarks' bare route. */
export function GET() {
  return NextResponse.json({ ok: true });
}
