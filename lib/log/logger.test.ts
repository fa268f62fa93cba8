import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { sandboxSecrets } from '@/lib/env/sandbox-defaults';
import { createLogger } from './logger';
import { requestIdFrom, withRequestContext } from './request-context';
import { scrubText } from './scrub';

/** A logger writing into an array of parsed lines. */
function captured(level: 'info' | 'debug' | 'warn' = 'debug') {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  const logger = createLogger({ level, destination });
  return { logger, lines, parsed: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('the logger: JSON lines', () => {
  it('writes one JSON object a line with the level by name, the time and the message', () => {
    const { logger, parsed } = captured();
    logger.info({ account: 'CUST001' }, 'card registered');
    expect(parsed()[0]).toMatchObject({ level: 'info', msg: 'card registered', account: 'CUST001', time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
  });

  it('leaves out lines below its level', () => {
    const { logger, lines } = captured('warn');
    logger.info('not written');
    logger.warn('written');
    expect(lines).toHaveLength(1);
  });

  it("carries the request's id on every line written while the request runs, awaited work included, and none outside", async () => {
    const { logger, parsed } = captured();
    await withRequestContext({ requestId: 'req-1' }, async () => {
      logger.info('first');
      await new Promise((r) => setTimeout(r, 1));
      logger.warn('after a wait');
    });
    logger.info('outside');
    expect(parsed().map((l) => l.requestId)).toEqual(['req-1', 'req-1', undefined]);
  });
});

describe('the logger: what it never writes', () => {
  it('redacts secrets by key: at the top, nested, in snake case, in headers', () => {
    const { logger, lines } = captured();
    logger.info(
      {
        password: 'hunter2-hunter2',
        token: sandboxSecrets.FENERUM_API_TOKEN,
        req: { headers: { authorization: `Bearer ${sandboxSecrets.PORTAL_API_KEY}`, cookie: 'cp_session=abc.def' } },
        setupIntent: { id: 'seti_1', client_secret: 'seti_1_secret_xyz' },
        staff: { totpCode: '123456', email: 'ops@nordlys.dk' },
        deep: { a: { b: { c: { apiKey: sandboxSecrets.QUICKPAY_API_KEY } } } },
      },
      'sign-in',
    );
    const line = lines[0] ?? '';
    for (const secret of [
      'hunter2',
      sandboxSecrets.FENERUM_API_TOKEN,
      sandboxSecrets.PORTAL_API_KEY,
      'abc.def',
      'seti_1_secret_xyz',
      '123456',
      sandboxSecrets.QUICKPAY_API_KEY,
    ]) {
      expect(line).not.toContain(secret);
    }
    expect(JSON.parse(line)).toMatchObject({ password: '[redacted]', setupIntent: { id: 'seti_1', client_secret: '[redacted]' } });
  });

  it("masks an email's local part and replaces card numbers, in fields, messages and errors", () => {
    const { logger, lines } = captured();
    logger.warn({ to: 'kirsten.holm@nordlys.dk', note: 'card 4242 4242 4242 4242 and 4000-0025-0000-3155' }, 'mail to kirsten.holm@nordlys.dk failed');
    logger.error(new Error('Fenerum refused 5555555555554444 for anna@example.com'));
    logger.error({ err: new Error('declined 4000000000009995') }, 'card failed');
    const text = lines.join('\n');
    for (const leak of ['kirsten.holm', 'anna@', '4242 4242', '4000-0025', '5555555555554444', '4000000000009995']) expect(text).not.toContain(leak);
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({ to: 'k***@nordlys.dk', msg: 'mail to k***@nordlys.dk failed' });
    expect(JSON.parse(lines[1] ?? '')).toMatchObject({
      msg: 'Fenerum refused [card] for a***@example.com',
      err: { message: 'Fenerum refused [card] for a***@example.com' },
    });
  });

  it("leaves out the database connection a driver's error carries (pg's `client`: the user, host and database)", () => {
    const { logger, parsed } = captured();
    const err = Object.assign(new Error('terminating connection due to administrator command'), {
      code: '57P01',
      client: { connectionParameters: { user: 'portal', host: 'db.internal', database: 'cards' } },
    });
    logger.warn({ err }, 'postgres: an idle connection of a pool ended');
    expect(parsed()[0]?.err).toEqual({
      type: 'Error',
      message: 'terminating connection due to administrator command',
      stack: expect.any(String),
      code: '57P01',
    });
  });

  it('writes an object met twice side by side twice, and a cycle once', () => {
    const { logger, parsed } = captured();
    const headers = { 'retry-after': '1' };
    const looped: Record<string, unknown> = { name: 'loop' };
    looped.self = looped;
    logger.warn({ raw: { headers }, headers, looped }, 'twice');
    expect(parsed()[0]).toMatchObject({ raw: { headers }, headers, looped: { name: 'loop', self: '[circular]' } });
  });

  it('keeps what is not a secret: ids, amounts, dates, short numbers', () => {
    expect(scrubText('payment 12345 of 499.00 DKK on 2026-01-02, card ending 4242, order 20260102123')).toBe(
      'payment 12345 of 499.00 DKK on 2026-01-02, card ending 4242, order 20260102123',
    );
    // A UUID whose last groups are all digits is an id, not a card.
    expect(scrubText('request 4424a85b-b411-4af8-1234-123456789012 and 00000000-0000-0000-0000-000000000000')).toBe(
      'request 4424a85b-b411-4af8-1234-123456789012 and 00000000-0000-0000-0000-000000000000',
    );
    expect(scrubText('pan=4242424242424242, (5555 5555 5555 4444)')).toBe('pan=[card], ([card])');
  });

  it("replaces a customer link's token in an address, not the portal's own /pay pages", () => {
    expect(scrubText('GET http://localhost:3000/pay/eyJsaWQiOiJ4In0.c2lnbmF0dXJlLXNpZ25hdHVyZQ?x=1')).toBe('GET http://localhost:3000/pay/[token]?x=1');
    expect(scrubText('/pay/open and /pay/approve/pi_123 and /pay/quickpay/return')).toBe('/pay/open and /pay/approve/pi_123 and /pay/quickpay/return');
  });
});

describe('requestIdFrom', () => {
  it("keeps a caller's sane X-Request-Id and replaces anything else with a new UUID", () => {
    expect(requestIdFrom('lb-7f3a:42')).toBe('lb-7f3a:42');
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-/;
    for (const bad of [undefined, '', 'a b', 'x'.repeat(129), 'id\n{"level":"fatal"}', '"quoted"']) expect(requestIdFrom(bad)).toMatch(uuid);
    expect(requestIdFrom(['first', 'second'])).toBe('first');
  });
});
