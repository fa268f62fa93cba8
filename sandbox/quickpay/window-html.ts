import { escapeHtml } from '../../lib/text/html';
import type { CardProblem } from './card-input';
import { TEST_CARDS, groupDigits } from './test-cards';
import type { QpSubscription } from './types';

/**
 * The hosted payment window's pages: plain HTML and CSS, no script, usable on a phone. In the
 * link's `language` as QuickPay's window is (Danish or English here; QuickPay's default is
 * English): QuickPay's own words, and the merchant's `description` as sent.
 */

const WORDS = {
  en: {
    cardDetails: 'Card details',
    order: 'Order',
    saveYourCard: 'Save your card',
    cardNumber: 'Card number',
    expiry: 'Expiry (MM/YY)',
    cvc: 'CVC',
    saveCard: 'Save card',
    pay: 'Pay',
    cancel: 'Cancel and go back',
    testMode: 'Test mode',
    testModeNote: 'no real card is charged. Use any future expiry date and any 3-digit CVC with:',
    challengeTitle: '3-D Secure authentication',
    challengeLead: (last4: string, merchant: string) =>
      `Your bank asks you to confirm that you are saving the card ending in <strong>${last4}</strong> for ${merchant}.`,
    thisMerchant: 'this merchant',
    challengeTest: "Test mode: choose the bank's answer.",
    approve: 'Approve authentication',
    fail: 'Fail authentication',
    saved: 'Card saved',
    savedLead: (last4: string) => `The card ending in ${last4} is saved.`,
    continue: 'Continue',
    problems: {
      number: 'The card number is not valid.',
      notTestCard: 'Test mode: only the test cards listed below can be used.',
      expiryFormat: 'Enter the expiry date as MM/YY.',
      expired: 'The expiry date is in the past.',
      cvc: 'Enter the 3-digit CVC from the back of the card.',
      declined: 'The card was declined. Try again or use another card.',
      authFailed: 'The 3-D Secure check failed, so the card was not saved. Try again or use another card.',
    },
  },
  da: {
    cardDetails: 'Kortoplysninger',
    order: 'Ordre',
    saveYourCard: 'Gem dit kort',
    cardNumber: 'Kortnummer',
    expiry: 'Udløbsdato (MM/ÅÅ)',
    cvc: 'Kontrolcifre',
    saveCard: 'Gem kort',
    pay: 'Betal',
    cancel: 'Annuller og gå tilbage',
    testMode: 'Testtilstand',
    testModeNote: 'der trækkes ikke på noget rigtigt kort. Brug en vilkårlig fremtidig udløbsdato og tre vilkårlige kontrolcifre med:',
    challengeTitle: '3-D Secure-godkendelse',
    challengeLead: (last4: string, merchant: string) =>
      `Din bank beder dig bekræfte, at du gemmer kortet, der ender på <strong>${last4}</strong>, til ${merchant}.`,
    thisMerchant: 'denne forretning',
    challengeTest: 'Testtilstand: vælg bankens svar.',
    approve: 'Godkend',
    fail: 'Afvis godkendelsen',
    saved: 'Kortet er gemt',
    savedLead: (last4: string) => `Kortet, der ender på ${last4}, er gemt.`,
    continue: 'Fortsæt',
    problems: {
      number: 'Kortnummeret er ikke gyldigt.',
      notTestCard: 'Testtilstand: kun testkortene nedenfor kan bruges.',
      expiryFormat: 'Skriv udløbsdatoen som MM/ÅÅ.',
      expired: 'Udløbsdatoen er overskredet.',
      cvc: 'Skriv de tre kontrolcifre fra kortets bagside.',
      declined: 'Kortet blev afvist. Prøv igen, eller brug et andet kort.',
      authFailed: '3-D Secure-godkendelsen mislykkedes, så kortet blev ikke gemt. Prøv igen, eller brug et andet kort.',
    },
  },
};
/** A problem with the typed card, or the acquirer's refusal (its own status text is not shown to the customer). */
export type WindowProblem = CardProblem | 'declined' | 'authFailed';
type Words = (typeof WORDS)['en'];
/** The window's language: the link's, Danish or English (anything else is shown in English). */
const langOf = (sub: QpSubscription): 'da' | 'en' => (sub.link?.language === 'da' ? 'da' : 'en');
const wordsOf = (sub: QpSubscription): Words => WORDS[langOf(sub)];

const STYLE = `
*{box-sizing:border-box}body{margin:0;font:16px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;background:#f3f5f8;color:#1d2330}
main{max-width:26rem;margin:0 auto;padding:1.25rem}
.card{background:#fff;border-radius:12px;padding:1.25rem;box-shadow:0 1px 3px rgba(0,0,0,.12)}
h1{font-size:1.2rem;margin:0 0 .25rem}p{margin:.25rem 0 .75rem}.muted{color:#5b6475;font-size:.9rem}
label{display:block;font-weight:600;margin:.8rem 0 .3rem}
input{width:100%;font-size:1.1rem;padding:.7rem;border:1px solid #b8c0cc;border-radius:8px}
input:focus{outline:3px solid #9cc3ff;border-color:#2563eb}.row{display:flex;gap:.75rem}.row>div{flex:1}
button{width:100%;margin-top:1.1rem;padding:.85rem;font-size:1.1rem;font-weight:600;border:0;border-radius:8px;background:#2563eb;color:#fff;cursor:pointer}
button.secondary{background:#e5e7eb;color:#1d2330}.cancel{display:block;text-align:center;margin-top:1rem;color:#374151}
.error{background:#fdecec;color:#8a1c1c;border:1px solid #f5b5b5;border-radius:8px;padding:.6rem .75rem;margin:.75rem 0}
.ok{background:#e8f6ec;color:#14532d;border-radius:8px;padding:.6rem .75rem}
.test{margin-top:1rem;background:#fff8e1;border:1px solid #f2d27a;border-radius:8px;padding:.75rem;font-size:.9rem}
.test ul{margin:.3rem 0 0;padding-left:1.1rem}code{font-size:.95em}`;

function page(title: string, body: string, lang: 'da' | 'en' = 'en'): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)} · QuickPay (sandbox)</title><style>${STYLE}</style></head>
<body><main>${body}</main></body></html>`;
}

const testModeNote = (w: Words) => `<section class="test" aria-label="${w.testMode}">
<strong>${w.testMode}</strong>: ${w.testModeNote}
<ul>${TEST_CARDS.map((c) => `<li><code>${groupDigits(c.number)}</code> ${escapeHtml(c.label)}</li>`).join('')}</ul></section>`;

const header = (sub: QpSubscription, w: Words) =>
  `<h1>${escapeHtml(sub.description || w.saveYourCard)}</h1><p class="muted">${w.order} ${escapeHtml(sub.order_id)}</p>`;

const submitLabel = (sub: QpSubscription, w: Words): string => {
  const amount = sub.link?.amount ?? 0;
  return amount > 0 ? `${w.pay} ${(amount / 100).toFixed(2)} ${sub.currency}` : w.saveCard;
};

export type FormValues = { cardNumber?: string; expiry?: string };

export function cardForm(token: string, sub: QpSubscription, problem: WindowProblem | null, values: FormValues = {}): string {
  const w = wordsOf(sub);
  const err = problem ? `<div class="error" role="alert">${escapeHtml(w.problems[problem])}</div>` : '';
  return page(
    w.cardDetails,
    `<div class="card">${header(sub, w)}${err}
<form method="post" action="/window/${token}" novalidate>
<label for="card_number">${w.cardNumber}</label>
<input id="card_number" name="card_number" inputmode="numeric" autocomplete="cc-number" placeholder="1234 5678 9012 3456" value="${escapeHtml(values.cardNumber ?? '')}" required>
<div class="row"><div><label for="expiry">${w.expiry}</label>
<input id="expiry" name="expiry" inputmode="numeric" autocomplete="cc-exp" placeholder="MM/YY" value="${escapeHtml(values.expiry ?? '')}" required></div>
<div><label for="cvc">${w.cvc}</label><input id="cvc" name="cvc" inputmode="numeric" autocomplete="cc-csc" placeholder="123" maxlength="4" required></div></div>
<button type="submit">${escapeHtml(submitLabel(sub, w))}</button>
</form><a class="cancel" href="/window/${token}/cancel">${w.cancel}</a></div>${testModeNote(w)}`,
    langOf(sub),
  );
}

export function challengePage(token: string, challengeId: string, sub: QpSubscription, last4: string): string {
  const action = `/window/${token}/challenge/${challengeId}`;
  const w = wordsOf(sub);
  return page(
    '3-D Secure',
    `<div class="card"><h1>${w.challengeTitle}</h1>
<p>${w.challengeLead(escapeHtml(last4), w.thisMerchant)}</p>
<p class="muted">${w.challengeTest}</p>
<form method="post" action="${action}"><input type="hidden" name="outcome" value="approve"><button type="submit">${w.approve}</button></form>
<form method="post" action="${action}"><input type="hidden" name="outcome" value="fail"><button type="submit" class="secondary">${w.fail}</button></form>
</div>`,
    langOf(sub),
  );
}

export function donePage(sub: QpSubscription): string {
  const cont = sub.link?.continue_url;
  const w = wordsOf(sub);
  const link = cont ? `<p><a href="${escapeHtml(cont)}">${w.continue}</a></p>` : '';
  return page(w.saved, `<div class="card"><h1>${w.saved}</h1><p class="ok">${w.savedLead(escapeHtml(sub.metadata.last4 ?? ''))}</p>${link}</div>`, langOf(sub));
}

export function messagePage(title: string, text: string, status = ''): string {
  return page(title, `<div class="card"><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p>${status}</div>`);
}
