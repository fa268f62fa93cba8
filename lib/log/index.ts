export { log, createLogger } from './logger';
export { currentRequestId, requestIdFrom, withRequestContext } from './request-context';
