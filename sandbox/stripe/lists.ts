import { invalidRequest, noSuch } from './errors';
import type { Params } from './params';

export const LIST_PARAMS = ['limit', 'starting_after', 'ending_before', 'expand', 'created'] as const;

export type StripeList<T> = { object: 'list'; data: T[]; has_more: boolean; url: string };

/** Stripe's cursor pagination over items given newest first. */
export function listResponse<T extends { id: string; created: number }>(items: T[], params: Params, url: string): StripeList<T> {
  const limit = params.int('limit') ?? 10;
  if (limit < 1 || limit > 100) throw invalidRequest('Invalid limit: must be between 1 and 100', { param: 'limit', code: 'parameter_invalid_integer' });
  let filtered = filterCreated(items, params);
  const after = params.string('starting_after');
  const before = params.string('ending_before');
  if (after) {
    const i = filtered.findIndex((x) => x.id === after);
    if (i < 0) throw noSuch('object', after, 'starting_after');
    filtered = filtered.slice(i + 1);
  } else if (before) {
    const i = filtered.findIndex((x) => x.id === before);
    if (i < 0) throw noSuch('object', before, 'ending_before');
    const page = filtered.slice(Math.max(0, i - limit), i);
    return { object: 'list', data: page, has_more: i - limit > 0, url };
  }
  return { object: 'list', data: filtered.slice(0, limit), has_more: filtered.length > limit, url };
}

function filterCreated<T extends { created: number }>(items: T[], params: Params): T[] {
  if (!params.has('created')) return items;
  const exact = params.raw.created;
  if (typeof exact === 'string') {
    const v = params.int('created');
    return items.filter((x) => x.created === v);
  }
  const range = params.object('created');
  if (!range) return items;
  range.allowOnly(['gt', 'gte', 'lt', 'lte']);
  const gt = range.int('gt');
  const gte = range.int('gte');
  const lt = range.int('lt');
  const lte = range.int('lte');
  return items.filter(
    (x) =>
      (gt === undefined || x.created > gt) &&
      (gte === undefined || x.created >= gte) &&
      (lt === undefined || x.created < lt) &&
      (lte === undefined || x.created <= lte),
  );
}

/** Newest first, as Stripe lists (insertion order breaks ties within a second). */
export const newestFirst = <T>(values: Iterable<T>): T[] => [...values].reverse();
