import { test as base } from '@playwright/test';
import { type ServeProcess, startServe } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp-dir';

/** One `hookbench serve` per test, on free ports and a fresh data folder. */
export const test = base.extend<{ app: ServeProcess & { dataDir: string } }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads fixture dependencies from this pattern.
  app: async ({}, use) => {
    const dir = tempDir('hookbench-e2e-');
    const serve = await startServe(['--port', '0', '--ui-port', '0', '--data', dir.path]);
    await use(Object.assign(serve, { dataDir: dir.path }));
    await serve.stop('SIGTERM');
    dir.cleanup();
  },
});

export { expect } from '@playwright/test';
