/**
 * Corrupt or foreign files in the data folder: a settings or workspace file
 * that is not JSON, a store that is not SQLite, another program's database,
 * a corrupt database. Each time the app starts anyway with a fresh file, the
 * damaged one is moved aside (never overwritten), and a message names both.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createHookbench,
  type Logger,
  REPLAY_STORE_FILE_NAME,
  STORE_FILE_NAME,
} from '../../electron/core/index';
import { SCHEMA_VERSION } from '../../electron/core/store/schema';
import { runCli, startServe } from '../helpers/cli';
import { sendRaw } from '../helpers/http';
import { testRule } from '../helpers/rules';
import { tempDir } from '../helpers/temp-dir';

describe('damaged files in the data folder', () => {
  let dir: ReturnType<typeof tempDir>;
  let warnings: string[];
  const logger: Logger = { info() {}, warn: (m) => warnings.push(m), error() {} };
  beforeEach(() => {
    dir = tempDir('hookbench-damaged-');
    warnings = [];
  });
  afterEach(() => dir.cleanup());

  const file = (name: string) => join(dir.path, name);
  const asideOf = (name: string) => readdirSync(dir.path).filter((f) => f.startsWith(`${name}.damaged-`));

  /** Opens the core on the folder, checks it captures, and closes it. */
  async function openAndCapture(): Promise<void> {
    const core = await createHookbench({ dataDir: dir.path, receiver: { port: 0 }, logger });
    await core.start();
    const url = (await core.handlers.getReceiverStatus(undefined)).url as string;
    expect((await sendRaw(`${url}after-repair`, { method: 'POST', body: 'ok' })).status).toBe(200);
    expect((await core.handlers.listCaptures({})).items.map((c) => c.path)).toEqual(['/after-repair']);
    await core.close();
  }

  it('settings that are not JSON: moved aside, defaults used, a warning naming both files', async () => {
    const damaged = '{"receiver": {"port": 7700,, "theme": "dark"';
    writeFileSync(file('settings.json'), damaged);
    await openAndCapture();
    const [aside] = asideOf('settings.json');
    expect(aside).toMatch(/^settings\.json\.damaged-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z$/);
    expect(readFileSync(file(aside as string), 'utf8')).toBe(damaged); // kept as it was
    expect(JSON.parse(readFileSync(file('settings.json'), 'utf8'))).toMatchObject({ theme: 'system' });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(
      `The settings file ${file('settings.json')} is damaged (it is not valid JSON`,
    );
    expect(warnings[0]).toContain(`moved to ${file(aside as string)}`);
  });

  it('an empty settings file or one holding a JSON array counts as damaged too', async () => {
    writeFileSync(file('settings.json'), '');
    writeFileSync(file('workspace.json'), '[1, 2, 3]');
    await openAndCapture();
    expect(asideOf('settings.json')).toHaveLength(1);
    expect(asideOf('workspace.json')).toHaveLength(1);
    expect(warnings.join('\n')).toMatch(/settings file .* is damaged \(it is empty\)/);
    expect(warnings.join('\n')).toMatch(
      /workspace \(rules\) file .* is damaged \(it does not hold a JSON object\)/,
    );
  });

  it('a workspace that is not JSON: moved aside and the starter rules take its place', async () => {
    writeFileSync(file('workspace.json'), '\u0000\u0001 not json at all');
    await openAndCapture();
    expect(asideOf('workspace.json')).toHaveLength(1);
    const workspace = JSON.parse(readFileSync(file('workspace.json'), 'utf8')) as { rules: unknown[] };
    expect(workspace.rules.length).toBeGreaterThan(0);
    expect(warnings[0]).toMatch(/The workspace \(rules\) file .*workspace\.json is damaged/);
  });

  it('a hand-edited workspace with one rule id twice keeps the first, drops the later, and says so', async () => {
    const first = testRule({ id: 'rule-twice', name: 'First of the two' });
    const other = testRule({ id: 'rule-other', name: 'Other' });
    const later = testRule({ id: 'rule-twice', name: 'Pasted copy' });
    const text = JSON.stringify({
      rules: [first, other, later],
      fallback: { status: 404, headers: [], body: '' },
    });
    writeFileSync(file('workspace.json'), text);
    const core = await createHookbench({ dataDir: dir.path, receiver: { port: 0 }, logger });
    try {
      const loaded = await core.handlers.getRules(undefined);
      expect(loaded.rules.map((rule) => rule.name)).toEqual(['First of the two', 'Other']);
      const [copy] = readdirSync(dir.path).filter((name) => name.startsWith('workspace.unreadable-'));
      expect(readFileSync(file(copy as string), 'utf8')).toBe(text);
      expect(warnings).toEqual([
        `Rule 3 in ${file('workspace.json')} has the same id "rule-twice" as rule 1 and was left out (rules are told apart by their id, so the first is kept); the file as it was is kept in ${file(copy as string)}.`,
      ]);
      // What the duplicate broke: the order can be saved, and deleting takes one rule, not two.
      const reordered = await core.handlers.reorderRules({ ids: ['rule-other', 'rule-twice'] });
      expect(reordered.rules.map((rule) => rule.name)).toEqual(['Other', 'First of the two']);
      const left = await core.handlers.deleteRule({ id: 'rule-twice' });
      expect(left.rules.map((rule) => rule.id)).toEqual(['rule-other']);
    } finally {
      await core.close();
    }
  });

  it('a store that is not SQLite: moved aside with its WAL, a new store is started', async () => {
    const junk = 'this is a text file, not a database\n'.repeat(200);
    writeFileSync(file(STORE_FILE_NAME), junk);
    writeFileSync(file(`${STORE_FILE_NAME}-wal`), 'stray wal');
    await openAndCapture();
    const moved = asideOf(STORE_FILE_NAME);
    expect(moved.sort()).toEqual([
      expect.stringMatching(/\.damaged-[\dT-]+Z$/),
      expect.stringMatching(/-wal$/),
    ]);
    expect(readFileSync(file(moved[0] as string), 'utf8')).toBe(junk);
    expect(warnings[0]).toBe(
      `The capture store ${file(STORE_FILE_NAME)} cannot be used (it is not an SQLite database). It was moved to ${file(moved[0] as string)} and Hookbench started with a new, empty one.`,
    );
  });

  it('a replay results store that is not SQLite: moved aside too, and replays are stored anew', async () => {
    writeFileSync(file(REPLAY_STORE_FILE_NAME), 'not a database at all\n'.repeat(50));
    await openAndCapture();
    const [aside] = asideOf(REPLAY_STORE_FILE_NAME);
    expect(readFileSync(file(aside as string), 'utf8')).toBe('not a database at all\n'.repeat(50));
    expect(warnings[0]).toBe(
      `The replay results store ${file(REPLAY_STORE_FILE_NAME)} cannot be used (it is not an SQLite database). It was moved to ${file(aside as string)} and Hookbench started with a new, empty one.`,
    );
  });

  it("another program's SQLite database is not taken over: moved aside", async () => {
    const db = new DatabaseSync(file(STORE_FILE_NAME));
    db.exec("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Ada')");
    db.close();
    await openAndCapture();
    const [aside] = asideOf(STORE_FILE_NAME);
    const foreign = new DatabaseSync(file(aside as string), { readOnly: true });
    expect(foreign.prepare('SELECT name FROM contacts').all()).toEqual([{ name: 'Ada' }]);
    foreign.close();
    expect(warnings[0]).toMatch(/it is an SQLite database of another program/);
  });

  it('a corrupt store is moved aside instead of failing every start', async () => {
    const core = await createHookbench({ dataDir: dir.path, receiver: { port: 0 } });
    await core.close();
    const bytes = readFileSync(file(STORE_FILE_NAME));
    bytes.fill(0x5a, 100, 4096); // the schema page
    writeFileSync(file(STORE_FILE_NAME), bytes);
    await openAndCapture();
    expect(asideOf(STORE_FILE_NAME)).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /cannot be used \(the database is corrupt \(database disk image is malformed\)\)/,
    );
  });

  it('hookbench serve prints the warnings on stderr and starts', async () => {
    writeFileSync(file('settings.json'), '{oops');
    writeFileSync(file(STORE_FILE_NAME), 'not sqlite');
    const serve = await startServe(['--port', '0', '--ui-port', '0', '--data', dir.path]);
    const output = serve.output();
    expect(await serve.stop()).toBe(0);
    expect(output).toMatch(
      /warning: The settings file .*settings\.json is damaged .* moved to .*settings\.json\.damaged-/,
    );
    expect(output).toMatch(
      /warning: The capture store .*captures\.sqlite cannot be used \(it is not an SQLite database\)/,
    );
    expect(asideOf('settings.json')).toHaveLength(1);
    expect(asideOf(STORE_FILE_NAME)).toHaveLength(1);
  });

  it('a store from a newer Hookbench is neither moved nor changed: serve refuses in one line naming it', () => {
    const db = new DatabaseSync(file(STORE_FILE_NAME));
    db.exec('CREATE TABLE captures (id INTEGER PRIMARY KEY); PRAGMA user_version = 99');
    db.close();
    const before = readFileSync(file(STORE_FILE_NAME));
    const result = runCli(['serve', '--port', '0', '--ui-port', '0', '--data', dir.path]);
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(
      `hookbench: Cannot open the capture store ${file(STORE_FILE_NAME)}: The capture store was written by a newer Hookbench (schema 99, this version knows ${SCHEMA_VERSION}).`,
    );
    expect(readFileSync(file(STORE_FILE_NAME)).equals(before)).toBe(true);
    expect(asideOf(STORE_FILE_NAME)).toEqual([]);
    expect(existsSync(file(STORE_FILE_NAME))).toBe(true);
  });
});
