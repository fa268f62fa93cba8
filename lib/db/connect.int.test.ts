import { describe, expect, it } from 'vitest';
import { openDatabase } from './connect';
import { auditLog, issuedLinks } from './schema';

describe('database', () => {
  it('applies the committed migrations on open, and again harmlessly on a second open', async () => {
    const opts = { url: process.env.DATABASE_URL, pgliteDir: 'memory://' };
    const first = await openDatabase(opts);
    const second = process.env.DATABASE_URL ? await openDatabase(opts) : undefined;
    expect(first.kind).toBe(process.env.DATABASE_URL ? 'postgres' : 'pglite');
    // The tables exist and answer queries in both dialects' drivers.
    await expect(first.db.select().from(issuedLinks).limit(1)).resolves.toBeInstanceOf(Array);
    await expect(first.db.select().from(auditLog).limit(1)).resolves.toBeInstanceOf(Array);
    await second?.close();
    await first.close();
  });
});
