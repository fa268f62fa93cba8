import { describe, expect, it } from 'vitest';
import { refused } from '@/lib/domain/outcomes';
import { registrationReply } from './registration-reply';

const card = { brand: 'Visa', last4: '4242', expMonth: 12, expYear: 2030 };
const status = async (reply: ReturnType<typeof registrationReply>) => (reply instanceof Response ? { status: reply.status, body: await reply.json() } : reply);

describe('registrationReply: the one "Stripe setup came back" result as the route answers it', () => {
  it('saved is 200, finishing 202, each with the card', async () => {
    expect(await status(registrationReply({ kind: 'saved', card }))).toEqual({ status: 200, body: { status: 'registered', card } });
    expect(await status(registrationReply({ kind: 'finishing', card: null }))).toEqual({ status: 202, body: { status: 'pending', card: null } });
  });

  it('not confirmed yet, failed or unknown: the refusal that says why', () => {
    const notConfirmed = refused('not-confirmed', 'cardNotConfirmed', { status: 'processing' });
    expect(registrationReply({ kind: 'finishing', card: null, refusal: notConfirmed })).toBe(notConfirmed);
    expect(registrationReply({ kind: 'failed', refusal: refused('card-refused') })).toEqual(refused('card-refused'));
    const other = refused('other-account', 'setupOtherAccount');
    expect(registrationReply({ kind: 'unknown', refusal: other })).toBe(other);
  });
});
