/**
 * The real Electron app, end to end: launches the built app (`npm test` builds
 * before Playwright runs) on a fresh data folder and a free receiver port, so
 * the user's own data and port are never touched.
 *
 * The Electron binary is downloaded by a postinstall step that some machines
 * cannot run; there the whole file is skipped with one printed line. The
 * binary is located the way node_modules/electron/index.js does it, without
 * importing that module, because importing it tries to download the binary.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type ElectronApplication, _electron as electron, expect, type Page, test } from '@playwright/test';
import { COMMANDS } from '../../../shared/contract';

const repoRoot = path.resolve(import.meta.dirname, '../../..');

const SKIP_REASON =
  'Electron E2E skipped: the Electron binary is not installed (node_modules/electron/dist is missing; ' +
  'run `npx install-electron` where downloads are allowed).';

function findElectronBinary(): string | null {
  const packageDir = path.join(repoRoot, 'node_modules', 'electron');
  const pathFile = path.join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  let binary: string | null = null;
  if (override) binary = path.join(override, relative || 'electron');
  else if (relative) binary = path.join(packageDir, 'dist', relative);
  return binary !== null && existsSync(binary) ? binary : null;
}

const NO_DISPLAY_REASON =
  'Electron E2E skipped: no display on this Linux machine (set DISPLAY, e.g. run the tests under `xvfb-run`).';

const electronBinary = findElectronBinary();
const needsDisplay = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const skipReason = electronBinary === null ? SKIP_REASON : needsDisplay ? NO_DISPLAY_REASON : null;
// The file is loaded once to list the tests and again in any worker; print in the first only.
if (skipReason !== null && process.env.TEST_WORKER_INDEX === undefined) console.log(skipReason);
test.skip(skipReason !== null, skipReason ?? '');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

test.describe('Hookbench desktop app', () => {
  let app: ElectronApplication | undefined;
  let page: Page;
  let dataDir: string;
  let port: number;

  test.beforeAll(async () => {
    if (electronBinary === null) throw new Error(SKIP_REASON); // unreachable: the file is skipped
    dataDir = mkdtempSync(path.join(tmpdir(), 'hookbench-e2e-'));
    port = await freePort();
    app = await electron.launch({
      executablePath: electronBinary,
      // package.json "main" points at the built dist/main/main.js. Chromium refuses to run as root
      // with its OS sandbox (CI containers); the page's own sandbox (webPreferences) is unaffected.
      args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), repoRoot],
      env: { ...process.env, HOOKBENCH_DATA_DIR: dataDir, HOOKBENCH_RECEIVER_PORT: String(port) },
    });
    page = await app.firstWindow();
  });

  test.afterAll(async () => {
    await app?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  test('shows the receiver URL on the overridden port', async () => {
    await expect(page.locator('[data-testid="receiver-url"]')).toContainText(`http://127.0.0.1:${port}/`);
  });

  test('lists a webhook POSTed to the receiver', async () => {
    await expect(page.locator('[data-testid="receiver-url"]')).toContainText(`http://127.0.0.1:${port}/`);
    const hookPath = `/e2e/hook-${Date.now()}`;
    const response = await fetch(`http://127.0.0.1:${port}${hookPath}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ hello: 'hookbench' }),
    });
    await response.arrayBuffer();
    expect(response.status).toBeLessThan(500);

    const rowPath = page.locator('[data-testid="capture-row"] [data-testid="row-path"]', {
      hasText: hookPath,
    });
    await expect(rowPath).toHaveCount(1);
    await expect(rowPath).toHaveText(hookPath);
  });

  test('gives the page the contract API and nothing of Node', async () => {
    const exposed = await page.evaluate(() => {
      const scope = globalThis as unknown as Record<string, unknown>;
      const api = scope.hookbench;
      return {
        keys: typeof api === 'object' && api !== null ? Object.keys(api).sort() : null,
        require: typeof scope.require,
        process: typeof scope.process,
        module: typeof scope.module,
      };
    });
    expect(exposed).toEqual({
      keys: [...COMMANDS, 'subscribe'].sort(),
      require: 'undefined',
      process: 'undefined',
      module: 'undefined',
    });
  });

  test('answers a contract command over IPC', async () => {
    await expect(page.locator('[data-testid="receiver-url"]')).toContainText(`http://127.0.0.1:${port}/`);
    const result = await page.evaluate(async () => {
      const api = (
        globalThis as unknown as { hookbench: { getReceiverStatus(request?: undefined): Promise<unknown> } }
      ).hookbench;
      return api.getReceiverStatus(undefined);
    });
    expect(result).toMatchObject({ ok: true, value: { state: 'listening', port } });
  });
});
