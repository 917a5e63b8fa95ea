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
 * Number spellings a double may not keep: 16+ digits in a row, a fraction ending in 0, an
 * exponent, or -0. Text without any of them parses exactly with plain JSON.parse, which is
 * several times faster than a reviver; a false alarm (digits inside a string) only costs speed.
 */
const RISKY_NUMBER = /\d{16}|\.\d*0(?![\d])|\d[eE]|-0(?![.\d])/;

export function parseLossless(text: string): unknown {
  if (!RISKY_NUMBER.test(text)) return JSON.parse(text);
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

/** The same value with lossless numbers turned back into doubles, for checks that expect numbers (JSON Schema). */
export function plainNumbers(value: unknown): unknown {
  if (value instanceof LosslessNumber) return value.valueOf();
  if (Array.isArray(value)) {
    let copy: unknown[] | null = null;
    value.forEach((item, i) => {
      const plain = plainNumbers(item);
      if (plain !== item) {
        copy ??= [...value];
        copy[i] = plain;
      }
    });
    return copy ?? value;
  }
  if (typeof value === 'object' && value !== null) {
    let copy: Record<string, unknown> | null = null;
    for (const [key, item] of Object.entries(value)) {
      const plain = plainNumbers(item);
      if (plain !== item) {
        copy ??= { ...(value as Record<string, unknown>) };
        copy[key] = plain;
      }
    }
    return copy ?? value;
  }
  return value;
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
