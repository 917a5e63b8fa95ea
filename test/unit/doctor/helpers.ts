import { expect } from 'vitest';
import {
  type Cause,
  type DiagnoseInput,
  type Diagnosis,
  diagnose,
} from '../../../electron/core/doctor/index';

const encoder = new TextEncoder();

export type InvalidDiagnosis = Extract<Diagnosis, { valid: false }>;

/** Diagnoses text (UTF-8 encoded) or raw bytes; the content type defaults to application/json. */
export function diagnoseBody(
  body: string | Uint8Array,
  options: Omit<DiagnoseInput, 'body'> = {},
): Diagnosis {
  const bytes = typeof body === 'string' ? encoder.encode(body) : body;
  return diagnose({ contentType: 'application/json', ...options, body: bytes });
}

/** Diagnoses a body that must be invalid and returns the narrowed result. */
export function invalid(
  body: string | Uint8Array,
  options: Omit<DiagnoseInput, 'body'> = {},
): InvalidDiagnosis {
  const result = diagnoseBody(body, options);
  if (result.valid) throw new Error(`expected invalid JSON, got ${JSON.stringify(result)}`);
  return result;
}

/** The character the caret points at in the excerpt ('' when it points past the end). */
export function charUnderCaret(result: InvalidDiagnosis): string {
  const { excerpt, caret } = result.error;
  expect(caret).toMatch(/^[ \t]*\^$/);
  return Array.from(excerpt)[caret.length - 1] ?? '';
}

/** Asserts where the error is: 1-based line and column, byte offset, and what the caret points at. */
export function expectErrorAt(
  result: InvalidDiagnosis,
  at: { line: number; column: number; offset: number; under: string },
): void {
  const { line, column, offset } = result.error;
  expect({ line, column, offset }).toEqual({ line: at.line, column: at.column, offset: at.offset });
  expect(charUnderCaret(result)).toBe(at.under);
}

/** The cause with this id (fails when it is missing). */
export function cause(result: InvalidDiagnosis, id: Cause['id']): Cause {
  const found = result.causes.find((c) => c.id === id);
  if (!found) throw new Error(`no ${id} cause among ${result.causes.map((c) => c.id).join(', ')}`);
  return found;
}

export function causeIds(result: InvalidDiagnosis): string[] {
  return result.causes.map((c) => c.id);
}
