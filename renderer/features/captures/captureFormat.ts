/** Colour family of a status code, for the status cell and badge. */
export function statusTone(
  status: number,
): 'success' | 'redirect' | 'client-error' | 'server-error' | 'other' {
  if (status >= 200 && status < 300) return 'success';
  if (status >= 300 && status < 400) return 'redirect';
  if (status >= 400 && status < 500) return 'client-error';
  if (status >= 500 && status < 600) return 'server-error';
  return 'other';
}

const KNOWN_METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);

/** CSS modifier for a method; unusual methods share one neutral look. */
export function methodTone(method: string): string {
  const upper = method.toUpperCase();
  return KNOWN_METHODS.has(upper) ? upper.toLowerCase() : 'other';
}
