import { invalidRequest } from './errors';

/**
 * Stripe's form encoding: `metadata[account]=x`, `payment_method_types[0]=card`,
 * `expand[]=customer`, `billing_details[address][city]=…`. Everything decodes to nested
 * objects (array indices become keys "0", "1", …; `[]` takes the next free index); the
 * parameter readers turn index-keyed objects into arrays where the API expects one.
 */
export type FormValue = string | FormObject;
export type FormObject = { [key: string]: FormValue };

export function decodeForm(text: string): FormObject {
  const root: FormObject = {};
  if (!text) return root;
  for (const [rawKey, value] of new URLSearchParams(text)) {
    const path = parseKey(rawKey);
    if (!path) throw invalidRequest(`Invalid parameter name: ${rawKey}`);
    assign(root, path, value, rawKey);
  }
  return root;
}

function parseKey(key: string): string[] | null {
  const m = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(key);
  if (!m || m[1] === undefined) return null;
  const rest = m[2] ?? '';
  const parts = [m[1]];
  for (const seg of rest.matchAll(/\[([^[\]]*)\]/g)) parts.push(seg[1] ?? '');
  return parts;
}

function assign(root: FormObject, path: string[], value: string, rawKey: string): void {
  let node: FormObject = root;
  for (let i = 0; i < path.length; i++) {
    let key = path[i] ?? '';
    if (key === '') key = String(Object.keys(node).length);
    const last = i === path.length - 1;
    if (last) {
      if (typeof node[key] === 'object') throw invalidRequest(`Invalid string: ${rawKey} is a hash`, { param: rawKey });
      node[key] = value;
      return;
    }
    const next = node[key];
    if (next === undefined) {
      const created: FormObject = {};
      node[key] = created;
      node = created;
    } else if (typeof next === 'string') {
      // `expand=` (empty) followed by `expand[0]=x`: the empty value means "unset"; let the hash win.
      if (next !== '') throw invalidRequest(`Invalid hash: ${path.slice(0, i + 1).join('.')}`, { param: path[0] });
      const created: FormObject = {};
      node[key] = created;
      node = created;
    } else {
      node = next;
    }
  }
}

/** The inverse, for tests and the control endpoints: nested values to `a[b][0]=c`. */
export function encodeForm(data: Record<string, unknown>): string {
  const pairs: string[] = [];
  const walk = (key: string, value: unknown): void => {
    if (value === undefined) return;
    if (value === null) pairs.push(`${encodeURIComponent(key)}=`);
    else if (Array.isArray(value)) value.forEach((v, i) => walk(`${key}[${i}]`, v));
    else if (typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(`${key}[${k}]`, v);
    else pairs.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
  };
  for (const [k, v] of Object.entries(data)) walk(k, v);
  return pairs.join('&');
}
