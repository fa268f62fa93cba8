import { randomUUID } from 'node:crypto';
import { asc, eq, sql } from 'drizzle-orm';
import type { StaffRole } from '@/lib/auth/staff-roles';
import type { Db } from '@/lib/db/connect';
import { staffUsers } from '@/lib/db/schema';

export type StaffUserRow = typeof staffUsers.$inferSelect;

/** Emails are compared and stored lower-cased and trimmed. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase().slice(0, 254);
}

export async function findStaffByEmail(db: Db, email: string): Promise<StaffUserRow | null> {
  const [row] = await db
    .select()
    .from(staffUsers)
    .where(sql`lower(${staffUsers.email}) = ${normalizeEmail(email)}`)
    .limit(1);
  return row ?? null;
}

export async function findStaffById(db: Db, id: string): Promise<StaffUserRow | null> {
  const [row] = await db.select().from(staffUsers).where(eq(staffUsers.id, id)).limit(1);
  return row ?? null;
}

export async function listStaff(db: Db): Promise<StaffUserRow[]> {
  return db.select().from(staffUsers).orderBy(asc(staffUsers.email));
}

/** Inserts a user; false when the email is taken (the unique index decides). */
export async function insertStaffUser(
  db: Db,
  user: { email: string; name: string; role: StaffRole; passwordHash: string; totpSecret?: string | null; totpEnrolledAt?: Date | null },
): Promise<StaffUserRow | null> {
  const rows = await db
    .insert(staffUsers)
    .values({ id: randomUUID(), ...user, email: normalizeEmail(user.email), name: user.name.trim() })
    .onConflictDoNothing()
    .returning();
  return rows[0] ?? null;
}
