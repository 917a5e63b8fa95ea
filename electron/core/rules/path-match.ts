import type { PathMatch } from '../../../shared/rules';

/** Matches a request path (no query string); returns the named params, or null when it does not match. */
export function matchPath(rule: PathMatch, path: string): Record<string, string> | null {
  switch (rule.kind) {
    case 'any':
      return {};
    case 'exact':
      return trimSlash(path) === trimSlash(rule.value) ? {} : null;
    case 'prefix':
      return path.startsWith(rule.value) ? {} : null;
    case 'pattern':
      return matchPattern(rule.value, path);
  }
}

function trimSlash(path: string): string {
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
}

function matchPattern(pattern: string, path: string): Record<string, string> | null {
  const want = trimSlash(pattern).split('/');
  const got = trimSlash(path).split('/');
  const params: Record<string, string> = {};
  // A trailing `*` segment matches any rest of the path.
  if (want.at(-1) === '*') {
    if (got.length < want.length - 1) return null;
  } else if (want.length !== got.length) {
    return null;
  }
  for (let i = 0; i < want.length; i++) {
    const segment = want[i] as string;
    if (segment === '*') break;
    const actual = got[i] as string;
    if (segment.startsWith(':') && segment.length > 1) {
      if (actual === '') return null;
      params[segment.slice(1)] = safeDecode(actual);
    } else if (segment !== actual) {
      return null;
    }
  }
  return params;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
