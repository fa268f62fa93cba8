import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { describe, expect, it } from 'vitest';
import { appContext } from '@/lib/server/context';
import type { Db } from './connect';
import { missingMigration } from './migration-state';
import * as schema from './schema';

describe('whether the database holds every committed migration (the readiness check)', () => {
  it('the app’s database, migrated at open: nothing missing', async () => {
    expect(await missingMigration((await appContext()).db)).toBeNull();
  });

  it('a database never migrated, and one a migration behind, name the newest migration missing', async () => {
    const client = new PGlite();
    try {
      const db = drizzle({ client, schema }) as unknown as Db;
      expect(await missingMigration(db)).toMatch(/^migration \d{4}_\w+ is not applied$/);
      await client.exec(`create schema drizzle; create table drizzle.__drizzle_migrations (id serial primary key, hash text not null, created_at bigint);
        insert into drizzle.__drizzle_migrations (hash, created_at) values ('x', 1700000000000);`);
      expect(await missingMigration(db)).toMatch(/is not applied/);
      await client.exec(`insert into drizzle.__drizzle_migrations (hash, created_at) values ('y', 99999999999999);`);
      expect(await missingMigration(db)).toBeNull();
    } finally {
      await client.close();
    }
  });
});
