import 'server-only';
import type { ReactNode } from 'react';
import { redirect } from 'next/navigation';
import type { z } from 'zod';
import { roleAllows, type StaffRole, type StaffUser } from '@/lib/auth/staff-roles';
import { unstorableText } from '@/lib/domain/storable';
import { providerFailure } from './errors';
import { isRefused, refused, type Refused } from '@/lib/domain/outcomes';
import { needsSecondFactor } from '@/lib/auth/staff/config';
import { readLiveSession } from '@/lib/auth/staff/sessions';
import { appContext, type AppContext } from './context';
import { refusalNotice, type RefusalView } from './staff-refusal';
import { staffSentences } from './staff-sentences';
import { readStaffToken, requestClient, staffAuthConfig } from './staff-session';
import { log } from '@/lib/log';

/**
 * The signed-in staff member of this request: the session cookie names a live session (idle
 * and absolute expiry) of an enabled user who passed the second factor when the role needs it.
 */
async function readStaffUser(ctx: AppContext): Promise<{ user: StaffUser; session: StaffSession } | null> {
  const config = staffAuthConfig(ctx);
  const live = await readLiveSession(ctx.db, await readStaffToken(ctx), config, Date.now());
  if (!live) return null;
  if (needsSecondFactor(config, live.user.role) && !live.secondFactorPassed) return null;
  return { user: live.user, session: { idHash: live.idHash, secondFactorPassed: live.secondFactorPassed, stepUpUntil: live.stepUpUntil } };
}

/** The session of a staff call: its row, whether it passed the second factor at sign-in, and its step-up (refunds). */
export type StaffSession = { idHash: string; secondFactorPassed: boolean; stepUpUntil: Date | null };

/** A staff call: who (`user.email` is what Fenerum's X-User gets), the session, the context, and the client's address for audit entries. */
export type StaffCall = { user: StaffUser; session: StaffSession; ctx: AppContext; ip: string | null };

/** A staff entry point's check (pages and routes): no session sends the browser to sign in; a role too low is refused on the server. */
export async function asStaff<T>(role: StaffRole, run: (call: StaffCall) => Promise<T>): Promise<T | Refused> {
  const ctx = await appContext();
  const signedIn = await readStaffUser(ctx);
  if (!signedIn) redirect('/staff/login');
  if (!roleAllows(signedIn.user.role, role)) return refused('forbidden');
  return run({ ...signedIn, ctx, ip: (await requestClient(ctx)).ip });
}

type Render = (call: StaffCall) => Promise<ReactNode | Refused>;

/**
 * A staff page: checked as `asStaff`, then its view. A refusal (the role too low, or one the
 * view returns) is rendered here by `showRefusal`, by default the console's one sentence, so a
 * page only returns its view.
 */
export function staffPage(role: StaffRole, render: Render): Promise<ReactNode>;
export function staffPage(role: StaffRole, showRefusal: RefusalView, render: Render): Promise<ReactNode>;
export async function staffPage(role: StaffRole, first: Render | RefusalView, second?: Render): Promise<ReactNode> {
  const [showRefusal, render] = second ? [first as RefusalView, second] : [refusalNotice(), first as Render];
  const page = await asStaff(role, render);
  return isRefused(page) ? showRefusal(page) : page;
}

export type ActionState = { ok: true; message?: string } | { ok: false; error: string; fields?: Record<string, string> };

/**
 * A staff Server Action: session and role checked on the server itself (never trust the form
 * that called it), the input zod-parsed, refusals and provider failures turned into a sentence
 * in the staff member's language. Every field's text is held to the one rule for text
 * (lib/domain/storable.ts: no NUL, no unpaired surrogate) before the schema sees it: a field
 * error with a sentence, and the action does not run.
 */
export function staffAction<S extends z.ZodType, R extends ActionState = ActionState>(
  role: StaffRole,
  schema: S,
  fn: (input: z.infer<S>, call: StaffCall) => Promise<R | Refused>,
) {
  return async (_prev: R | ActionState | null, form: FormData): Promise<R | ActionState> => {
    const ctx = await appContext();
    const say = await staffSentences();
    const signedIn = await readStaffUser(ctx);
    if (!signedIn) return { ok: false, error: say.refusal(refused('unauthenticated')) };
    if (!roleAllows(signedIn.user.role, role)) return { ok: false, error: say.refusal(refused('forbidden')) };
    // A hand-made call can pass anything as the argument (React decodes JSON too): only a form is read.
    if (!(form instanceof FormData)) return { ok: false, error: say.correctFields() };
    const unstorable = unstorableFields(form, say.unstorableText());
    if (unstorable) return { ok: false, error: say.correctFields(), fields: unstorable };
    const parsed = schema.safeParse(Object.fromEntries(form));
    if (!parsed.success) {
      const fields = Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.'), i.message]));
      return { ok: false, error: say.correctFields(), fields };
    }
    try {
      const result = await fn(parsed.data, { ...signedIn, ctx, ip: (await requestClient(ctx)).ip });
      return isRefused(result) ? { ok: false, error: say.refusal(result) } : result;
    } catch (err) {
      const failure = providerFailure(err);
      if (failure) return { ok: false, error: say.providerFailure(failure) };
      log.error({ err }, 'staff action failed');
      return { ok: false, error: say.failed() };
    }
  };
}

/** The form's fields (names and text values) that hold text the database cannot store, each with the sentence; null when none does. */
function unstorableFields(form: FormData, sentence: string): Record<string, string> | null {
  const fields: Record<string, string> = {};
  for (const [name, value] of form.entries()) {
    if (unstorableText(name) || (typeof value === 'string' && unstorableText(value))) fields[name.toWellFormed().replaceAll('\u0000', '\ufffd')] = sentence;
  }
  return Object.keys(fields).length ? fields : null;
}
