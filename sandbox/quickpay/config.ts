import type { RetryPlan, RetrySpeed } from '../delivery';

/**
 * The QuickPay emulator's options and the constants where QuickPay's behaviour is a choice.
 * "Unconfirmed" marks what no public source settled (see PROVIDERS.md): each is one constant.
 */
export type QuickpayEmulatorOptions = {
  /** The API key QuickPay accepts (`Authorization: Basic base64(":" + api_key)`). */
  apiKey: string;
  /** The account's private key: callbacks are signed with it (QuickPay-Checksum-Sha256). */
  privateKey: string;
  /** This emulator's own URL: the hosted payment window lives there. */
  publicUrl: string;
  /** The merchant (account) id, sent as QuickPay-Account-ID and in `merchant_id`. */
  merchantId?: number;
  /** The callback retry schedule at start and after a reset; a test may switch it (POST /__sandbox/settings). */
  retrySchedule?: RetrySpeed;
  /** Delays between callback attempts (attempts = delays + 1, at most 24); overrides `retrySchedule`. */
  retryScheduleMs?: number[];
};

export const DEFAULT_MERCHANT_ID = 12345;

/** The only API version served; QuickPay keeps the newest versions only, v10 is it. */
export const API_VERSION = 'v10';

/** 401 body for a missing or wrong API key (QuickPay's message, per Active Merchant's remote tests). */
export const INVALID_API_KEY = { message: 'Invalid API key' } as const;

/**
 * Missing or unknown `Accept-Version`. Unconfirmed: the status and text QuickPay answers with are
 * not public; we answer 400 with a message that names the header and the supported version.
 */
export const VERSION_ERROR_STATUS = 400;
export const versionErrorBody = (given: string | undefined) => ({
  message: given ? `Unsupported API version: ${given}. Supported: ${API_VERSION}` : `Missing Accept-Version header. Supported: ${API_VERSION}`,
});

/**
 * order_id: QuickPay documents "unique order number"; integrations keep it 4–20 characters of
 * [A-Za-z0-9-] (Active Merchant truncates to 20). Unconfirmed: the exact rule QuickPay enforces.
 */
export const ORDER_ID_PATTERN = /^[A-Za-z0-9-]{4,20}$/;

/** ActiveRecord-style field messages, as QuickPay's 400s show them ("has already been taken"). */
export const FIELD_ERRORS = {
  blank: "can't be blank",
  invalid: 'is invalid',
  taken: 'has already been taken',
  currency: 'must be three uppercase letters',
  notNumber: 'is not a number',
  notInteger: 'must be an integer',
  negative: 'must be greater than or equal to 0',
  notUrl: 'is not a valid URL',
  notHash: 'must be a hash',
  tooLong: 'is too long',
} as const;

/**
 * Callback retries (PROVIDERS.md): a callback that does not get a 2xx (or 302/303) "is failed and
 * will be retried after an hour", up to 24 times in all. `fast` is for a test that asks for it:
 * the same shape scaled down, every retry FAST_RETRY_DELAY_MS after the last (not a backoff that
 * starts at milliseconds: QuickPay never knocks again at once, and a burst of such retries would
 * be a storm no real receiver meets). How long QuickPay waits for an answer is unconfirmed: 10 s,
 * on both schedules.
 */
export const MAX_CALLBACK_ATTEMPTS = 24;
const CALLBACK_RETRY_DELAY_MS = 60 * 60 * 1000;
export const CALLBACK_TIMEOUT_MS = 10_000;
export const FAST_RETRY_DELAY_MS = 2_000;
export const CALLBACK_RETRY_PLANS: Record<RetrySpeed, RetryPlan> = {
  real: { delaysMs: Array.from({ length: MAX_CALLBACK_ATTEMPTS - 1 }, () => CALLBACK_RETRY_DELAY_MS), timeoutMs: CALLBACK_TIMEOUT_MS },
  fast: { delaysMs: Array.from({ length: MAX_CALLBACK_ATTEMPTS - 1 }, () => FAST_RETRY_DELAY_MS), timeoutMs: CALLBACK_TIMEOUT_MS },
};

/** The acquirer named on operations and the subscription once a card has been tried. */
export const TEST_ACQUIRER = 'clearhaus';

/** The user agent QuickPay's callback service sends. Unconfirmed. */
export const CALLBACK_USER_AGENT = 'QuickPay-Callback/v10';
