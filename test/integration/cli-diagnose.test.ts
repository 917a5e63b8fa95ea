import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Diagnosis } from '../../electron/core/doctor/index';
import { runCli } from '../helpers/cli';
import { tempDir } from '../helpers/temp-dir';

const SEED_RENDERED_RAW =
  '{\n\t"saw_template_id": "1204",\n\t"level_name": "My level with " inside",\n\t"brand": "main"\n}';

describe('hookbench diagnose (built CLI, as a child process)', () => {
  let dir: ReturnType<typeof tempDir>;
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => dir.cleanup());

  function file(name: string, content: string | Uint8Array): string {
    const path = join(dir.path, name);
    writeFileSync(path, content);
    return path;
  }

  it('exits 0 and says "valid JSON (object)" for a valid file', () => {
    const result = runCli(['diagnose', file('ok.json', '{"id_sms": 12345678901234567890}')]);
    expect(result.status).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe('valid JSON (object)');
    expect(result.stderr).toBe('');
  });

  it('exits 1 and explains the broken seed body: position, excerpt, caret, cause and fix', () => {
    const result = runCli(['diagnose', file('seed.json', SEED_RENDERED_RAW)]);
    expect(result.status).toBe(1);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe(
      "invalid JSON at line 3, column 33 (byte 62): Expected ',' or '}' after a property value, found 'i'",
    );
    expect(lines[2]).toBe('    \t"level_name": "My level with " inside",');
    expect(lines[3]).toBe(`    \t${' '.repeat(31)}^`);
    expect(lines[5]).toBe('1. A quote inside a text value is not escaped (line 3, column 31)');
    expect(result.stdout).toContain(
      'Fix: Escape the quote as \\": `"level_name": "My level with \\" inside"`',
    );
    expect(result.stderr).toBe('');
  });

  it('reads standard input with -', () => {
    const valid = runCli(['diagnose', '-'], '[{"id_sms":3234,"state":"deliver"}]');
    expect(valid.status).toBe(0);
    expect(valid.stdout.trim()).toBe('valid JSON (array)');
    const broken = runCli(['diagnose', '-'], '[1,2,]');
    expect(broken.status).toBe(1);
    expect(broken.stdout).toMatch(/^invalid JSON at line 1, column 6 \(byte 5\): /);
  });

  it('prints the Diagnosis as JSON with --json', () => {
    const result = runCli(['diagnose', '-', '--json'], '{"a": 1,}');
    expect(result.status).toBe(1);
    const diagnosis = JSON.parse(result.stdout) as Diagnosis;
    expect(diagnosis.valid).toBe(false);
    if (!diagnosis.valid) {
      expect(diagnosis.error).toMatchObject({ line: 1, column: 9, offset: 8 });
      expect(diagnosis.causes[0]?.id).toBe('trailing-comma');
    }
  });

  it('passes --content-type and --content-length to the doctor', () => {
    const form = runCli(['diagnose', '-', '--content-type', 'application/x-www-form-urlencoded'], 'a=1&b=2');
    expect(form.status).toBe(0);
    expect(form.stdout).toMatch(/^not JSON: /);
    const cut = runCli(['diagnose', '-', '--content-length', '100'], '{"login": "1231');
    expect(cut.status).toBe(1);
    expect(cut.stdout).toContain('Received 15 of 100 bytes');
  });

  it('reads the file as raw bytes, so invalid UTF-8 is reported with its offset', () => {
    const path = file('latin1.json', Uint8Array.from([0x5b, 0x22, 0x43, 0x61, 0x66, 0xe9, 0x22, 0x5d]));
    const result = runCli(['diagnose', path]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(
      'invalid JSON at line 1, column 6 (byte 5): Expected UTF-8 text, found byte 0xE9',
    );
  });

  it('exits 2 with one plain line on stderr for a missing file', () => {
    const result = runCli(['diagnose', join(dir.path, 'missing.json')]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`hookbench: Cannot read ${join(dir.path, 'missing.json')}: no such file.\n`);
    expect(result.stderr).not.toMatch(/\bat .+:\d+:\d+/);
  });

  it('exits 2 on bad usage: no file, two files, a folder, an unknown option', () => {
    for (const args of [
      ['diagnose'],
      ['diagnose', 'a', 'b'],
      ['diagnose', dir.path],
      ['diagnose', '-', '--bogus'],
    ]) {
      const result = runCli(args, '');
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(result.stderr).toMatch(/^hookbench: /);
    }
  });

  it('documents itself in --help and the command list', () => {
    const help = runCli(['diagnose', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^hookbench diagnose FILE\|-/);
    expect(runCli(['--help']).stdout).toMatch(/^ {2}diagnose /m);
  });
});
