/** A path segment as the person typed it: Next may hand it over still percent-encoded; a stray "%" stays as it is. */
export function routeParam(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
