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

export function parseLossless(text: string): unknown {
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
