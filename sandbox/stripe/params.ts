import { invalidRequest, missingParam, paramError } from './errors';
import type { FormObject, FormValue } from './form';

/** Typed reads of a decoded Stripe request, raising Stripe's parameter errors. */
export class Params {
  constructor(
    readonly raw: FormObject,
    private readonly prefix = '',
  ) {}

  private name(key: string): string {
    return this.prefix ? `${this.prefix}[${key}]` : key;
  }

  has(key: string): boolean {
    return this.raw[key] !== undefined;
  }

  keys(): string[] {
    return Object.keys(this.raw);
  }

  /** Rejects parameters the endpoint does not know, as Stripe does. */
  allowOnly(allowed: readonly string[]): this {
    for (const key of this.keys()) {
      if (!allowed.includes(key)) {
        throw invalidRequest(`Received unknown parameter: ${this.name(key)}`, { param: this.name(key), code: 'parameter_unknown' });
      }
    }
    return this;
  }

  string(key: string): string | undefined {
    const v = this.raw[key];
    if (v === undefined) return undefined;
    if (typeof v !== 'string') throw paramError(`Invalid string: ${describe(v)}`, this.name(key));
    return v;
  }

  requiredString(key: string): string {
    const v = this.string(key);
    if (v === undefined || v === '') throw missingParam(this.name(key));
    return v;
  }

  /** An empty string unsets the field (null), as in Stripe's update calls. */
  nullableString(key: string): string | null | undefined {
    const v = this.string(key);
    return v === '' ? null : v;
  }

  enum<T extends string>(key: string, values: readonly T[]): T | undefined {
    const v = this.string(key);
    if (v === undefined) return undefined;
    if (!(values as readonly string[]).includes(v)) {
      throw paramError(`Invalid ${this.name(key)}: must be one of ${values.join(', ')}`, this.name(key));
    }
    return v as T;
  }

  int(key: string): number | undefined {
    const v = this.string(key);
    if (v === undefined) return undefined;
    if (!/^-?\d+$/.test(v)) throw paramError(`Invalid integer: ${v}`, this.name(key), 'parameter_invalid_integer');
    return Number(v);
  }

  bool(key: string): boolean | undefined {
    const v = this.string(key);
    if (v === undefined) return undefined;
    if (v !== 'true' && v !== 'false') throw paramError(`Invalid boolean: ${v}`, this.name(key));
    return v === 'true';
  }

  object(key: string): Params | undefined {
    const v = this.raw[key];
    if (v === undefined || v === '') return undefined;
    if (typeof v === 'string') throw paramError(`Invalid hash`, this.name(key));
    return new Params(v, this.name(key));
  }

  /** `a[0]=x&a[1]=y` or `a[]=x` → ['x','y']. An empty string → []. */
  strings(key: string): string[] | undefined {
    const v = this.raw[key];
    if (v === undefined) return undefined;
    if (v === '') return [];
    if (typeof v === 'string') throw paramError(`Invalid array`, this.name(key));
    return Object.keys(v)
      .sort((a, b) => Number(a) - Number(b))
      .map((k) => {
        const item = v[k];
        if (typeof item !== 'string') throw paramError(`Invalid array`, this.name(key));
        return item;
      });
  }

  /** `metadata[k]=v`; an empty value deletes the key, `metadata=` clears all. */
  metadata(key = 'metadata'): { set: Record<string, string>; unset: string[]; clear: boolean } | undefined {
    const v = this.raw[key];
    if (v === undefined) return undefined;
    if (v === '') return { set: {}, unset: [], clear: true };
    if (typeof v === 'string') throw paramError('Invalid hash', this.name(key));
    const set: Record<string, string> = {};
    const unset: string[] = [];
    for (const [k, val] of Object.entries(v)) {
      if (typeof val !== 'string') throw paramError(`Invalid metadata value for ${k}`, `${this.name(key)}[${k}]`);
      if (k.length > 40) throw paramError(`Metadata keys can have up to 40 characters; "${k}" has ${k.length}.`, `${this.name(key)}[${k}]`);
      if (val.length > 500) throw paramError(`Metadata values can have up to 500 characters.`, `${this.name(key)}[${k}]`);
      if (val === '') unset.push(k);
      else set[k] = val;
    }
    return { set, unset, clear: false };
  }
}

function describe(v: FormValue): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** Applies a metadata update to a stored metadata object (Stripe caps it at 50 keys). */
export function applyMetadata(target: Record<string, string>, update: ReturnType<Params['metadata']>): Record<string, string> {
  if (!update) return target;
  const next = update.clear ? {} : { ...target };
  for (const k of update.unset) delete next[k];
  Object.assign(next, update.set);
  if (Object.keys(next).length > 50) throw paramError('You can have up to 50 metadata keys.', 'metadata');
  return next;
}
