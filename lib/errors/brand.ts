/**
 * Recognising our own error classes across Next's bundles. Pages, route handlers and
 * instrumentation are bundled separately, so a class can exist twice and `instanceof` then
 * fails depending on which bundle built the object. A symbol from the global registry
 * (`Symbol.for`) is the same in every bundle: brand each error class with one, test for it.
 */
export function errorBrand(name: string): symbol {
  return Symbol.for(`card-portal:error:${name}`);
}

export function hasBrand(value: unknown, brand: symbol): boolean {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[brand] === true;
}
