export { log } from './logger';
export { requestIdFrom, withRequestContext } from './request-context';
