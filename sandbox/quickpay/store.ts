import { createHash, randomBytes } from 'node:crypto';
import { API_VERSION, TEST_ACQUIRER } from './config';
import type { CreateInput, LinkInput } from './params';
import { THREE_D_SECURE_REQUIRED, outcomeFor, type OperationOutcome, type TestCard } from './test-cards';
import { emptyMetadata, type QpOperation, type QpSubscription } from './types';

/** The card a customer entered (the window) or a test named (the control endpoint). */
export type EnteredCard = { card: TestCard; expMonth: number; expYear: number };

/** A 3-D Secure challenge waiting for the customer's answer. */
type Challenge = { id: string; subscriptionId: number; entered: EnteredCard };

export type QuickpayState = {
  subscriptions: Map<number, QpSubscription>;
  /** Window token → subscription id. */
  windows: Map<string, number>;
  challenges: Map<string, Challenge>;
  nextId: number;
};

/**
 * Ids continue from the clock (milliseconds since 2024; QuickPay's own are shorter), so a
 * restarted sandbox does not hand out an id that an app's database, which outlives the sandbox,
 * already holds for another subscription, unless it made more than one per millisecond for a
 * sustained run. (Tenths of a second ran 90 s ahead after a 1,000-subscription burst, and the
 * next run's ids collided with it.)
 */
const ID_EPOCH_MS = Date.UTC(2024, 0, 1);
export const freshState = (now: Date): QuickpayState => ({
  subscriptions: new Map(),
  windows: new Map(),
  challenges: new Map(),
  nextId: now.getTime() - ID_EPOCH_MS,
});

export function createSubscription(state: QuickpayState, input: CreateInput, merchantId: number, now: Date): QpSubscription {
  const at = now.toISOString();
  const sub: QpSubscription = {
    id: state.nextId++,
    merchant_id: merchantId,
    order_id: input.order_id,
    accepted: false,
    type: 'Subscription',
    text_on_statement: input.text_on_statement,
    branding_id: null,
    variables: input.variables,
    currency: input.currency,
    state: 'initial',
    metadata: emptyMetadata(),
    link: null,
    shipping_address: null,
    invoice_address: null,
    basket: [],
    operations: [],
    test_mode: true,
    acquirer: null,
    facilitator: null,
    created_at: at,
    updated_at: at,
    retented_at: null,
    description: input.description,
    group_ids: [],
    deadline_at: null,
  };
  state.subscriptions.set(sub.id, sub);
  return sub;
}

/** Creates or replaces the link; the window URL stays the same for the subscription. */
export function setLink(state: QuickpayState, sub: QpSubscription, input: LinkInput, publicUrl: string, merchantId: number, now: Date): string {
  const existing = [...state.windows].find(([, id]) => id === sub.id)?.[0];
  const token = existing ?? randomBytes(24).toString('hex');
  state.windows.set(token, sub.id);
  const url = `${publicUrl.replace(/\/$/, '')}/window/${token}`;
  sub.link = { url, agreement_id: merchantId, ...input, branding_id: null, version: API_VERSION };
  sub.updated_at = now.toISOString();
  return url;
}

/** An operation in the subscription's history. */
function addOperation(sub: QpSubscription, outcome: OperationOutcome, threeDSecureStatus: string | null, at: string): QpOperation {
  const op: QpOperation = {
    id: sub.operations.length + 1,
    type: 'authorize',
    amount: sub.link?.amount ?? 0,
    pending: false,
    ...outcome,
    data: {},
    callback_url: sub.link?.callback_url ?? null,
    acquirer: TEST_ACQUIRER,
    '3d_secure_status': threeDSecureStatus,
    created_at: at,
  };
  sub.operations.push(op);
  return op;
}

/**
 * The card needs 3-D Secure: a 30100 operation goes into the history before the challenge's
 * outcome (20000 or a rejection). No callback for it: whether QuickPay sends one for this
 * intermediate step is unconfirmed, and the subscription is not yet accepted or declined.
 */
export function requireThreeDSecure(sub: QpSubscription, now: Date): QpOperation {
  const op = addOperation(sub, THREE_D_SECURE_REQUIRED, null, now.toISOString());
  sub.updated_at = op.created_at;
  return op;
}

/**
 * Runs an `authorize` operation with the entered card. Metadata describes the card tried (also
 * when rejected); `accepted`/`state` change only on approval.
 */
export function authorize(sub: QpSubscription, entered: EnteredCard, threeDSecure: { passed: boolean } | null, now: Date): QpOperation {
  const at = now.toISOString();
  const { card } = entered;
  const outcome = outcomeFor(card, threeDSecure?.passed ?? false);
  const op = addOperation(sub, outcome, threeDSecure ? (threeDSecure.passed ? 'Y' : 'N') : null, at);
  sub.metadata = {
    ...sub.metadata,
    type: 'card',
    origin: 'form',
    brand: card.brand,
    bin: card.number.slice(0, 6),
    corporate: false,
    last4: card.number.slice(-4),
    exp_month: entered.expMonth,
    exp_year: entered.expYear,
    country: 'DNK',
    is_3d_secure: threeDSecure?.passed ?? false,
    '3d_secure_type': threeDSecure ? '3DS2' : null,
    hash: createHash('sha256').update(card.number).digest('hex').slice(0, 40),
    number: null,
  };
  sub.acquirer = TEST_ACQUIRER;
  if (outcome.qp_status_code === '20000') {
    sub.accepted = true;
    sub.state = 'active';
  }
  sub.updated_at = at;
  return op;
}

/** What GET /subscriptions/{id} answers (a deep copy: later changes do not leak into it). */
export const subscriptionJson = (sub: QpSubscription): QpSubscription => structuredClone(sub);
