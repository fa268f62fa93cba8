import { describe, expect, it } from 'vitest';
import { disableCardInput, issueLinkInput, retryRegistrationInput, revokeLinkInput, selfServiceInput } from './action-inputs';

const uuid = 'c4a9d2e1-7b3f-4c6d-8e5a-000000000001';

describe('what the account pages’ Server Actions take', () => {
  it('takes the forms the pages render', () => {
    expect(disableCardInput.parse({ accountCode: ' CUST001 ', cardUuid: uuid, reason: 'stolen' })).toEqual({
      accountCode: 'CUST001',
      cardUuid: uuid,
      reason: 'stolen',
    });
    expect(disableCardInput.safeParse({ accountCode: 'CUST001', cardUuid: uuid }).success).toBe(true);
    expect(issueLinkInput.parse({ accountCode: 'CUST001', expiresIn: '24h' })).toEqual({ accountCode: 'CUST001', expiresIn: '24h' });
    expect(revokeLinkInput.safeParse({ accountCode: 'CUST001', linkId: 'abc' }).success).toBe(true);
    expect(selfServiceInput.parse({ accountCode: 'CUST001', email: ' faktura@nordlys.dk ' })).toEqual({ accountCode: 'CUST001', email: 'faktura@nordlys.dk' });
    expect(retryRegistrationInput.safeParse({ accountCode: 'CUST001', registrationId: 'r1' }).success).toBe(true);
  });
  it('refuses missing fields, wrong types, blank values and oversized ones', () => {
    const bad: Array<[{ safeParse: (v: unknown) => { success: boolean } }, unknown]> = [
      [disableCardInput, {}],
      [disableCardInput, { accountCode: 'CUST001' }],
      [disableCardInput, { accountCode: '   ', cardUuid: uuid }],
      [disableCardInput, { accountCode: 'CUST001', cardUuid: 42 }],
      [disableCardInput, { accountCode: 'CUST001', cardUuid: uuid, reason: 'x'.repeat(501) }],
      [disableCardInput, { accountCode: 'x'.repeat(101), cardUuid: uuid }],
      [disableCardInput, { accountCode: 'CUST001', cardUuid: 'x'.repeat(65) }],
      [issueLinkInput, { accountCode: 'CUST001', expiresIn: '999d' }],
      [issueLinkInput, { accountCode: 'CUST001' }],
      [revokeLinkInput, { accountCode: 'CUST001', linkId: '' }],
      [revokeLinkInput, { accountCode: 'CUST001', linkId: 'x'.repeat(101) }],
      [selfServiceInput, { accountCode: ['CUST001'] }],
      [selfServiceInput, { accountCode: 'CUST001' }],
      [selfServiceInput, { accountCode: 'CUST001', email: '' }],
      [selfServiceInput, { accountCode: 'CUST001', email: `${'x'.repeat(250)}@a.dk` }],
      [retryRegistrationInput, { accountCode: 'CUST001' }],
      [retryRegistrationInput, null],
    ];
    for (const [schema, input] of bad) expect(schema.safeParse(input).success, JSON.stringify(input)?.slice(0, 80)).toBe(false);
  });
});
