import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { log } from '@/lib/log';
import { serve, type RunningServer } from '../../sandbox/http';
import { DEMO_ACCOUNT_UUIDS } from '../../sandbox/fenerum/demo-data';
import { createFenerumEmulator, type FenerumEmulator } from '../../sandbox/fenerum/emulator';
import { addAccount } from '../../sandbox/fenerum/new-account';
import { json, scriptedFetch } from '@/test/support/provider-http-fakes';
import { createFenerumClient } from './client';

const TOKEN = 'recipients-test-token';
const NORDLYS = { code: 'CUST001', uuid: DEMO_ACCOUNT_UUIDS.CUST001 };

let emulator: FenerumEmulator;
let server: RunningServer;
beforeAll(async () => {
  emulator = createFenerumEmulator({ token: TOKEN, lookupCard: () => null });
  server = await serve(emulator, 0);
});
afterAll(() => server.close());
beforeEach(() => emulator.reset());
afterEach(() => vi.restoreAllMocks());

const client = () =>
  createFenerumClient({ apiUrl: `${server.url}/api/v1`, token: TOKEN, clientSystem: 'RecipientTest', ratePerMinute: 1000, sleep: async () => {} });
const requests = () => emulator.state.stats.total;

describe('listRecipients (where the account’s email addresses are)', () => {
  it('asks by account code, and answers the account’s recipients with their flags', async () => {
    const found = await client().listRecipients(NORDLYS);
    expect(found.map((r) => [r.email, r.receivePaymentConfirmation, r.receiveInvoice, r.receiveSubscriptionNotifications])).toEqual([
      ['faktura@nordlys.dk', true, true, false],
      ['ida@nordlys.dk', false, false, true],
    ]);
    expect(requests()).toBe(1);
  });

  it('under the uuid reading of the filter: the code is refused (400), the uuid is asked, and the client keeps asking by uuid', async () => {
    emulator.state.settings.recipientListAccountFilter = 'uuid';
    const c = client();
    expect((await c.listRecipients(NORDLYS)).map((r) => r.email)).toEqual(['faktura@nordlys.dk', 'ida@nordlys.dk']);
    expect(emulator.state.stats.byStatus).toEqual({ '400': 1, '200': 1 });
    expect((await c.listRecipients({ code: 'CUST002', uuid: DEMO_ACCOUNT_UUIDS.CUST002 })).map((r) => r.email)).toEqual(['regnskab@havblik.dk']);
    expect(emulator.state.stats.byStatus).toEqual({ '400': 1, '200': 2 });
  });

  it('when Fenerum ignores the filter, no other account’s recipient comes back, and the drop is logged without addresses', async () => {
    emulator.state.settings.recipientListAccountFilter = 'ignore';
    const warn = vi.spyOn(log, 'warn').mockImplementation(() => {});
    const found = await client().listRecipients(NORDLYS);
    expect(found.map((r) => r.email)).toEqual(['faktura@nordlys.dk', 'ida@nordlys.dk']);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(JSON.stringify(warn.mock.calls)).not.toContain('@');
  });

  it('reads every page (pages of 100)', async () => {
    const { account } = addAccount(emulator.state, { recipients: Array.from({ length: 130 }, (_, i) => ({ email: `r${i}@many.test` })) }, new Date());
    const found = await client().listRecipients(account);
    expect(found).toHaveLength(130);
    expect(new Set(found.map((r) => r.email)).size).toBe(130);
    expect(requests()).toBe(2);
  });

  it('keeps a recipient that names its account by code, and drops one of another account', async () => {
    const wire = (account: string, email: string) => ({ uuid: email, account, name: null, email, receive_invoice: true, receive_payment_confirmation: true });
    const { fetch } = scriptedFetch([
      json(200, {
        count: 3,
        next: null,
        previous: null,
        results: [wire('CUST001', 'a@x.dk'), wire(NORDLYS.uuid.toUpperCase(), 'b@x.dk'), wire('CUST002', 'c@x.dk')],
      }),
    ]);
    vi.spyOn(log, 'warn').mockImplementation(() => {});
    const c = createFenerumClient({ apiUrl: 'https://fenerum.test/api/v1', token: 't', clientSystem: 'T', ratePerMinute: 60, fetch, sleep: async () => {} });
    expect((await c.listRecipients(NORDLYS)).map((r) => r.email)).toEqual(['a@x.dk', 'b@x.dk']);
  });

  it('lists every recipient of the organisation for search', async () => {
    expect((await client().listAllRecipients()).map((r) => r.email)).toContain('kreditor@storkunde.dk');
  });
});
