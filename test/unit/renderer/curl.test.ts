import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildCurl, shellQuote } from '../../../renderer/lib/curl';
import type { HeaderPair } from '../../../shared/domain';

const dir = mkdtempSync(join(tmpdir(), 'hookbench-curl-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Runs a built command in bash with `curl` replaced by a function that records
 * its arguments (NUL-separated) and the body it would send (`@-` reads stdin).
 */
/** One byte per character, as Node's "latin1": header values travel that way. */
function latin1(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return text;
}

function readBytes(path: string): Uint8Array {
  try {
    return new Uint8Array(readFileSync(path));
  } catch {
    return new Uint8Array(); // No --data-binary: no body.
  }
}

/**
 * Runs a built command in a shell with `curl` replaced by a function that records
 * its arguments (NUL-separated) and the body it would send (`@-` reads stdin).
 */
function runCommand(command: string, shell = 'bash'): { args: string[]; body: Uint8Array } {
  const argsFile = join(dir, 'args');
  const bodyFile = join(dir, 'body');
  rmSync(bodyFile, { force: true });
  const fake = `curl() {
  printf '%s\\0' "$@" > "$ARGS_FILE"
  previous=''
  for arg in "$@"; do
    if [ "$previous" = --data-binary ]; then
      if [ "$arg" = @- ]; then cat > "$BODY_FILE"; else printf '%s' "$arg" > "$BODY_FILE"; fi
    fi
    previous=$arg
  done
}
`;
  const result = spawnSync(shell, ['-c', fake + command], {
    env: { ...process.env, ARGS_FILE: argsFile, BODY_FILE: bodyFile, LC_ALL: 'C' },
  });
  expect(new TextDecoder().decode(result.stderr)).toBe('');
  expect(result.status).toBe(0);
  const args = latin1(readBytes(argsFile)).split('\0').slice(0, -1);
  return { args, body: readBytes(bodyFile) };
}

const headers: HeaderPair[] = [
  ['Host', '127.0.0.1:7700'],
  ['Content-Type', 'application/json'],
  ['Content-Length', '99'],
  ['X-Quote', `it's "quoted"`],
  ['X-Repeat', 'one'],
  ['x-repeat', 'two'],
  ['Connection', 'keep-alive'],
];

describe('buildCurl', () => {
  it('uses the Host header for the URL and keeps headers in order, case and repeats', () => {
    const command = buildCurl({
      method: 'POST',
      path: '/sms/status?a=1&b=2',
      headers,
      body: new Uint8Array(),
    });
    const { args } = runCommand(command);
    expect(args).toEqual([
      '--globoff',
      '-X',
      'POST',
      'http://127.0.0.1:7700/sms/status?a=1&b=2',
      '-H',
      'Content-Type: application/json',
      '-H',
      `X-Quote: it's "quoted"`,
      '-H',
      'X-Repeat: one',
      '-H',
      'x-repeat: two',
    ]);
    expect(command).not.toContain('Content-Length');
    expect(command).not.toContain('Connection');
  });

  const bodies: [string, Uint8Array][] = [
    ['plain JSON', new TextEncoder().encode('{"a":1,"level":"x"}')],
    ['quotes, backslashes and newlines', new TextEncoder().encode(`{"q":"it's \\"x\\""}\r\nline 2\n\ttab`)],
    ['non-ASCII text', new TextEncoder().encode('{"name":"Ольга","emoji":"🎉","é":"ü"}')],
    ['control characters', new Uint8Array([0x41, 0x01, 0x1b, 0x5b, 0x33, 0x31, 0x6d, 0x7f, 0x42])],
    ['binary with NUL bytes', new Uint8Array([0x00, 0x01, 0x02, 0xfe, 0xff, 0x27, 0x5c, 0x25, 0x30, 0x00])],
    ['invalid UTF-8 without NUL', new Uint8Array([0x7b, 0xc3, 0x28, 0x7d, 0x80, 0x0a])],
    ['a body starting with @', new TextEncoder().encode('@/etc/passwd')],
    ['every byte value', Uint8Array.from({ length: 256 }, (_, i) => i)],
    ['printf-looking text', new TextEncoder().encode('100% \\n \\x41 \\0101 %s %b \\c')],
  ];
  for (const [name, body] of bodies) {
    it(`reproduces ${name} byte for byte`, () => {
      const command = buildCurl({ method: 'POST', path: '/hook', headers, body });
      expect(command).toContain('--data-binary');
      expect(runCommand(command).body).toEqual(body);
    });
  }

  it('pipes binary bodies through printf with octal escapes, which sh understands too', () => {
    const body = new Uint8Array([0x00, 0xff, 0x27, 0x5c, 0x41]);
    const command = buildCurl({ method: 'PUT', path: '/blob', headers: [], body });
    expect(command.startsWith("printf '%b' '\\0000\\0377'\\''\\\\A' | curl")).toBe(true);
    expect(command).toContain('--data-binary @-');
    expect(runCommand(command, 'sh').body).toEqual(body);
  });

  it('writes text bodies inline as ANSI-C strings with \\xHH for non-ASCII bytes', () => {
    const command = buildCurl({
      method: 'POST',
      path: '/',
      headers: [],
      body: new TextEncoder().encode("é'\n"),
    });
    expect(command).toContain("--data-binary $'\\xc3\\xa9\\'\\n'");
  });

  it('suppresses the form Content-Type curl would add when the request had none', () => {
    const command = buildCurl({ method: 'POST', path: '/x', headers: [], body: new Uint8Array([0x61]) });
    const { args } = runCommand(command);
    expect(args).toContain('Content-Type:');
    expect(args).toContain('http://localhost/x');
  });

  it('keeps an empty header empty instead of removing it', () => {
    const { args } = runCommand(
      buildCurl({ method: 'GET', path: '/', headers: [['X-Empty', '']], body: new Uint8Array() }),
    );
    expect(args).toContain('X-Empty;');
  });

  it('writes Latin-1 header characters back as their bytes', () => {
    const command = buildCurl({
      method: 'GET',
      path: '/',
      headers: [['X-Name', 'Ã©']],
      body: new Uint8Array(),
    });
    const { args } = runCommand(command);
    // Node reads header bytes as Latin-1: "Ã©" is the UTF-8 of "é" on the wire.
    expect(args[args.length - 1]).toBe('X-Name: \u00c3\u00a9');
  });

  it('turns off curl URL globbing, so a sender-chosen path or Host cannot fan one paste into many requests', () => {
    const command = buildCurl({
      method: 'GET',
      path: '/a/[1-99999999]/{x,y}',
      headers: [['Host', 'victim.example{a,b}']],
      body: new Uint8Array(),
    });
    const { args } = runCommand(command);
    expect(args[0]).toBe('--globoff');
    expect(args).toContain('http://victim.example{a,b}/a/[1-99999999]/{x,y}');
  });

  it('uses --head for HEAD, since -X HEAD makes curl wait for a body', () => {
    expect(buildCurl({ method: 'HEAD', path: '/', headers: [], body: new Uint8Array() })).toContain('--head');
  });
});

describe('shellQuote', () => {
  it('leaves safe words bare and quotes the rest', () => {
    expect(shellQuote('POST')).toBe('POST');
    expect(shellQuote("a b'c")).toBe(`'a b'\\''c'`);
    expect(shellQuote('tab\there')).toBe("$'tab\\there'");
  });
});
