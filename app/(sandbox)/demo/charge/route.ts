import { seeOther } from '@/lib/server/reply';
import { demoFormRoute } from '../demo-form-route';

/**
 * Sandbox mode only: the home page's "Bank wants authentication" button. Asks the Fenerum
 * emulator to charge the account's saved Stripe card off-session with the bank wanting
 * authentication; Fenerum then sends payment.authentication_required to this app. Back to the
 * home page, which says what happened.
 */
export const POST = demoFormRoute({ isOn: (sandbox) => sandbox.fenerum && sandbox.stripe, invalidAccount: 'demoAccount' }, async (ctx, code) => {
  const control = `${new URL(ctx.env.fenerum.apiUrl).origin}/__sandbox/accounts/${encodeURIComponent(code)}/charge`;
  const res = await fetch(control, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' }).catch(() => null);
  const outcome = res?.ok ? 'charged' : res?.status === 409 ? 'no-card' : 'failed';
  return seeOther(`/?charge=${outcome}&account=${encodeURIComponent(code)}`);
});
