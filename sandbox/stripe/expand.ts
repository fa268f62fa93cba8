import { invalidRequest } from './errors';
import type { StoredObject } from './records';

type Node = Record<string, unknown>;
const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Applies `expand[]` paths (`customer`, `latest_attempt.payment_method`, `data.payment_method`)
 * to a copy of the response. Ids that name nothing stored stay ids.
 */
export function expandResponse(value: unknown, paths: string[], find: (id: string) => StoredObject | undefined): unknown {
  if (paths.length === 0 || !isNode(value)) return value;
  const copy = structuredClone(value);
  for (const path of paths) {
    const segments = path.split('.');
    if (segments.length > 4) throw invalidRequest(`You cannot expand more than 4 levels of a property. Property: ${path}`, { param: 'expand' });
    expandAt(copy, segments, path, find);
  }
  return copy;
}

function expandAt(node: Node, segments: string[], path: string, find: (id: string) => StoredObject | undefined): void {
  const [head, ...rest] = segments;
  if (head === undefined) return;
  if (node.object === 'list' && head === 'data' && Array.isArray(node.data)) {
    for (const item of node.data) if (isNode(item)) expandAt(item, rest, path, find);
    return;
  }
  if (!(head in node)) throw invalidRequest(`This property cannot be expanded (${path}).`, { param: 'expand' });
  let field = node[head];
  if (typeof field === 'string') {
    const found = find(field);
    if (!found) {
      if (rest.length === 0) return;
      throw invalidRequest(`This property cannot be expanded (${path}).`, { param: 'expand' });
    }
    field = structuredClone(found);
    node[head] = field;
  } else if (field !== null && !isNode(field)) {
    throw invalidRequest(`This property cannot be expanded (${path}).`, { param: 'expand' });
  }
  if (rest.length && isNode(field)) expandAt(field, rest, path, find);
}
