/**
 * Runs every syntax-error detector and orders what matched, most likely first.
 */
import { describeAt, skipWhitespace } from '../bytes';
import type { Cause } from '../types';
import { formEncodedAsJson } from './body';
import { code, type DetectContext, type Detection, type Detector, detection, where } from './context';
import { singleQuotes, unclosedString, unescapedQuote } from './quotes';
import { badEscape, controlCharacter } from './strings';
import {
  extraData,
  mismatchedBracket,
  missingColon,
  missingComma,
  trailingComma,
  truncated,
} from './structure';
import { missingValue, rawPlaceholder } from './template';
import { comment, leadingZero, nonJsonLiteral, unquotedKey, unquotedValue } from './words';

const DETECTORS: Detector[] = [
  unescapedQuote,
  unclosedString,
  rawPlaceholder,
  missingValue,
  trailingComma,
  singleQuotes,
  comment,
  nonJsonLiteral,
  unquotedKey,
  unquotedValue,
  truncated,
  controlCharacter,
  badEscape,
  leadingZero,
  extraData,
  missingComma,
  missingColon,
  mismatchedBracket,
];

/** Hints for the fallback cause, by what broke. */
function fallbackHint(ctx: DetectContext): { explanation: string; fix: string } {
  const { bytes, failure } = ctx;
  const found = bytes[failure.offset];
  if (found === 0x3c && failure.offset === skipWhitespace(bytes, ctx.start))
    return {
      explanation: ' The body looks like HTML or XML, not JSON — often an error page from a proxy or server.',
      fix: 'Check what produced the body; send the JSON document itself.',
    };
  if (found === 0x2b)
    return { explanation: ' JSON numbers cannot start with `+`.', fix: `Drop the ${code('+')}.` };
  if (failure.expected === 'number')
    return {
      explanation:
        ' A JSON number needs digits after a `-`, after a `.` and in an exponent (`1.5`, `-2`, `1e3`).',
      fix: 'Write the number out in full, or send the value as a string.',
    };
  return {
    explanation: '',
    fix: `Correct the text at ${where(ctx, failure.offset)} so it reads as JSON there.`,
  };
}

/** When nothing specific matched: say plainly what JSON expects at that spot. */
function syntaxError(ctx: DetectContext): Detection {
  const { bytes, failure } = ctx;
  const hint = fallbackHint(ctx);
  return detection('syntax-error', 0.1, failure.offset, {
    title: `Unexpected ${describeAt(bytes, failure.offset)}`,
    explanation: `${failure.message}.${hint.explanation}`,
    fix: hint.fix,
  });
}

/** The causes that explain a syntax error, most likely first (never empty). */
export function detectSyntaxCauses(ctx: DetectContext): Cause[] {
  // A form body under a JSON Content-Type explains everything else that looks wrong in it.
  const form = formEncodedAsJson(ctx);
  if (form) return [form.cause];
  const found: Detection[] = [];
  for (const detect of DETECTORS) {
    const result = detect(ctx);
    if (result) found.push(result);
  }
  if (found.length === 0) found.push(syntaxError(ctx));
  // A stable sort keeps DETECTORS order among equally likely causes.
  found.sort((a, b) => b.score - a.score);
  return found.map((d) => d.cause);
}
