/**
 * JSON parsing that keeps every number exactly as written. Webhook ids such as
 * `"id_sms": 12345678901234567890` do not fit a double; echoing them back
 * rounded would acknowledge the wrong message. Uses the reviver's source text
 * (V8 11.4+, Node 21+) and JSON.rawJSON so the digits survive a round trip.
 */

interface ReviverContext {
  source?: string;
}

interface JsonWithRaw {
  rawJSON(text: string): unknown;
}

/** A number whose text a double cannot hold exactly; renders as its original digits. */
export class LosslessNumber {
  constructor(readonly source: string) {}
  toString(): string {
    return this.source;
  }
  toJSON(): unknown {
    return (JSON as unknown as JsonWithRaw).rawJSON(this.source);
  }
  valueOf(): number {
    return Number(this.source);
  }
}

/**
 * Whether a number in the JSON text is spelled in a way a double does not reproduce: 16+ digits,
 * a fraction ending in 0, an exponent, -0… Text without one parses exactly with plain JSON.parse,
 * which is several times faster than a reviver. Strings are skipped, so digits inside them (ids
 * in URLs, phone numbers) raise no false alarm; a hand-written scan because a regular expression
 * that tries its alternatives at every character cost more than the parse itself.
 */
export function mayLoseDigits(text: string): boolean {
  const end = text.length;
  let i = 0;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      i = afterString(text, i + 1);
    } else if (c === MINUS || isDigit(c)) {
      const start = i;
      let plain = true; // only digits (after an optional minus) so far
      i++;
      while (i < end) {
        const d = text.charCodeAt(i);
        if (isDigit(d)) i++;
        else if (d === DOT || d === LOWER_E || d === UPPER_E || d === PLUS || d === MINUS) {
          plain = false;
          i++;
        } else break;
      }
      // An integer of up to 15 digits is exact; anything else is checked against its double.
      const digits = i - start - (c === MINUS ? 1 : 0);
      if (plain && digits <= 15 && !(c === MINUS && text.charCodeAt(start + 1) === ZERO)) continue;
      const source = text.slice(start, i);
      if (String(Number(source)) !== source) return true;
    } else {
      i++;
    }
  }
  return false;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const MINUS = 0x2d;
const PLUS = 0x2b;
const DOT = 0x2e;
const ZERO = 0x30;
const LOWER_E = 0x65;
const UPPER_E = 0x45;

function isDigit(c: number): boolean {
  return c >= ZERO && c <= 0x39;
}

/** The index after the closing quote of a string whose text starts at `from`. */
function afterString(text: string, from: number): number {
  let at = from;
  for (;;) {
    const quote = text.indexOf('"', at);
    if (quote === -1) return text.length;
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
    at = quote + 1;
  }
}

export function parseLossless(text: string): unknown {
  return mayLoseDigits(text) ? parseKeepingDigits(text) : JSON.parse(text);
}

/** JSON.parse with every number a double would change kept as a LosslessNumber. */
export function parseKeepingDigits(text: string): unknown {
  return JSON.parse(text, function reviver(
    this: unknown,
    _key: string,
    value: unknown,
    context?: ReviverContext,
  ) {
    if (typeof value === 'number' && context?.source !== undefined && String(value) !== context.source) {
      return new LosslessNumber(context.source);
    }
    return value;
  } as (this: unknown, key: string, value: unknown) => unknown);
}

/** The text of a scalar as it appeared in the JSON (numbers keep their digits). */
export function scalarText(value: unknown): string | null {
  if (value instanceof LosslessNumber) return value.source;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null) return 'null';
  return null;
}

/** JSON text of a value parsed by parseLossless, exact digits included. */
export function stringifyLossless(value: unknown): string {
  return JSON.stringify(value);
}
