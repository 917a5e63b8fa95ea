import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCliAsync } from '../helpers/cli';
import { type Received, recordingServer } from '../helpers/recording-server';
import { tempDir } from '../helpers/temp-dir';

/** Each refused call: its arguments and the start of the one line it must print. */
const REFUSED: [string[], string][] = [
  [['send', '--timeout', '700000'], '--timeout needs a whole number from 1 to 600000, got "700000".'],
  [['send', '-H', 'Bad Name: v'], '-H "Bad Name: v": "Bad Name" is not a header name;'],
  [['send', '--count', '1e10'], '--count needs a whole number from 1 to 1000000, got "1e10".'],
  [['send', '--rate', '1e-9'], '--rate needs a number from 0.001 to 100000, got "1e-9".'],
  [['simulate', 'reverse', '--count', '1e10'], '--count needs a whole number from 1 to 1000000'],
  [['simulate', 'reverse', '--count', '0.5'], '--count needs a whole number from 1 to 1000000, got "0.5".'],
  [['simulate', 'reverse', '--rate', '0'], '--rate needs a number from 0.001 to 100000, got "0".'],
  [['simulate', 'sdk', '--count', '0'], '--count needs a whole number from 1 to 10000, got "0".'],
  [
    ['simulate', 'sms-status', '--ids', '1', '--attempts', '0.5'],
    '--attempts needs a whole number from 1 to 100',
  ],
  [['simulate', 'sms-status', '--ids', ' , ,'], '--ids needs at least one SMS id, like --ids 3234,3235'],
  [
    ['simulate', 'sms-status', '--ids', '1', '--timeout-ms', '1e12'],
    '--timeout-ms needs a whole number from 1 to 600000',
  ],
  [
    ['simulate', 'sms-status', '--ids', '1', '--interval-ms', '1e12'],
    '--interval-ms needs a whole number from 0 to 86400000',
  ],
  [
    ['simulate', 'sms-status', '--ids', '007'],
    '--ids: "007" is not an SMS id; ids are whole numbers written without leading zeros',
  ],
  [['simulate', 'sms-status', '--ids', '12a'], '--ids: "12a" is not an SMS id'],
  [
    ['simulate', 'sms-status', '--ids', '1', '--state', 'bogus'],
    "--state must be one of the gateway's states: send, not_deliver, expired, deliver, read, partly_deliver",
  ],
  [
    ['simulate', 'reverse', '--ids', '1,2', '--type', 'PUSH', '--attempts', '3'],
    '--ids (for sms-status), --type (for sdk) and --attempts (for sms-status) do not apply to simulate reverse.',
  ],
  [['simulate', 'sdk', '--method', 'GET'], '--method (for reverse) does not apply to simulate sdk.'],
  [
    ['simulate', 'sdk', '--token', 'a\nb'],
    "--token: The Authorization header's value has a control character (U+000A), which a header cannot carry",
  ],
  [['simulate', 'sdk', '--bogus'], "Unknown option '--bogus' (see hookbench simulate --help)."],
  [['send', '--count', '-5'], '--count needs a value; one that starts with a dash is written --count=-1'],
];

describe('CLI flags are checked in the CLI: exit 2 naming the flag and its range, nothing sent', () => {
  let target: Awaited<ReturnType<typeof recordingServer>>;
  let dir: ReturnType<typeof tempDir>;
  beforeAll(async () => {
    target = await recordingServer((req: Received, res) => {
      // Acknowledges every id it was sent, digit for digit, as the gateway's contract asks.
      const ids = [...req.body.toString().matchAll(/"id_sms":(\d+)/g)].map((m) => `{"id_sms":${m[1]}}`);
      res.end(`[${ids.join(',')}]`);
    });
  });
  afterAll(() => target.close());
  beforeEach(() => {
    dir = tempDir();
    target.received.length = 0;
  });
  afterEach(() => dir.cleanup());

  it.each(REFUSED)('%j', async (args, message) => {
    const result = await runCliAsync([...args, '--to', target.url]);
    expect(result.stderr).toMatch(/^hookbench: /);
    expect(result.stderr.slice('hookbench: '.length)).toContain(message);
    expect(result.stderr).not.toMatch(/timeoutMs|ratePerSecond|Invalid array length|\n\s+at /);
    expect(result.status).toBe(2);
    expect(target.received).toHaveLength(0);
  });

  it('every kind takes --insecure (the words for a self-signed target point to it)', async () => {
    for (const kind of [['sms-status', '--ids', '1'], ['reverse'], ['sdk']]) {
      const result = await runCliAsync(['simulate', ...kind, '--insecure', '--to', target.url]);
      expect(result.stderr).not.toMatch(/Unknown option|does not apply/);
      expect(result.status === 0 || result.status === 1).toBe(true);
    }
    expect(target.received).toHaveLength(3);
  });

  it('sms-status sends every id as a JSON number with all its digits, and a gateway state', async () => {
    const result = await runCliAsync([
      'simulate',
      'sms-status',
      '--to',
      target.url,
      '--ids',
      '0, 3234,12345678901234567890',
      '--state',
      'partly_deliver',
      '--attempts',
      '1',
    ]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const body = target.received[0]?.body.toString() ?? '';
    expect(() => JSON.parse(body)).not.toThrow();
    expect(body).toMatch(/^\[\{"id_sms":0,.*\{"id_sms":3234,.*\{"id_sms":12345678901234567890,/);
    expect(body).toContain('"state":"partly_deliver"');
  });

  it('send keeps every digit of --state numbers beyond 2^53 and the spelling of 1E400', async () => {
    const state = join(dir.path, 'state.json');
    writeFileSync(state, '{"id": 123456789012345678901234567890, "big": 1E400}');
    const template = join(dir.path, 'body.json');
    writeFileSync(template, '{"id":{{state.id}},"big":{{state.big}},"text":"{{state.big}}"}');
    const result = await runCliAsync(['send', template, '--state', state, '--to', target.url]);
    expect(result.status).toBe(0);
    expect(target.received[0]?.body.toString()).toBe(
      '{"id":123456789012345678901234567890,"big":1E400,"text":"1E400"}',
    );
  });

  it('replay --rate and --concurrency name the flag, not the core field', async () => {
    for (const [flag, value, message] of [
      ['--rate', '0', '--rate needs a number from 0.001 to 100000, got "0".'],
      ['--concurrency', '0', '--concurrency needs a whole number from 1 to 500, got "0".'],
    ] as const) {
      const result = await runCliAsync([
        'replay',
        '--data',
        dir.path,
        '--all',
        '--to',
        target.url,
        flag,
        value,
      ]);
      expect(result.stderr).toBe(`hookbench: ${message}\n`);
      expect(result.status).toBe(2);
    }
  });
});
