/**
 * Fuzzing the receiver over raw TCP: 500 randomly mutated requests (a seeded
 * RNG, so a failure repeats exactly) built from valid ones — flipped, inserted,
 * deleted and duplicated bytes, bent Content-Lengths, broken line endings,
 * odd methods, smuggling-style headers. The receiver must stay up, and every
 * request that got a 2xx must be in the store (matched per connection by the
 * client's port, which the capture records as remotePort).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectStillServing, type RunningCore, rawExchange, startCore, statusCodes } from './support/core';

const CASES = 500;
const CONCURRENCY = 25;
const SEED = 0x5eed_f00d;

/** mulberry32: a tiny seeded PRNG, good enough to pick mutations reproducibly. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function seeds(n: number, host: string): string[] {
  const json = `{"fuzz":${n},"text":"caf\u00e9"}`;
  return [
    `POST /f/${n} HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(json)}\r\n\r\n${json}`,
    `POST /f/${n}/chunked HTTP/1.1\r\nHost: ${host}\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n`,
    `GET /f/${n}?a=1&b=%20x HTTP/1.1\r\nHost: ${host}\r\nX-Trace: ${n}\r\nx-trace: again\r\n\r\n`,
    `POST /f/${n}/a HTTP/1.1\r\nHost: ${host}\r\nContent-Length: 3\r\n\r\nonePUT /f/${n}/b HTTP/1.1\r\nHost: ${host}\r\nContent-Length: 3\r\n\r\ntwo`,
    `POST /f/${n}/expect HTTP/1.1\r\nHost: ${host}\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\nbody`,
    `PATCH /f/${n}/bin HTTP/1.1\r\nHost: ${host}\r\nContent-Length: 6\r\n\r\n\u0000\u0001\u00fe\u00ff\r\n`,
  ];
}

const INTERESTING = [0x00, 0x0a, 0x0d, 0x20, 0x3a, 0x2d, 0x30, 0x39, 0x7f, 0x80, 0xff, 0x09, 0x3b, 0x22];
const METHODS = ['GET', 'POST', 'BREW', '', 'G ET', 'post', 'PURGE', 'CONNECT', 'PRI', 'M-SEARCH'];
const HEADERS = [
  'Transfer-Encoding: chunked',
  'Content-Length: 5',
  'Content-Length: -1',
  'Content-Length: 18446744073709551616',
  'Transfer-Encoding: gzip, chunked',
  'Expect: 100-continue',
  'Connection: close',
  'Upgrade: h2c',
  'Host: ',
  ` X-Folded: continued`,
];

function mutate(input: Buffer, random: () => number): Buffer {
  let bytes = input;
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
  const at = () => Math.floor(random() * (bytes.length + 1));
  // Mostly one mutation, so that many requests stay valid enough to be answered 2xx.
  const rounds = random() < 0.7 ? 1 : 2;
  for (let r = 0; r < rounds; r++) {
    const i = at();
    switch (Math.floor(random() * 8)) {
      case 0: {
        const copy = Buffer.from(bytes);
        for (let k = 0; k < 1 + random() * 4; k++) {
          const p = Math.floor(random() * copy.length);
          copy[p] = (copy[p] as number) ^ (1 << Math.floor(random() * 8));
        }
        bytes = copy;
        break;
      }
      case 1:
        bytes = Buffer.concat([bytes.subarray(0, i), Buffer.from([pick(INTERESTING)]), bytes.subarray(i)]);
        break;
      case 2:
        bytes = Buffer.concat([
          bytes.subarray(0, i),
          bytes.subarray(Math.min(bytes.length, i + 1 + random() * 20)),
        ]);
        break;
      case 3: {
        const end = Math.min(bytes.length, i + 1 + Math.floor(random() * 40));
        bytes = Buffer.concat([bytes.subarray(0, end), bytes.subarray(i, end), bytes.subarray(end)]);
        break;
      }
      case 4:
        bytes = bytes.subarray(0, i);
        break;
      case 5:
        bytes = Buffer.from(
          bytes.toString('latin1').replace(/\r\n/g, () => (random() < 0.3 ? '\n' : '\r\n')),
          'latin1',
        );
        break;
      case 6:
        bytes = Buffer.from(bytes.toString('latin1').replace(/^[A-Z]+/, pick(METHODS)), 'latin1');
        break;
      default: {
        const text = bytes.toString('latin1');
        const line = text.indexOf('\r\n');
        bytes = Buffer.from(
          `${text.slice(0, line + 2)}${pick(HEADERS)}\r\n${text.slice(line + 2)}`,
          'latin1',
        );
      }
    }
  }
  return bytes;
}

describe('fuzzing the receiver with mutated raw requests', () => {
  let running: RunningCore;
  beforeAll(async () => {
    running = await startCore({ receiverLimits: { headersTimeoutMs: 2000, timeoutCheckIntervalMs: 200 } });
  });
  afterAll(() => running.close());

  it(`survives ${CASES} mutated requests and stores every one that got a 2xx`, async () => {
    const random = rng(SEED);
    const host = `127.0.0.1:${running.port}`;
    const inputs = Array.from({ length: CASES }, (_, n) => {
      const base = seeds(n, host);
      return mutate(Buffer.from(base[n % base.length] as string, 'latin1'), random);
    });
    const acked = new Map<number, number>(); // client port → 2xx answers seen
    const tally = { ok: 0, error: 0, silent: 0 };
    let next = 0;
    const worker = async () => {
      while (next < inputs.length) {
        const input = inputs[next++] as Buffer;
        const result = await rawExchange(running.base, input, { halfClose: true, timeoutMs: 4000 });
        const codes = statusCodes(result.text);
        const ok = codes.filter((c) => c >= 200 && c < 300).length;
        if (ok > 0) acked.set(result.localPort, ok);
        if (ok > 0) tally.ok++;
        else if (codes.length > 0) tally.error++;
        else tally.silent++;
      }
    };
    const started = Date.now();
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    await expectStillServing(running.base);

    const exported = await running.core.handlers.exportCaptures({ format: 'ndjson', filter: '' });
    const stored = new Map<number, number>();
    for (const line of exported.text.split('\n').filter(Boolean)) {
      const capture = JSON.parse(line) as { remotePort: number; response: { status: number } };
      if (capture.response.status >= 200 && capture.response.status < 300)
        stored.set(capture.remotePort, (stored.get(capture.remotePort) ?? 0) + 1);
    }
    const lost = [...acked].filter(([port, seen]) => (stored.get(port) ?? 0) < seen);
    console.log(
      `fuzz: ${CASES} cases in ${Date.now() - started} ms — ${tally.ok} got a 2xx, ${tally.error} an error status, ` +
        `${tally.silent} no answer; ${exported.count} captures stored; lost: ${lost.length}`,
    );
    expect(lost).toEqual([]);
    expect(tally.ok).toBeGreaterThan(50); // the mutations leave plenty of valid requests
    expect(tally.error).toBeGreaterThan(50); // …and plenty of broken ones
  }, 60_000);
});
