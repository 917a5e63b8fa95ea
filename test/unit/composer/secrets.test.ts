import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHookbench, type HookbenchCore } from '../../../electron/core/index';
import type { ComposerRequestDraft } from '../../../shared/composer';
import { tempDir } from '../../helpers/temp-dir';

/** A reversible stand-in for safeStorage: what matters is that the file never holds the plain secret. */
const box = {
  encrypt: (plain: string) => Buffer.from(plain).reverse().toString('base64'),
  decrypt: (sealed: string) => Buffer.from(sealed, 'base64').reverse().toString(),
};

describe('secrets of saved requests', () => {
  let dir: ReturnType<typeof tempDir>;
  let core: HookbenchCore;
  beforeEach(async () => {
    dir = tempDir();
    core = await createHookbench({ dataDir: dir.path, secrets: box });
  });
  afterEach(async () => {
    await core.close();
    dir.cleanup();
  });

  const save = () =>
    core.handlers.saveComposerRequest({
      name: 'signed',
      collection: 'Secrets',
      auth: { kind: 'bearer', tokenTemplate: 'tok-SECRET-123' },
    } as ComposerRequestDraft);

  it('are sealed in the composer file and open again on the next start', async () => {
    const { request } = await save();
    expect(request.auth).toEqual({ kind: 'bearer', tokenTemplate: 'tok-SECRET-123' });
    const file = readFileSync(join(dir.path, 'composer.json'), 'utf8');
    expect(file).not.toContain('tok-SECRET-123');
    expect(file).toContain('hookbench-sealed:v1:');
    await core.close();
    core = await createHookbench({ dataDir: dir.path, secrets: box });
    const again = (await core.handlers.getComposerState(undefined)).requests.find((r) => r.name === 'signed');
    expect(again?.auth).toEqual({ kind: 'bearer', tokenTemplate: 'tok-SECRET-123' });
  });

  it('are left out of exported collections unless asked for; env references stay', async () => {
    await save();
    await core.handlers.saveComposerRequest({
      name: 'by env',
      collection: 'Secrets',
      auth: { kind: 'basic', user: 'ann', passwordTemplate: '{{env.PASSWORD}}' },
    } as ComposerRequestDraft);
    const plain = await core.handlers.exportComposerCollection({ collection: 'Secrets' });
    expect(plain.text).not.toContain('tok-SECRET-123');
    expect(plain.text).toContain('{{env.PASSWORD}}');
    const full = await core.handlers.exportComposerCollection({
      collection: 'Secrets',
      includeSecrets: true,
    });
    expect(full.text).toContain('tok-SECRET-123');
  });

  it('sealed by the desktop app cannot be opened without its keychain: emptied, with a warning', async () => {
    await save();
    await core.close();
    const warnings: string[] = [];
    core = await createHookbench({
      dataDir: dir.path,
      logger: { info() {}, warn: (m) => warnings.push(m), error() {} },
    });
    const again = (await core.handlers.getComposerState(undefined)).requests.find((r) => r.name === 'signed');
    expect(again?.auth).toEqual({ kind: 'bearer', tokenTemplate: '' });
    expect(warnings.join('\n')).toMatch(/encrypted by the desktop app and cannot be read here/);
  });
});
