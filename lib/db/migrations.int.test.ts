import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rowsOf } from '@/lib/db/rows';
import { appContext } from '@/lib/server/context';

describe('migration 0004: one Fenerum card, one registration', () => {
  it('refuses a second registration holding a Fenerum card another holds', async () => {
    const { db } = await appContext();
    const card = `card-${crypto.randomUUID()}`;
    const row = (id: string) =>
      sql`insert into registrations (id, gateway, provider_ref, account_code, account_uuid, status, fenerum_card_uuid) values (${id}, 'quickpay', ${id}, 'X', 'x', 'registered', ${card})`;
    await db.execute(row(crypto.randomUUID()));
    await expect(db.execute(row(crypto.randomUUID()))).rejects.toThrow();
    const held = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from registrations where fenerum_card_uuid = ${card}`));
    expect(held[0]?.n).toBe(1);
  });
});
