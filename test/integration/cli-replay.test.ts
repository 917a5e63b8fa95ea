import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { importRequests, runCliAsync } from '../helpers/cli';
import { recordingServer } from '../helpers/recording-server';
import { tempDir } from '../helpers/temp-dir';

describe('hookbench replay: ids that do not exist and unusable stores (built CLI, real HTTP)', () => {
  let target: Awaited<ReturnType<typeof recordingServer>>;
  let dir: ReturnType<typeof tempDir>;
  let data: string;
  beforeAll(async () => {
    target = await recordingServer();
  });
  afterAll(() => target.close());
  beforeEach(() => {
    dir = tempDir();
    data = join(dir.path, 'data');
    importRequests(data, join(dir.path, 'seed.har'), [
      { path: '/one', body: '{"n":1}' },
      { path: '/two', body: '{"n":2}' },
    ]);
    target.received.length = 0;
  });
  afterEach(() => dir.cleanup());

  const replay = (...args: string[]) => runCliAsync(['replay', '--data', data, '--to', target.url, ...args]);

  it('names the ids that are not captures and sends nothing (exit 2)', async () => {
    const none = await replay('--id', '999');
    expect(none.stderr).toBe(`hookbench: No capture has id 999 in ${data}; nothing was replayed.\n`);
    expect(none.status).toBe(2);
    const some = await replay('--id', '1', '--id', '999', '--id', '998');
    expect(some.stderr).toBe(`hookbench: No captures have ids 999, 998 in ${data}; nothing was replayed.\n`);
    expect(some.status).toBe(2);
    expect(target.received).toHaveLength(0);

    const ok = await replay('--id', '2', '--id', '1');
    expect(ok.status).toBe(0);
    expect(target.received.map((r) => r.url)).toEqual(['/two', '/one']);
  });

  it('never prints the password of a target URL, in lines or errors, while sending it', async () => {
    const withLogin = target.url.replace('http://', 'http://alice:s3cret@');
    const sent = await runCliAsync(['replay', '--data', data, '--to', `${withLogin}/api`, '--id', '1']);
    expect(sent.status).toBe(0);
    expect(sent.stdout).toContain(
      `#1 POST ${target.url.replace('http://', 'http://alice:***@')}/api/one → 200`,
    );
    expect(target.received.at(-1)?.rawHeaders).toEqual(
      expect.arrayContaining([`Basic ${Buffer.from('alice:s3cret').toString('base64')}`]),
    );
    // Nothing listens on port 9 here: the error names the URL, password masked.
    const refused = await runCliAsync([
      'replay',
      '--data',
      data,
      '--to',
      'http://bob:hunter2@127.0.0.1:9',
      '--id',
      '1',
    ]);
    expect(refused.status).toBe(1);
    expect(refused.stdout).toContain('http://bob:***@127.0.0.1:9/one');
    expect(`${sent.stdout}${sent.stderr}${refused.stdout}${refused.stderr}`).not.toMatch(/s3cret|hunter2/);
  });

  it('a store that is not a database is named in plain words (exit 2) and left as it was', async () => {
    writeFileSync(join(data, 'replays.sqlite'), 'not a database');
    const replays = await replay('--all');
    expect(replays.stderr).toBe(
      `hookbench: Cannot store replay results in ${join(data, 'replays.sqlite')}: file is not a database. Move that file out of the data folder (Hookbench starts a new one) and run again.\n`,
    );
    expect(replays.status).toBe(2);
    expect(readFileSync(join(data, 'replays.sqlite'), 'utf8')).toBe('not a database');

    writeFileSync(join(data, 'captures.sqlite'), 'not a database either');
    const captures = await replay('--all');
    expect(captures.stderr).toBe(
      `hookbench: Cannot read the capture store ${join(data, 'captures.sqlite')}: file is not a database.\n`,
    );
    expect(captures.status).toBe(2);
    expect(target.received).toHaveLength(0);
  });
});
