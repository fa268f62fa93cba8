import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/connect';
import { accountIndex, accountIndexState } from '@/lib/db/schema';
import type { SearchableAccount } from './match-accounts';

/**
 * The account index as this process searches it: a copy of its rows in memory (10,000 accounts
 * are about 2 MB), with each row's folded search text, read again when the index's `version`
 * moves. A search then scans strings, not the database: PGlite's LIKE over 10,000 rows took
 * ~20 ms, a bare staff page ~26 ms. The version is asked at most once a second; this process's
 * own writes drop the copy at once (`bumpIndexVersion`), another instance's are seen within the
 * second.
 */
type Row = SearchableAccount & { text: string };
const CHECK_EVERY_MS = 1_000;
const STATE_ID = 'fenerum';

const memory: { version: number | null; rows: Row[]; checkedAt: number; loading: Promise<void> | null } = {
  version: null,
  rows: [],
  checkedAt: 0,
  loading: null,
};

/** This process wrote to the index: the next search reads it again. */
function forgetIndexMemory(): void {
  memory.version = null;
  memory.checkedAt = 0;
}

/** One up on the index's version, after a write (other processes then read it again). */
export async function bumpIndexVersion(db: Db): Promise<void> {
  await db
    .update(accountIndexState)
    .set({ version: sql`${accountIndexState.version} + 1` })
    .where(eq(accountIndexState.id, STATE_ID));
  forgetIndexMemory();
}

async function load(db: Db): Promise<void> {
  const [state] = await db.select({ version: accountIndexState.version }).from(accountIndexState).where(eq(accountIndexState.id, STATE_ID));
  const version = state?.version ?? -1;
  if (version !== memory.version || memory.version === null) {
    const rows = await db
      .select({ uuid: accountIndex.uuid, code: accountIndex.code, name: accountIndex.name, emails: accountIndex.emails, text: accountIndex.searchText })
      .from(accountIndex);
    memory.rows = rows.map((r) => ({ ...r, emails: [...r.emails] }));
  }
  memory.version = version;
  memory.checkedAt = Date.now();
}

/** The indexed rows whose folded search text holds `folded`. */
export async function scanIndex(db: Db, folded: string): Promise<SearchableAccount[]> {
  if (memory.version === null || Date.now() - memory.checkedAt >= CHECK_EVERY_MS) {
    memory.loading ??= load(db).finally(() => (memory.loading = null));
    await memory.loading;
  }
  return memory.rows.filter((r) => r.text.includes(folded)).map(({ text: _text, ...account }) => account);
}
