export { createProviderHttp, type ProviderHttp } from './request';
export { surelyNotSent } from './retry-policy';
export { isLimiterRefusal, LimiterRefusal } from './limiter-refusal';
export type { CallPriority, ProviderCall, ProviderFailure, ProviderClientTuning } from './types';
