/**
 * Validates JSON text and re-indents it without parsing values, so every
 * token keeps its exact spelling: JSON.parse would round 12345678901234567890
 * to a double, unescape strings and drop duplicate keys, and a webhook
 * inspector must show what was sent. Iterative, so deep nesting cannot
 * overflow the call stack.
 */

type Expect = 'value' | 'value-or-close' | 'key' | 'key-or-close' | 'colon' | 'comma-or-close' | 'end';

/** Deeper documents are shown as plain text: their indentation alone would dwarf the content. */
const MAX_DEPTH = 256;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERALS = ['true', 'false', 'null'] as const;

function isHex(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 70) || (code >= 97 && code <= 102);
}

/** Returned by the scanners when the text ends inside a token (a body cut short, not a bad one). */
export const CUT_SHORT = -2;

/** Index just past the string literal starting at `start` (a `"`), or -1 when invalid (CUT_SHORT when unfinished). */
export function scanString(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === 0x22) return i + 1;
    if (code < 0x20) return -1;
    if (code === 0x5c) {
      const escaped = text[i + 1];
      if (escaped === 'u') {
        for (let k = 2; k < 6; k += 1) {
          if (i + k >= text.length) return CUT_SHORT;
          if (!isHex(text.charCodeAt(i + k))) return -1;
        }
        i += 6;
        continue;
      }
      if (escaped === undefined) return CUT_SHORT;
      if (!'"\\/bfnrt'.includes(escaped)) return -1;
      i += 2;
      continue;
    }
    i += 1;
  }
  return CUT_SHORT;
}

function scanNumber(text: string, start: number): number {
  NUMBER.lastIndex = start;
  return NUMBER.test(text) ? NUMBER.lastIndex : -1;
}

function scanLiteral(text: string, start: number): number {
  for (const literal of LITERALS) if (text.startsWith(literal, start)) return start + literal.length;
  const rest = text.slice(start);
  return LITERALS.some((literal) => literal.startsWith(rest)) ? CUT_SHORT : -1;
}

/** Index just past the string, number or literal starting at `start`, or -1 when there is none. */
export function scanScalar(text: string, start: number): number {
  const first = text[start];
  if (first === '"') return scanString(text, start);
  if (first === '-' && start + 1 === text.length) return CUT_SHORT;
  if (first === '-' || (first !== undefined && first >= '0' && first <= '9')) return scanNumber(text, start);
  return scanLiteral(text, start);
}

/**
 * Pretty-prints JSON text with two-space indentation; null when the text is not JSON.
 * With `cut`, the text is the first part of a longer body: it is formatted as far
 * as it goes, and an unfinished last token is shown as it stands.
 */
export function formatJson(text: string, indent = '  ', cut = false): string | null {
  const out: string[] = [];
  const stack: ('{' | '[')[] = [];
  const newline = (depth: number) => `\n${indent.repeat(depth)}`;
  let expect: Expect = 'value';
  let i = 0;

  for (;;) {
    while (i < text.length) {
      const code = text.charCodeAt(i);
      if (code !== 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) break;
      i += 1;
    }
    const ch = text[i];
    if (ch === undefined) return expect === 'end' || cut ? out.join('') : null;

    switch (expect) {
      case 'end':
        return null;
      case 'colon':
        if (ch !== ':') return null;
        out.push(': ');
        i += 1;
        expect = 'value';
        break;
      case 'comma-or-close': {
        const open = stack[stack.length - 1];
        if (ch === ',') {
          out.push(`,${newline(stack.length)}`);
          i += 1;
          expect = open === '{' ? 'key' : 'value';
        } else if ((ch === '}' && open === '{') || (ch === ']' && open === '[')) {
          stack.pop();
          out.push(newline(stack.length), ch);
          i += 1;
          expect = stack.length > 0 ? 'comma-or-close' : 'end';
        } else {
          return null;
        }
        break;
      }
      case 'key-or-close':
      case 'value-or-close': {
        const close = expect === 'key-or-close' ? '}' : ']';
        if (ch === close) {
          // Empty containers stay on one line, as JSON.stringify prints them.
          stack.pop();
          out.push(ch);
          i += 1;
          expect = stack.length > 0 ? 'comma-or-close' : 'end';
        } else {
          out.push(newline(stack.length));
          expect = expect === 'key-or-close' ? 'key' : 'value';
        }
        break;
      }
      case 'key': {
        if (ch !== '"') return null;
        const end = scanString(text, i);
        if (end === CUT_SHORT && cut) return out.join('') + text.slice(i);
        if (end < 0) return null;
        out.push(text.slice(i, end));
        i = end;
        expect = 'colon';
        break;
      }
      case 'value': {
        if (ch === '{' || ch === '[') {
          if (stack.length >= MAX_DEPTH) return null;
          stack.push(ch);
          out.push(ch);
          i += 1;
          expect = ch === '{' ? 'key-or-close' : 'value-or-close';
          break;
        }
        const end = scanScalar(text, i);
        if (end === CUT_SHORT && cut) return out.join('') + text.slice(i);
        if (end < 0) return null;
        out.push(text.slice(i, end));
        i = end;
        expect = stack.length > 0 ? 'comma-or-close' : 'end';
        break;
      }
    }
  }
}
