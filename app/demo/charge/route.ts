import { z } from 'zod';
import { refused } from '@/lib/domain/outcomes';
import { appContext } from '@/lib/server/context';
import { answer, seeOther } from '@/lib/server/reply';
import { isSameOrigin } from '@/lib/server/request-origin';
import { notFromOurPage } from '@/app/pay/open/refusal-pages';

const input = z.object({ account: z.string().regex(/^(?!\.{1,2}$)[A-Za-z0-9_.-]{1,64}$/) });

/**
 * Sandbox mode only: the home page's "Bank wants authentication" button. Asks the Fenerum
 * emulator to charge the account's saved Stripe card off-session with the bank wanting
 * authentication; Fenerum then sends payment.authentication_required to this app. Back to the
 * home page, which says what happened.
 */
export function POST(req: Request) {
  return answer(async () => {
    const ctx = await appContext();
    if (!ctx.env.sandbox.fenerum || !ctx.env.sandbox.stripe) return refused('disabled');
    if (!isSameOrigin(req, ctx.env.appUrl)) return notFromOurPage();
    const form = await req.formData().catch(() => null);
    const parsed = input.safeParse({ account: form?.get('account') });
    if (!parsed.success) return refused('invalid-input', 'account must be a demo account code');
    const code = parsed.data.account;
    const control = `${new URL(ctx.env.fenerum.apiUrl).origin}/__sandbox/accounts/${encodeURIComponent(code)}/charge`;
    const res = await fetch(control, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' }).catch(() => null);
    const outcome = res?.ok ? 'charged' : res?.status === 409 ? 'no-card' : 'failed';
    return seeOther(`/?charge=${outcome}&account=${encodeURIComponent(code)}`);
  });
}
