import 'server-only';
import { cookies, headers } from 'next/headers';
import { needsSecondFactor, type StaffAuthConfig } from '@/lib/auth/staff/config';
import { readLiveSession, type StartedSession } from '@/lib/auth/staff/sessions';
import { clientAddress } from './client-ip';
import type { AppContext } from './context';

const isHttps = (appUrl: string) => new URL(appUrl).protocol === 'https:';

/** `__Host-` under https: host-only, path /, Secure; a plain name on http (the sandbox, tests). */
function staffCookieName(appUrl: string): string {
  return isHttps(appUrl) ? '__Host-staff_session' : 'staff_session';
}

/** Staff sign-in's settings from the one configuration; TOTP secrets are sealed under a key derived from LINK_SECRET. */
export function staffAuthConfig(ctx: AppContext): StaffAuthConfig {
  const { sessionIdleMinutes, sessionMaxHours, secondFactorRoles } = ctx.env.staff;
  return { idleMinutes: sessionIdleMinutes, maxHours: sessionMaxHours, secondFactorRoles, secretKey: ctx.env.linkSecret };
}

export async function readStaffToken(ctx: AppContext): Promise<string | undefined> {
  return (await cookies()).get(staffCookieName(ctx.env.appUrl))?.value;
}

/** Sets the session cookie (Server Actions only): httpOnly, SameSite=Lax, Secure under https, until the absolute expiry. */
export async function setStaffCookie(ctx: AppContext, session: StartedSession): Promise<void> {
  (await cookies()).set(staffCookieName(ctx.env.appUrl), session.token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: isHttps(ctx.env.appUrl),
    path: '/',
    expires: session.expiresAt,
  });
}

export async function clearStaffCookie(ctx: AppContext): Promise<void> {
  (await cookies()).delete(staffCookieName(ctx.env.appUrl));
}

/** The client of this request: its address through the trusted-proxy setting (never a raw X-Forwarded-For), and its user agent. */
export async function requestClient(ctx: AppContext): Promise<{ ip: string | null; userAgent: string | null }> {
  const h = await headers();
  return { ip: clientAddress(h.get('x-forwarded-for'), ctx.env.trustProxyHops), userAgent: h.get('user-agent') };
}

/** Where the sign-in of this request stands: no session, the TOTP step, enrolment, or signed in. */
export async function signInStep(ctx: AppContext): Promise<'password' | 'code' | 'enrol' | 'done'> {
  const config = staffAuthConfig(ctx);
  const live = await readLiveSession(ctx.db, await readStaffToken(ctx), config, Date.now());
  if (!live) return 'password';
  if (!needsSecondFactor(config, live.user.role) || live.secondFactorPassed) return 'done';
  return live.enrolled ? 'code' : 'enrol';
}
