import { createHmac } from 'node:crypto';
import { formatDate, toDate, zoneOffset } from './date-format';
import { JsonText, plainText, toJsonText } from './escaping';
import { makeUuid } from './random';
import type { HelperDescription } from './types';

/** What a helper may use besides its arguments; the clock and randomness are per render. */
export interface HelperContext {
  readonly hash: Readonly<Record<string, unknown>>;
  readonly now: () => number;
  readonly random: () => number;
  /** The injected generator, when the caller gave one, so `uuid` can repeat with it. */
  readonly injectedRandom: (() => number) | undefined;
}

export interface HelperSpec extends HelperDescription {
  readonly minArgs: number;
  readonly maxArgs: number;
  /** Its arguments are meant to be absent sometimes (`default`, `eq`): absence is not reported. */
  readonly tolerant: boolean;
  /** Throws an Error with a plain-words message on bad input; the engine reports it. */
  run(args: readonly unknown[], context: HelperContext): unknown;
}

/** Handlebars' own block helpers (and `lookup`), described for the UI and checked for arity. */
export interface BuiltinSpec extends HelperDescription {
  readonly minArgs: number;
  readonly maxArgs: number;
  readonly block: boolean;
}

function integerArg(helper: string, name: string, value: unknown): number {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isSafeInteger(number)) {
    throw new Error(`${helper} needs whole numbers; ${name} is ${JSON.stringify(value) ?? String(value)}.`);
  }
  return number;
}

function pick(list: readonly unknown[], random: () => number): unknown {
  return list[Math.floor(random() * list.length)];
}

const HMAC_ENCODINGS = new Set(['hex', 'base64', 'base64url']);

const CUSTOM: HelperSpec[] = [
  {
    name: 'now',
    signature: 'now',
    description: 'The current time in epoch milliseconds (a number). Usable bare as an argument.',
    example: '{{now}}',
    minArgs: 0,
    maxArgs: 0,
    tolerant: false,
    run: (_args, context) => context.now(),
  },
  {
    name: 'nowSeconds',
    signature: 'nowSeconds',
    description: 'The current time in whole epoch seconds (a number).',
    example: '{{nowSeconds}}',
    minArgs: 0,
    maxArgs: 0,
    tolerant: false,
    run: (_args, context) => Math.floor(context.now() / 1000),
  },
  {
    name: 'date',
    signature: 'date [value] [format] [tz="UTC"|"local"|"+03:00"]',
    description:
      'Formats a date (epoch ms, ISO string; default now) with tokens YYYY MM DD HH mm ss SSS Z X x and [literal] text; ISO 8601 without a format. UTC unless tz says otherwise.',
    example: '{{date now "YYYY-MM-DD HH:mm:ss"}}',
    minArgs: 0,
    maxArgs: 2,
    tolerant: false,
    run: (args, context) => {
      const date = args.length === 0 ? new Date(context.now()) : toDate(args[0]);
      const format = args[1];
      if (format !== undefined && typeof format !== 'string') {
        throw new Error('date takes its format as a quoted string, e.g. {{date now "YYYY-MM-DD"}}.');
      }
      return formatDate(date, format, zoneOffset(context.hash.tz, date));
    },
  },
  {
    name: 'uuid',
    signature: 'uuid',
    description: 'A random version 4 UUID (repeatable when the render is seeded).',
    example: '{{uuid}}',
    minArgs: 0,
    maxArgs: 0,
    tolerant: false,
    run: (_args, context) => makeUuid(context.injectedRandom),
  },
  {
    name: 'randomInt',
    signature: 'randomInt min max',
    description: 'A random whole number from min to max, both included.',
    example: '{{randomInt 1 100}}',
    minArgs: 2,
    maxArgs: 2,
    tolerant: false,
    run: (args, context) => {
      const min = integerArg('randomInt', 'min', args[0]);
      const max = integerArg('randomInt', 'max', args[1]);
      if (min > max) throw new Error(`randomInt needs min ≤ max, got ${min} and ${max}.`);
      return min + Math.floor(context.random() * (max - min + 1));
    },
  },
  {
    name: 'randomItem',
    signature: 'randomItem a b c… | randomItem list',
    description: 'One of its arguments at random, or one element of a single array argument.',
    example: '{{randomItem "approved" "declined" "pending"}}',
    minArgs: 1,
    maxArgs: Number.POSITIVE_INFINITY,
    tolerant: false,
    run: (args, context) => {
      const first = args[0];
      const list = args.length === 1 && Array.isArray(first) ? first : args;
      if (list.length === 0) throw new Error('randomItem got an empty list to choose from.');
      return pick(list, context.random);
    },
  },
  {
    name: 'json',
    signature: 'json value [indent]',
    description:
      'The value as JSON. In json-safe mode outside a string it is the JSON value itself; inside a string, escaped JSON text.',
    example: '{{json event}}',
    minArgs: 1,
    maxArgs: 2,
    tolerant: false,
    run: (args) => {
      const indent = args[1] === undefined ? undefined : integerArg('json', 'indent', args[1]);
      const value = args[0];
      return value instanceof JsonText ? value : new JsonText(toJsonText(value, indent));
    },
  },
  {
    name: 'default',
    signature: 'default value fallback',
    description: 'The value, or the fallback when the value is missing, null or an empty string.',
    example: '{{default state.user_ext_id "unknown"}}',
    minArgs: 2,
    maxArgs: 2,
    tolerant: true,
    run: (args) => (args[0] === undefined || args[0] === null || args[0] === '' ? args[1] : args[0]),
  },
  {
    name: 'upper',
    signature: 'upper text',
    description: 'The text in upper case.',
    example: '{{upper state.core_sm_brand_id}}',
    minArgs: 1,
    maxArgs: 1,
    tolerant: false,
    run: (args) => plainText(args[0]).toUpperCase(),
  },
  {
    name: 'lower',
    signature: 'lower text',
    description: 'The text in lower case.',
    example: '{{lower request.headers.x-event}}',
    minArgs: 1,
    maxArgs: 1,
    tolerant: false,
    run: (args) => plainText(args[0]).toLowerCase(),
  },
  {
    name: 'eq',
    signature: 'eq a b',
    description: 'true when a and b are the same value (strict: 5 and "5" differ). For use in #if.',
    example: '{{#if (eq request.method "POST")}}…{{/if}}',
    minArgs: 2,
    maxArgs: 2,
    tolerant: true,
    run: (args) => args[0] === args[1],
  },
  {
    name: 'base64',
    signature: 'base64 text',
    description: 'The UTF-8 bytes of the text in Base64 (objects are encoded as their JSON).',
    example: '{{base64 "user:secret"}}',
    minArgs: 1,
    maxArgs: 1,
    tolerant: false,
    run: (args) => Buffer.from(plainText(args[0]), 'utf8').toString('base64'),
  },
  {
    name: 'hmacSha256',
    signature: 'hmacSha256 key message ["hex"|"base64"|"base64url"]',
    description: 'The HMAC-SHA256 of the message with the key, in hex unless an encoding is given.',
    example: '{{hmacSha256 env.secret (json event) "base64"}}',
    minArgs: 2,
    maxArgs: 3,
    tolerant: false,
    run: (args) => {
      const encoding = args[2] ?? 'hex';
      if (typeof encoding !== 'string' || !HMAC_ENCODINGS.has(encoding)) {
        throw new Error(
          `hmacSha256's encoding must be "hex", "base64" or "base64url", not ${JSON.stringify(encoding)}.`,
        );
      }
      return createHmac('sha256', plainText(args[0]))
        .update(plainText(args[1]), 'utf8')
        .digest(encoding as 'hex' | 'base64' | 'base64url');
    },
  },
  {
    name: 'urlEncode',
    signature: 'urlEncode text',
    description: 'The text percent-encoded for use inside a URL path segment or query value.',
    example: 'https://api.example.com/users/{{urlEncode state.user_ext_id}}',
    minArgs: 1,
    maxArgs: 1,
    tolerant: false,
    run: (args) => encodeURIComponent(plainText(args[0])),
  },
];

export const CUSTOM_HELPERS: ReadonlyMap<string, HelperSpec> = new Map(
  CUSTOM.map((spec) => [spec.name, spec]),
);

export const BUILTIN_HELPERS: ReadonlyMap<string, BuiltinSpec> = new Map(
  [
    {
      name: 'if',
      signature: '#if value … {{else}} … /if',
      description: 'Renders its block when the value is truthy (not missing, false, null, 0, "" or []).',
      example: '{{#if state.vip}}"tier": "gold",{{/if}}',
      minArgs: 1,
      maxArgs: 1,
      block: true,
    },
    {
      name: 'unless',
      signature: '#unless value … /unless',
      description: 'Renders its block when the value is falsy: the opposite of #if.',
      example: '{{#unless state.email}}"email": null,{{/unless}}',
      minArgs: 1,
      maxArgs: 1,
      block: true,
    },
    {
      name: 'each',
      signature: '#each list … {{else}} … /each',
      description: 'Renders its block once per element (this, @index, @first, @last) or object key (@key).',
      example: '[{{#each event.items}}{{#unless @first}},{{/unless}}"{{this.sku}}"{{/each}}]',
      minArgs: 1,
      maxArgs: 1,
      block: true,
    },
    {
      name: 'with',
      signature: '#with object … /with',
      description: 'Renders its block with the object as `this`, or the {{else}} block when it is missing.',
      example: '{{#with state}}"user": "{{user_id}}"{{/with}}',
      minArgs: 1,
      maxArgs: 1,
      block: true,
    },
    {
      name: 'lookup',
      signature: 'lookup object key',
      description: 'The object’s property named by key, for keys held in data.',
      example: '{{lookup request.query "utm_source"}}',
      minArgs: 2,
      maxArgs: 2,
      block: false,
    },
  ].map((spec): [string, BuiltinSpec] => [spec.name, spec]),
);

/** Helpers that read naturally bare as arguments: `{{date now "YYYY"}}` calls `now`. */
export const BARE_VALUE_HELPERS: ReadonlySet<string> = new Set(['now', 'nowSeconds', 'uuid']);

/** Every helper a template may call, with an example each, for the UI's helper list. */
export const TEMPLATE_HELPERS: ReadonlyArray<HelperDescription> = [
  ...CUSTOM,
  ...BUILTIN_HELPERS.values(),
].map(({ name, signature, description, example }) =>
  Object.freeze({ name, signature, description, example }),
);
