import { and, eq } from 'drizzle-orm';
import { auditLog } from '@/lib/db/schema';
import { appContext } from '@/lib/server/context';
import { sandbox } from './sandbox-control';

/** A fresh Fenerum account of the test's own with a Visa •••• 4242 and a Mastercard •••• 4444 (stripe_new); `email` is its one recipient's. */
export async function freshAccountWithCards() {
  const ctx = await appContext();
  const account = await sandbox.fenerum.createAccount();
  const visa = await ctx.fenerum.createPaymentCard({ accountUuid: account.uuid, gateway: 'stripe_new', token: 'pm_card_visa' });
  const mastercard = await ctx.fenerum.createPaymentCard({ accountUuid: account.uuid, gateway: 'stripe_new', token: 'pm_card_mastercard' });
  return { code: account.code, uuid: account.uuid, email: account.recipients[0]?.email ?? '', visa, mastercard };
}

/** The audit rows of one account and action. */
export async function auditRows(accountCode: string, action: string) {
  const { db } = await appContext();
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.accountCode, accountCode), eq(auditLog.action, action)));
}

/** Each test its own staff member, so audit rows and Fenerum's X-User are the test's alone. */
export const staffMember = (role = 'operator') => ({ email: `${role}-${Math.random().toString(36).slice(2, 10)}@staff.example` });

/** The account's audit rows of one mail action, without the security notices a registered card brings (lib/mail/card-notice.ts). */
export async function customerMailRows(accountCode: string, action: string) {
  return (await auditRows(accountCode, action)).filter((r) => (r.details as { kind?: unknown }).kind !== 'card-notice');
}
