export { backoffMs, DEFAULT_BACKOFF } from './backoff';
export { createProviderHttp, DEFAULT_MAX_RETRY_AFTER_SECONDS, type ProviderHttp } from './request';
export { parseRetryAfter } from './retry-after';
export { retryDelayMs, surelyNotSent } from './retry-policy';
export { isLimiterRefusal, LimiterRefusal, type LimiterRefusalReason } from './limiter-refusal';
export type { CallPriority, HttpMethod, ProviderCall, ProviderFailure, ProviderClientTuning, ProviderHttpConfig, RateLimiterHook } from './types';
