import { describe, expect, it } from 'vitest';
import { FenerumError, parseErrorBody } from './errors';

describe('parseErrorBody', () => {
  it('reads {"detail": ...}', () => {
    expect(parseErrorBody({ detail: 'Not found.' })).toEqual({ detail: 'Not found.', fieldErrors: {} });
  });

  it('reads per-field errors, a lone string as a list, nested serializers with a prefix', () => {
    expect(
      parseErrorBody({
        account: ['Object with uuid=x does not exist.'],
        gateway: '"x" is not a valid choice.',
        non_field_errors: ['Bad.'],
        address: { city: ['This field is required.'] },
      }),
    ).toEqual({
      detail: null,
      fieldErrors: {
        account: ['Object with uuid=x does not exist.'],
        gateway: ['"x" is not a valid choice.'],
        non_field_errors: ['Bad.'],
        address: ['city: This field is required.'],
      },
    });
  });

  it('yields nothing from a body that is not JSON (an HTML 500 page)', () => {
    expect(parseErrorBody(undefined)).toEqual({ detail: null, fieldErrors: {} });
    expect(parseErrorBody('<html>')).toEqual({ detail: null, fieldErrors: {} });
  });

  it('joins a bare list into the detail', () => {
    expect(parseErrorBody(['One.', 'Two.']).detail).toBe('One. Two.');
  });
});

describe('FenerumError', () => {
  it('carries status, detail and field errors, and says them in its message', () => {
    const err = new FenerumError({ kind: 'http', status: 400, fieldErrors: { token: ['Bad token.'] }, operation: 'POST /paymentcards/' });
    expect(err).toBeInstanceOf(Error);
    expect(err.status).toBe(400);
    expect(err.fieldErrors).toEqual({ token: ['Bad token.'] });
    expect(err.message).toBe('Fenerum answered 400 (POST /paymentcards/): token: Bad token.');
  });

  it('keeps its message short and free of what it was not given (no token, no body)', () => {
    const err = new FenerumError({ kind: 'http', status: 500, detail: 'x'.repeat(5_000) });
    expect(err.message.length).toBeLessThan(400);
    expect(new FenerumError({ kind: 'network', status: 0 }).message).toBe('Fenerum could not be reached');
  });

  it('tells transient failures from refusals', () => {
    expect(new FenerumError({ kind: 'http', status: 503 }).isTransient).toBe(true);
    expect(new FenerumError({ kind: 'http', status: 429 }).isTransient).toBe(true);
    expect(new FenerumError({ kind: 'timeout', status: 0 }).isTransient).toBe(true);
    expect(new FenerumError({ kind: 'http', status: 400 }).isTransient).toBe(false);
    expect(new FenerumError({ kind: 'http', status: 404 }).isNotFound).toBe(true);
  });

  it('tells a call never sent (over budget, left the queue) from one aborted in flight', () => {
    const over = new FenerumError({ kind: 'over_budget', status: 0, retryAfterSeconds: 30, priority: 'bulk' });
    expect([over.isTransient, over.mayHaveActed, over.retryAfterSeconds, over.priority]).toEqual([true, false, 30, 'bulk']);
    expect(new FenerumError({ kind: 'aborted', status: 0, sent: false }).mayHaveActed).toBe(false);
    expect(new FenerumError({ kind: 'aborted', status: 0, sent: true }).mayHaveActed).toBe(true);
  });
});
