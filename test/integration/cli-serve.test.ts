import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';
import { tempDir } from '../helpers/temp-dir';

describe('hookbench serve --host (built CLI)', () => {
  let dir: ReturnType<typeof tempDir>;
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => dir.cleanup());

  const serve = (host: string) =>
    runCli(['serve', '--host', host, '--port', '0', '--ui-port', '0', '--data', dir.path]);

  it('refuses a host that is not one before binding anything (exit 2)', () => {
    for (const [host, message] of [
      ['', '--host: Enter a host, for example 127.0.0.1.'],
      ['a b', '--host: A host cannot contain spaces.'],
      ['999.1.1.1', '--host: 999.1.1.1 is not an IPv4 address: four numbers from 0 to 255, like 127.0.0.1.'],
      ['http://x/', '--host: Enter only the host name or address, without http:// or a path.'],
    ]) {
      const result = serve(host as string);
      expect(result.stderr, host).toBe(`hookbench: ${message}\n`);
      expect(result.status).toBe(2);
      expect(result.stdout).not.toContain('Hookbench is running');
    }
  });

  it('an address of another machine gets advice about --host, not --port', () => {
    // 192.0.2.1 is reserved for documentation (TEST-NET-1): never an address of this machine.
    const result = serve('192.0.2.1');
    expect(result.status).toBe(2);
    const line = result.stderr.split('\n').find((l) => l.startsWith('hookbench:'));
    expect(line).toBe(
      'hookbench: 192.0.2.1 is not an address of this machine. Give --host an address of this machine: 127.0.0.1 (this machine only) or 0.0.0.0 (every network).',
    );
  });
});
