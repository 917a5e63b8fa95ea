import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export function newAccessToken(): string {
  return randomBytes(24).toString('base64url');
}

/** Constant-time comparison; hashing first makes the lengths equal so length leaks nothing either. */
export function tokenMatches(expected: string, given: string | null | undefined): boolean {
  if (typeof given !== 'string' || given.length === 0) return false;
  const a = createHash('sha256').update(expected).digest();
  const b = createHash('sha256').update(given).digest();
  return timingSafeEqual(a, b);
}

export const TOKEN_COOKIE = 'hookbench_token';

/**
 * Every value of the cookie `name` in a Cookie header, decoded; a value with bad %-encoding is
 * skipped. All of them, not the first: any page on another 127.0.0.1 port can set a cookie of the
 * same name here (cookies ignore ports), and browsers send the one with the longer Path first, so
 * a planted `Path=/assets` cookie would otherwise hide the real token.
 */
export function cookieValues(header: string | undefined, name: string): string[] {
  if (!header) return [];
  const values: string[] = [];
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq === -1 || part.slice(0, eq).trim() !== name) continue;
    try {
      values.push(decodeURIComponent(part.slice(eq + 1).trim()));
    } catch {
      // Not a token: the others still count.
    }
  }
  return values;
}
