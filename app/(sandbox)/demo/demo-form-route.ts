import { z } from 'zod';
import { refused } from '@/lib/domain/outcomes';
import type { Env } from '@/lib/env/schema';
import { appContext, type AppContext } from '@/lib/server/context';
import { answer, type Reply } from '@/lib/server/reply';
import { isSameOrigin } from '@/lib/server/request-origin';
import { notFromOurPage } from '@/app/pay/open/refusal-pages';

const input = z.object({ account: z.string().regex(/^(?!\.{1,2}$)[A-Za-z0-9_.-]{1,64}$/) });

type DemoForm = {
  /** Whether the sandbox this button drives is on (off: the route is refused as disabled). */
  isOn: (sandbox: Env['sandbox']) => boolean;
  /** The refusal's words (a catalogue key) for an account field that is not an account code. */
  invalidAccount: 'demoAccount' | 'accountCodeExample';
};

/**
 * Sandbox mode only: a home-page button's POST route (a form with one account code). Refused
 * when its sandbox is off; another site's form gets the page that says nothing was done; then
 * the handler runs with the account code it was given.
 */
export function demoFormRoute(form: DemoForm, run: (ctx: AppContext, account: string, req: Request) => Promise<Reply>) {
  return (req: Request) =>
    answer(async () => {
      const ctx = await appContext();
      if (!form.isOn(ctx.env.sandbox)) return refused('disabled');
      if (!isSameOrigin(req, ctx.env.appUrl)) return notFromOurPage();
      const body = await req.formData().catch(() => null);
      const parsed = input.safeParse({ account: body?.get('account') });
      if (!parsed.success) return refused('invalid-input', form.invalidAccount);
      return run(ctx, parsed.data.account, req);
    });
}
