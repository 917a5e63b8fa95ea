import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { harText, importRequests, runCli } from '../helpers/cli';
import { tempDir } from '../helpers/temp-dir';

describe('hookbench import (built CLI, real files)', () => {
  let dir: ReturnType<typeof tempDir>;
  let data: string;
  let har: string;
  beforeEach(() => {
    dir = tempDir();
    data = join(dir.path, 'data');
    har = join(dir.path, 'in.har');
    importRequests(data, har, [{ path: '/hook', body: '{"a":1}' }]);
  });
  afterEach(() => dir.cleanup());

  const exported = () => runCli(['export', '--data', data]).stdout.trim().split('\n').filter(Boolean);

  it('says on stderr when a damaged workspace or settings file was moved aside', () => {
    writeFileSync(join(data, 'workspace.json'), '{"rules": [');
    writeFileSync(join(data, 'settings.json'), 'not json');
    const result = runCli(['import', har, '--data', data]);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(
      /warning: The workspace \(rules\) file .*workspace\.json is damaged .* moved to .*workspace\.json\.damaged-/,
    );
    expect(result.stderr).toMatch(/warning: The settings file .*settings\.json is damaged .* moved to /);
    expect(readdirSync(data).filter((name) => name.includes('.damaged-'))).toHaveLength(2);
    expect(exported()).toHaveLength(2);
  });

  it('a damaged composer file stops the import (exit 2) before any file is moved or changed', () => {
    writeFileSync(join(data, 'composer.json'), '{"requests": [');
    writeFileSync(join(data, 'settings.json'), 'not json');
    const before = readdirSync(data).sort();
    const result = runCli(['import', har, '--data', data]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(
      /^hookbench: The composer file .*composer\.json is damaged \(it is not valid JSON .*\)\. Nothing was changed: repair it, or move it out of /,
    );
    expect(readdirSync(data).sort()).toEqual(before);
    expect(readFileSync(join(data, 'settings.json'), 'utf8')).toBe('not json');
  });

  it('names the HAR entry and field that is wrong', () => {
    const broken = JSON.parse(harText([{ path: '/a' }, { path: '/b' }]));
    broken.log.entries[1].request.headers = { 'Content-Type': 'application/json' };
    writeFileSync(har, JSON.stringify(broken));
    const result = runCli(['import', har, '--data', data]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      'hookbench: HAR entry 2 cannot be imported: request.headers is not a list of {"name", "value"} headers.\n',
    );
    expect(exported()).toHaveLength(1);
  });

  it('imports its own NDJSON export (the default format) into another data folder, line for line', () => {
    const file = join(dir.path, 'all.ndjson');
    writeFileSync(file, runCli(['export', '--data', data]).stdout);
    const other = join(dir.path, 'other');
    const result = runCli(['import', file, '--data', other]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const again = runCli(['export', '--data', other]).stdout.trim().split('\n');
    // The same lines, but for the note that says where the capture came from.
    const strip = (line: string) => ({ ...JSON.parse(line), findings: [] });
    expect(again.map(strip)).toEqual(exported().map(strip));
  });

  it('refuses binary input without echoing its bytes', () => {
    for (const [bytes, reason] of [
      [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0xfe]), 'it is not UTF-8 text'],
      [Buffer.from('\u0000\u0001\u0002{"log"', 'utf8'), 'it holds binary data, not JSON text'],
    ] as const) {
      writeFileSync(har, bytes);
      const result = runCli(['import', har, '--data', data]);
      expect(result.status).toBe(2);
      expect(result.stderr).toBe(`hookbench: ${har} is not a HAR or NDJSON file: ${reason}.\n`);
    }
  });

  it('accepts a HAR file that starts with a UTF-8 byte order mark', () => {
    writeFileSync(har, `\ufeff${harText([{ path: '/bom', body: '{}' }])}`);
    const result = runCli(['import', har, '--data', data]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(exported().map((line) => JSON.parse(line).path)).toEqual(['/hook', '/bom']);
  });

  it('says in plain words (exit 2) when the file is a folder or --data is a file', () => {
    const folder = runCli(['import', dir.path, '--data', data]);
    expect(folder.status).toBe(2);
    expect(folder.stderr).toBe(`hookbench: Cannot read ${dir.path}: it is a folder.\n`);
    const dataIsFile = runCli(['import', har, '--data', har]);
    expect(dataIsFile.status).toBe(2);
    expect(dataIsFile.stderr).toBe(
      `hookbench: --data ${har} is a file, not a folder: give the folder that holds captures.sqlite.\n`,
    );
  });
});
