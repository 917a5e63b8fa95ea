/** A Content-Type header split into its media type (lower case) and parameters (names lower case). */
export interface ContentType {
  mime: string;
  params: Record<string, string>;
}

/**
 * Parses `type/subtype; name=value; name="quoted \" value"`. Lenient on purpose:
 * webhook senders get this header wrong often, and a view should still open.
 */
export function parseContentType(header: string | null | undefined): ContentType {
  if (!header) return { mime: '', params: {} };
  const semicolon = header.indexOf(';');
  const mime = (semicolon === -1 ? header : header.slice(0, semicolon)).trim().toLowerCase();
  const params: Record<string, string> = {};
  if (semicolon === -1) return { mime, params };
  const rest = header.slice(semicolon + 1);
  let i = 0;
  while (i < rest.length) {
    while (i < rest.length && (rest[i] === ';' || rest[i] === ' ' || rest[i] === '\t')) i += 1;
    const eq = rest.indexOf('=', i);
    if (eq === -1) break;
    const name = rest.slice(i, eq).trim().toLowerCase();
    i = eq + 1;
    let value = '';
    if (rest[i] === '"') {
      i += 1;
      while (i < rest.length && rest[i] !== '"') {
        if (rest[i] === '\\' && i + 1 < rest.length) i += 1;
        value += rest[i];
        i += 1;
      }
      i += 1;
    } else {
      const end = rest.indexOf(';', i);
      value = (end === -1 ? rest.slice(i) : rest.slice(i, end)).trim();
      i = end === -1 ? rest.length : end;
    }
    if (name && !(name in params)) params[name] = value;
  }
  return { mime, params };
}

export function isJsonMime(mime: string): boolean {
  return (
    mime === 'application/json' ||
    mime.endsWith('+json') ||
    mime === 'text/json' ||
    mime === 'application/x-ndjson' ||
    mime === 'application/ndjson'
  );
}

export function isXmlMime(mime: string): boolean {
  return mime === 'application/xml' || mime === 'text/xml' || mime.endsWith('+xml');
}

/** The first value of a header, by case-insensitive name. */
export function headerValue(headers: readonly (readonly [string, string])[], name: string): string | null {
  const lower = name.toLowerCase();
  for (const [key, value] of headers) if (key.toLowerCase() === lower) return value;
  return null;
}
