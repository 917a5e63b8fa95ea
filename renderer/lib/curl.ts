/**
 * "Copy as cURL": a bash command that sends the captured request again with
 * the exact body bytes. Text bodies go inline as ANSI-C quoted `$'…'` strings;
 * bodies a shell argument cannot hold (NUL bytes) or that are not UTF-8 are
 * piped in with `printf '%b'` and octal escapes, which bash, zsh and POSIX sh
 * all understand, and read by curl from standard input (`--data-binary @-`).
 */
import type { HeaderPair } from '../../shared/domain';

export interface CurlInput {
  method: string;
  /** The request target as received: path and query string. */
  path: string;
  headers: readonly HeaderPair[];
  body: Uint8Array;
  /** Used when the request had no Host header. */
  fallbackHost?: string;
}

/** Headers curl computes itself, or that describe the original connection rather than the request. */
const SKIPPED = new Set(['content-length', 'host', 'connection', 'transfer-encoding']);

function hex(byte: number): string {
  return `\\x${byte.toString(16).padStart(2, '0')}`;
}

function octal(byte: number): string {
  return `\\0${byte.toString(8).padStart(3, '0')}`;
}

const C_ESCAPES: Record<number, string> = { 9: '\\t', 10: '\\n', 13: '\\r', 92: '\\\\', 39: "\\'" };

/** Bytes as the inside of `$'…'`: printable ASCII as is, everything else escaped. */
function ansiC(bytes: Iterable<number>): string {
  let out = '';
  for (const byte of bytes) {
    const escaped = C_ESCAPES[byte];
    if (escaped) out += escaped;
    else if (byte >= 0x20 && byte < 0x7f) out += String.fromCharCode(byte);
    else out += hex(byte);
  }
  return out;
}

/** True when every character is printable ASCII, so plain single quotes can hold it. */
function plainAscii(text: string): boolean {
  return /^[\x20-\x7e]*$/.test(text);
}

/**
 * Quotes one shell word. Header values arrive as Latin-1 strings (one character
 * per byte on the wire), so characters up to U+00FF are written back as that byte.
 */
export function shellQuote(text: string): string {
  if (/^[\w.:/=@%+,-]+$/.test(text)) return text;
  if (plainAscii(text)) return `'${text.replaceAll("'", `'\\''`)}'`;
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code <= 0xff) bytes.push(code);
    else bytes.push(...new TextEncoder().encode(ch));
  }
  return `$'${ansiC(bytes)}'`;
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The body as a `printf '%b'` argument: `%b` understands `\0ooo` everywhere (bash, zsh, dash). */
function printfArgument(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) {
    if (byte === 0x5c) out += '\\\\';
    else if (byte === 0x27) out += `'\\''`;
    else if (byte >= 0x20 && byte < 0x7f) out += String.fromCharCode(byte);
    else out += octal(byte);
  }
  return `'${out}'`;
}

/** A body a `$'…'` word cannot carry: bash words end at NUL, and curl reads `@x` as a file name. */
function needsPipe(body: Uint8Array): boolean {
  return body.includes(0) || body[0] === 0x40 || !isUtf8(body);
}

function headerArgument(name: string, value: string): string {
  // `Name:` with nothing after it tells curl to remove the header; `Name;` sends it empty.
  return value === '' ? `-H ${shellQuote(`${name};`)}` : `-H ${shellQuote(`${name}: ${value}`)}`;
}

export function buildCurl({ method, path, headers, body, fallbackHost = 'localhost' }: CurlInput): string {
  const host = headers.find(([name]) => name.toLowerCase() === 'host')?.[1] || fallbackHost;
  const url = `http://${host}${path.startsWith('/') ? path : `/${path}`}`;
  const upper = method.toUpperCase();
  // The path and Host come from the sender, and curl expands `[1-99999999]` and `{a,b}` in a URL
  // into that many requests: pasting one captured request must send exactly one.
  const args: string[] = [
    '--globoff',
    upper === 'HEAD' ? '--head' : `-X ${shellQuote(method)}`,
    shellQuote(url),
  ];
  for (const [name, value] of headers) {
    if (!SKIPPED.has(name.toLowerCase())) args.push(headerArgument(name, value));
  }
  // Without this, --data-binary would add a form Content-Type the original request did not have.
  const hasType = headers.some(([name]) => name.toLowerCase() === 'content-type');
  let prefix = '';
  if (body.length > 0) {
    if (!hasType) args.push(`-H 'Content-Type:'`);
    if (needsPipe(body)) {
      prefix = `printf '%b' ${printfArgument(body)} | `;
      args.push('--data-binary @-');
    } else {
      args.push(`--data-binary $'${ansiC(body)}'`);
    }
  }
  return `${prefix}curl ${args.join(' \\\n  ')}`;
}
