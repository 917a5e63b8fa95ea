/**
 * What the scanner reports: where it stood, what broke, and the context around the break
 * that the cause detectors read.
 */
import { describeAt } from './bytes';
import type { TopLevelType } from './types';

/** Where the scanner stood between tokens. */
export type StructuralExpectation =
  | 'document'
  | 'property-value'
  | 'first-element'
  | 'next-element'
  | 'first-key'
  | 'next-key'
  | 'colon'
  | 'object-comma'
  | 'array-comma'
  | 'end';

/** What the scanner expected at the error: a structural position, or the inside of a token. */
export type Expectation = StructuralExpectation | 'string' | 'escape' | 'number' | 'literal';

export type ScanProblem =
  | 'unexpected-character'
  | 'unexpected-end'
  | 'control-character'
  | 'bad-escape'
  | 'leading-zero';

export type TokenKind = 'string' | 'number' | 'literal' | 'open' | 'close' | 'comma' | 'colon';

export interface Token {
  kind: TokenKind;
  start: number;
  end: number;
  /** A string used as a property name. */
  isKey: boolean;
}

export interface ScanFailure {
  ok: false;
  /** Byte offset of the offending byte; the body length when the body ended too soon. */
  offset: number;
  problem: ScanProblem;
  expected: Expectation;
  /** The structural position where the failing token started (equals `expected` between tokens). */
  context: StructuralExpectation;
  message: string;
  /** Start of the token being read when it failed (a string's opening quote, a number's sign…). */
  tokenStart: number;
  /** The last complete token before the error. */
  previous: Token | null;
  /** The most recent property name (its quotes included). */
  lastKey: { start: number; end: number } | null;
  /** Offsets of the `{` and `[` still open, outermost first. */
  open: Int32Array;
}

export interface ScanSuccess {
  ok: true;
  topLevel: TopLevelType;
  /** Where the value starts and ends (trailing whitespace excluded). */
  start: number;
  end: number;
}

export type ScanResult = ScanSuccess | ScanFailure;

export const EXPECTED_TEXT: Record<StructuralExpectation, string> = {
  document: 'a JSON value',
  'property-value': "a value after ':'",
  'first-element': "a value or ']'",
  'next-element': "a value after ','",
  'first-key': "a property name in double quotes or '}'",
  'next-key': "a property name in double quotes after ','",
  colon: "':' after the property name",
  'object-comma': "',' or '}' after a property value",
  'array-comma': "',' or ']' after an array element",
  end: 'the end of the body after the JSON value',
};

/** "Expected …, found …" for an error between tokens. */
export function expectedMessage(bytes: Uint8Array, expected: StructuralExpectation, offset: number): string {
  return `Expected ${EXPECTED_TEXT[expected]}, found ${describeAt(bytes, offset)}`;
}
