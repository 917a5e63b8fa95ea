import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHookbench, type HookbenchCore, STORE_FILE_NAME } from '../../electron/core/index';
import { sendRaw } from '../helpers/http';
import { tempDir } from '../helpers/temp-dir';

const BATCH = '[{"id_sms":3234,"time":"2011-01-01 12:57:46","state":"deliver"}]';
const json = (encoding: string): [string, string][] => [
  ['Content-Type', 'application/json'],
  ['Content-Encoding', encoding],
];

describe('searching reads a body as its sender meant it', () => {
  let dir: ReturnType<typeof tempDir>;
  let core: HookbenchCore;
  let base: string;

  const open = async () => {
    core = await createHookbench({ dataDir: dir.path, receiver: { port: 0 } });
    await core.start();
    base = ((await core.handlers.getReceiverStatus(undefined)).url as string).replace(/\/$/, '');
  };
  const post = async (path: string, body: Buffer, headers: [string, string][]) => {
    await sendRaw(`${base}${path}`, { method: 'POST', headers, body });
    return (await core.handlers.listCaptures({ limit: 1 })).items[0]?.id as number;
  };
  const encodings = () => {
    const db = new DatabaseSync(join(dir.path, STORE_FILE_NAME), { readOnly: true });
    const rows = db.prepare('SELECT capture_id, encoding FROM capture_bodies ORDER BY capture_id').all();
    db.close();
    return rows.map((row) => ({ ...row }));
  };
  const find = async (filter: string) =>
    (await core.handlers.listCaptures({ filter, limit: 100 })).items.map((c) => c.id).sort((a, b) => a - b);

  beforeEach(async () => {
    dir = tempDir();
    await open();
  });
  afterEach(async () => {
    await core.close();
    dir.cleanup();
  });

  it('finds gzip, deflate and br bodies by body text, free text and JSON path; a body that does not decode as stored', async () => {
    const gzip = await post('/sms/gz', gzipSync(BATCH), json('gzip'));
    const deflate = await post('/sms/deflate', deflateSync(BATCH), json('Deflate '));
    const br = await post('/sms/br', brotliCompressSync(BATCH), json('br'));
    const plain = await post('/sms/plain', Buffer.from(BATCH), [['Content-Type', 'application/json']]);
    const identity = await post('/sms/identity', Buffer.from(BATCH), json('identity'));
    // Says gzip, is not: searched as the bytes that arrived, never an error.
    const lying = await post('/sms/lying', Buffer.from('{"state":"sent","id_sms":1}'), json('gzip'));

    const all = [gzip, deflate, br, plain, identity].sort((a, b) => a - b);
    expect(await find('body:"\\"state\\":\\"deliver\\""')).toEqual(all);
    expect(await find('id_sms')).toEqual([...all, lying].sort((a, b) => a - b));
    expect(await find('$[*].id_sms=3234')).toEqual(all);
    expect(await find('$[0].state=deliver path:/sms/gz')).toEqual([gzip]);
    expect(await find('$.id_sms=1')).toEqual([lying]);
    expect(await find('body:sent')).toEqual([lying]);

    const exported = await core.handlers.exportCaptures({ format: 'ndjson', filter: '$[*].id_sms=3234' });
    expect(exported.count).toBe(all.length);
  });

  it('finds text as senders escape it: \\u escapes in JSON, percent-encoding in queries and forms', async () => {
    const escaped = await post(
      '/push',
      Buffer.from(
        JSON.stringify({ text: 'Здравствуйте' }).replace(
          /[^\x20-\x7e]/g,
          (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
        ),
      ),
      [['Content-Type', 'application/json']],
    );
    const form = await post('/form', Buffer.from('season=Fr%C3%BChling&x=1'), [
      ['Content-Type', 'application/x-www-form-urlencoded'],
    ]);
    const query = await post('/reverse?campaign_name=Caf%C3%A9+Flow', Buffer.from(''), []);
    expect(await find('Здравствуйте')).toEqual([escaped]);
    expect(await find('body:Frühling')).toEqual([form]);
    expect(await find('"Café Flow"')).toEqual([query]);
    expect(await find('path:Café')).toEqual([query]);
  });

  it('an id_sms past 2^53 is matched digit for digit, as a number or as a string', async () => {
    const json = [['Content-Type', 'application/json']] as [string, string][];
    const big = await post('/s', Buffer.from('[{"id_sms":9007199254740993,"state":"send"}]'), json);
    const neighbour = await post('/s', Buffer.from('[{"id_sms":9007199254740992,"state":"send"}]'), json);
    const huge = await post('/s', Buffer.from('{"id_sms":12345678901234567891}'), json);
    const quoted = await post('/s', Buffer.from('{"id_sms":"12345678901234567891"}'), json);
    expect(await find('$[*].id_sms=9007199254740993')).toEqual([big]);
    expect(await find('$[*].id_sms=9007199254740992')).toEqual([neighbour]);
    expect(await find('$.id_sms=12345678901234567891')).toEqual([huge, quoted]);
    expect(await find('$.id_sms=12345678901234567890')).toEqual([]);
    expect(await find('$[*].id_sms!=9007199254740993')).toEqual([neighbour]);
  });

  it('an older store learns its bodies’ encodings when it is opened', async () => {
    const gzip = await post('/sms/gz', gzipSync(BATCH), json('x-gzip'));
    await post('/sms/plain', Buffer.from('{"other":true}'), [['Content-Type', 'application/json']]);
    await core.close();
    // Back to schema 4, as a store written before the encoding column existed.
    const db = new DatabaseSync(join(dir.path, STORE_FILE_NAME));
    db.exec('ALTER TABLE capture_bodies DROP COLUMN encoding; PRAGMA user_version = 4;');
    db.close();

    await open();
    expect(await find('$[*].state=deliver')).toEqual([gzip]);
    expect(encodings()).toEqual([
      { capture_id: gzip, encoding: 'x-gzip' },
      { capture_id: gzip + 1, encoding: null },
    ]);
  });

  it('a store a development build left at schema 5 (encoding kept with the capture) is moved over', async () => {
    const gzip = await post('/sms/gz', gzipSync(BATCH), json('gzip'));
    await core.close();
    const db = new DatabaseSync(join(dir.path, STORE_FILE_NAME));
    db.exec(`ALTER TABLE capture_bodies DROP COLUMN encoding;
      ALTER TABLE captures ADD COLUMN content_encoding TEXT;
      UPDATE captures SET content_encoding = 'gzip' WHERE id = ${gzip};
      PRAGMA user_version = 5;`);
    db.close();

    await open();
    expect(await find('$[*].state=deliver')).toEqual([gzip]);
    expect(encodings()).toEqual([{ capture_id: gzip, encoding: 'gzip' }]);
    const check = new DatabaseSync(join(dir.path, STORE_FILE_NAME), { readOnly: true });
    const columns = check.prepare("SELECT name FROM pragma_table_info('captures')").all();
    check.close();
    expect(columns.map((c) => c.name)).not.toContain('content_encoding');
  });
});
