import { sendHtml } from '../http';
import { type Router } from '../router';
import { escapeHtml } from '../../lib/text/html';
import { page } from './html';
import type { StripeState } from './state';

/** `GET /mandates/:id`: the mandate's `payment_method_details.sepa_debit.url`, as Stripe hosts it. */
export function registerMandatePage(router: Router, state: StripeState): void {
  router.get('/mandates/:id', (ctx) => {
    const m = state.mandates.get(ctx.params.id ?? '');
    if (!m) return sendHtml(ctx.res, 404, page('Mandate', '<h1>No such mandate.</h1>'));
    const pm = typeof m.payment_method === 'string' ? state.paymentMethods.get(m.payment_method)?.pm : undefined;
    const accepted = m.customer_acceptance.accepted_at ? new Date(m.customer_acceptance.accepted_at * 1000).toISOString() : '';
    const rows: Array<[string, string]> = [
      ['Reference', m.payment_method_details.sepa_debit?.reference ?? ''],
      ['Status', m.status],
      ['Account holder', pm?.billing_details.name ?? ''],
      ['IBAN', pm?.sepa_debit ? `${pm.sepa_debit.country} •••• ${pm.sepa_debit.last4}` : ''],
      ['Accepted', accepted],
    ];
    sendHtml(
      ctx.res,
      200,
      page(
        'SEPA Direct Debit mandate',
        `<span class="badge">Test mode</span><h1>SEPA Direct Debit mandate</h1>
<dl>${rows.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl>`,
      ),
    );
  });
}
