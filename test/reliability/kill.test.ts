/**
 * Durability under SIGKILL: `hookbench serve` runs as a real child process,
 * takes a load of uniquely numbered POSTs over 50 keep-alive connections, and
 * is killed with SIGKILL in the middle of it — three times, at different
 * points, on the same data folder. Every request whose sender got a 2xx must
 * then be in the store with exactly the bytes sent, and the store must open
 * again without any repair.
 */
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { STORE_FILE_NAME } from '../../electron/core/index';
import { type ServeProcess, startServe } from '../helpers/cli';
import { sendRaw } from '../helpers/http';
import { tempDir } from '../helpers/temp-dir';

const CONNECTIONS = 50;
/** Requests offered per round, and after how many acknowledgements the server is killed. */
const ROUNDS = [
  { requests: 6000, killAfter: 1000 },
  { requests: 6000, killAfter: 3000 },
  { requests: 6000, killAfter: 5000 },
];

/** A body unique to its id, of varying length, with bytes that are not text (so exactness is tested). */
function bodyFor(id: string, n: number): Buffer {
  const tail = Buffer.alloc(40 + (n % 400));
  for (let i = 0; i < tail.length; i++) tail[i] = (n * 31 + i * 7) & 0xff;
  return Buffer.concat([Buffer.from(`{"id":"${id}"}\n`), tail]);
}

function idOf(body: Uint8Array): string {
  const match = /^\{"id":"([^"]+)"\}\n/.exec(Buffer.from(body.subarray(0, 64)).toString('latin1'));
  if (!match) throw new Error('a stored body does not start with an id');
  return match[1] as string;
}

interface RoundResult {
  acked: string[];
  /** Requests that got no 2xx: all after the kill (one per connection, as each then stops). */
  failed: number;
  failedBeforeKill: number;
  unsent: number;
}

/** Posts `requests` bodies over 50 keep-alive connections; SIGKILLs the server after `killAfter` 2xx. */
async function loadAndKill(
  serve: ServeProcess,
  round: number,
  plan: (typeof ROUNDS)[number],
  sent: Map<string, Buffer>,
): Promise<RoundResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const url = new URL('/kill-test', serve.receiverUrl);
  const acked: string[] = [];
  let failed = 0;
  let failedBeforeKill = 0;
  let next = 0;
  let killed = false;
  const post = (body: Buffer) =>
    new Promise<number>((resolve) => {
      const req = request(
        url,
        { method: 'POST', agent, headers: { 'Content-Length': body.length } },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
          res.on('error', () => resolve(0));
        },
      );
      req.on('error', () => resolve(0));
      req.end(body);
    });
  // Each connection keeps sending until its own request fails, so the kill lands on requests in flight.
  const worker = async () => {
    while (next < plan.requests) {
      const n = next++;
      const id = `r${round}-${String(n).padStart(5, '0')}`;
      const body = bodyFor(id, n + round * 10_000);
      sent.set(id, body);
      const status = await post(body);
      if (status >= 200 && status < 300) {
        acked.push(id);
        if (acked.length === plan.killAfter && !killed) {
          killed = true;
          serve.child.kill('SIGKILL');
        }
        continue;
      }
      failed++;
      if (!killed) failedBeforeKill++;
      return;
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  agent.destroy();
  return { acked, failed, failedBeforeKill, unsent: plan.requests - next };
}

describe('kill test: SIGKILL under load loses nothing that was acknowledged', () => {
  const dir = tempDir('hookbench-kill-');
  afterAll(() => dir.cleanup());

  it('keeps every acknowledged request byte-exact across three kills at different points', async () => {
    const sent = new Map<string, Buffer>();
    const acked: string[] = [];
    const args = ['--port', '0', '--ui-port', '0', '--data', dir.path];
    for (const [round, plan] of ROUNDS.entries()) {
      const serve = await startServe(args);
      // The store left by the previous kill opened as it was: nothing moved aside, nothing repaired.
      expect(serve.output()).not.toMatch(/moved to|cannot be used|damaged/);
      const started = Date.now();
      const result = await loadAndKill(serve, round, plan, sent);
      const exit = await serve.stop();
      expect(exit).toBeNull(); // died of the signal, not a clean exit
      expect(serve.child.signalCode).toBe('SIGKILL');
      acked.push(...result.acked);
      console.log(
        `kill round ${round + 1}: ${result.acked.length} acknowledged, ${result.failed} cut off by the kill, ` +
          `${result.unsent} never sent, ${Date.now() - started} ms`,
      );
      expect(result.failedBeforeKill).toBe(0);
      expect(result.acked.length).toBeGreaterThanOrEqual(plan.killAfter);
      // The kill landed mid-load: every connection had a request cut off, and work was left.
      expect(result.failed).toBe(CONNECTIONS);
      expect(result.unsent).toBeGreaterThan(0);
    }

    // Restart once more: the store opens without help and takes new captures.
    const serve = await startServe(args);
    expect(serve.output()).not.toMatch(/moved to|cannot be used|damaged/);
    const after = await sendRaw(`${serve.receiverUrl}after-kills`, { method: 'POST', body: 'after' });
    expect(after.status).toBe(200);
    expect(await serve.stop('SIGTERM')).toBe(0);

    const db = new DatabaseSync(join(dir.path, STORE_FILE_NAME), { readOnly: true });
    try {
      expect(db.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' });
      const rows = db
        .prepare(
          "SELECT b.request AS body FROM captures c JOIN capture_bodies b ON b.capture_id = c.id WHERE c.path = '/kill-test'",
        )
        .all() as { body: Uint8Array }[];
      const stored = new Map<string, Buffer>();
      for (const row of rows) stored.set(idOf(row.body), Buffer.from(row.body));
      // Every stored body is one that was sent, whole (no torn or mixed-up writes).
      for (const [id, body] of stored) expect(body.equals(sent.get(id) as Buffer), id).toBe(true);
      // Every acknowledged request is there.
      const missing = acked.filter((id) => !stored.has(id));
      expect(missing).toEqual([]);
      console.log(
        `kill test: ${acked.length} acknowledged, ${stored.size} stored (${stored.size - acked.length} stored but unacknowledged), 0 lost`,
      );
    } finally {
      db.close();
    }
  }, 60_000);
});
