import { actionFormBody } from './action-reply';
import { describeStaffSurface, everyAction } from './staff-surface';

/**
 * Hostile calls of every staff Server Action (issue 22): every field the console's forms have,
 * filled with a NUL, an unpaired surrogate or an out-of-range number, and the action posted from
 * another site. Each must answer without a 5xx and write nothing: a refusal in the reply, or a 403
 * at the front door for the foreign Origin.
 */
const FIELDS = [
  'accountCode',
  'cardUuid',
  'reason',
  'expiresIn',
  'linkId',
  'registrationId',
  'userId',
  'email',
  'name',
  'role',
  'key',
  'paymentId',
  'mode',
  'amount',
  'shownRemaining',
  'note',
  'code',
  'password',
  'kind',
  'recipient',
  'sendId',
  'confirm',
  'card',
  'campaign',
  'days',
  'what',
];

export type ActionProbe = { name: string; postTo: string; headers: Record<string, string>; body: FormData | string; expect: 'refused' | 403 };

const filled = (value: string) => {
  const form = new FormData();
  for (const f of FIELDS) form.append(f, value);
  return form;
};

export async function staffActionProbes(appUrl: string): Promise<ActionProbe[]> {
  const probes: ActionProbe[] = [];
  const own = (id: string) => ({ 'next-action': id, origin: appUrl, accept: 'text/x-component' });
  for (const a of describeStaffSurface().actions) {
    const label = `${a.source}#${a.name}`;
    const post = async (what: string, body: FormData | string, headers: Record<string, string> = {}) =>
      probes.push({ name: `${what} → ${label}`, postTo: a.postTo, headers: { ...own(a.id), ...headers }, body, expect: 'refused' });
    await post('a NUL in every field', await actionFormBody(filled('x\u0000y')));
    // In a multipart form a lone surrogate becomes U+FFFD on the way (FormData holds USVStrings); as JSON it arrives as sent.
    await post('an unpaired surrogate in every field', await actionFormBody(filled('a\ud800')));
    await post('an unpaired surrogate, the arguments sent as JSON', JSON.stringify([null, Object.fromEntries(FIELDS.map((f) => [f, '\ud800']))]), {
      'content-type': 'text/plain;charset=UTF-8',
    });
    for (const n of ['99999999999999999999', '1e309', '-2147483649']) await post(`${n} in every field`, await actionFormBody(filled(n)));
  }
  for (const a of everyAction()) {
    for (const origin of ['https://evil.example', 'null']) {
      probes.push({ name: `Origin ${origin} → ${a.label}`, postTo: a.postTo, headers: { ...own(a.id), origin }, body: await actionFormBody(), expect: 403 });
    }
  }
  return probes;
}
