import { issueCustomerLink } from '@/lib/auth/links';
import { isRefused } from '@/lib/domain/outcomes';
import { clientIp } from '@/lib/server/read-json';
import { seeOther } from '@/lib/server/reply';
import { demoFormRoute } from '../demo-form-route';

/**
 * Sandbox mode only: the home page's "Open portal" button. Issues a short link for a demo
 * account and sends the browser to it, exactly as a customer following an emailed link. Only a
 * post from our own home page counts: another site's form gets a page that says nothing was opened.
 */
export const POST = demoFormRoute({ isOn: (sandbox) => sandbox.fenerum, invalidAccount: 'demoAccount' }, async (ctx, account, req) => {
  const link = await issueCustomerLink(ctx, { accountCode: account, expiresIn: '1h', issuedBy: 'sandbox-home', ip: clientIp(req) });
  if (isRefused(link)) return link;
  return seeOther(new URL(link.url).pathname, { 'Referrer-Policy': 'no-referrer' });
});
