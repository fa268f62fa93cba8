import { NextResponse } from 'next/server';
import { sql } from 'drizzle-orm';
import { appContext } from '@/lib/server/context';

export const dynamic = 'force-dynamic';

/** For load balancers and the test runner: the app is up and its database answers. */
export async function GET() {
  try {
    await (await appContext()).db.execute(sql`select 1`);
    return NextResponse.json({ ok: true });
  } catch {
    return NextResponse.json({ ok: false, error: 'database unavailable' }, { status: 503 });
  }
}
