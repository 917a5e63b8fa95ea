import { describe, expect, it } from 'vitest';
import { formatDiagnosis } from '../../../electron/core/doctor/index';
import { diagnoseBody } from './helpers';

describe('formatDiagnosis', () => {
  it('says valid JSON and the top-level type', () => {
    expect(formatDiagnosis(diagnoseBody('{"a":1}'))).toBe('valid JSON (object)');
    expect(formatDiagnosis(diagnoseBody('[1]'))).toBe('valid JSON (array)');
  });

  it('prints the error line, the excerpt with its caret, then each cause with its fix', () => {
    const text = formatDiagnosis(diagnoseBody('{\n  "level_name": "My level with " inside"\n}'));
    const lines = text.split('\n');
    expect(lines[0]).toBe(
      "invalid JSON at line 2, column 34 (byte 35): Expected ',' or '}' after a property value, found 'i'",
    );
    expect(lines[2]).toBe('      "level_name": "My level with " inside"');
    expect(lines[3]).toBe(`    ${' '.repeat(33)}^`);
    expect(lines[5]).toBe('1. A quote inside a text value is not escaped (line 2, column 32)');
    expect(lines[6]).toMatch(/^ {3}The value/);
    expect(lines[7]).toMatch(/^ {3}Fix: Escape the quote as \\": `"level_name": "My level with \\" inside"`/);
  });

  it('lists warnings after the verdict', () => {
    const text = formatDiagnosis(diagnoseBody('{"user": "{{state.user_id}}"}'));
    expect(text.split('\n')[0]).toBe('valid JSON (object)');
    expect(text).toContain('warning: A placeholder was not rendered (line 1, column 11)');
  });

  it('says when a body is not JSON', () => {
    expect(
      formatDiagnosis(diagnoseBody('a=1&b=2', { contentType: 'application/x-www-form-urlencoded' })),
    ).toMatch(/^not JSON: The body is form-encoded/);
  });
});
