import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium, NO_CHROMIUM_MESSAGE } from './browser-path';

const chromiumPath = findChromium();
if (!chromiumPath) {
  process.stderr.write(`${NO_CHROMIUM_MESSAGE}\n`);
  process.exit(1);
}

// Both suites run against the built app (`npm run build` comes first in `npm test`).
export default defineConfig({
  testDir: '.',
  outputDir: '../../test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  forbidOnly: !!process.env.CI,
  projects: [
    {
      name: 'browser',
      testDir: './browser',
      use: {
        browserName: 'chromium',
        launchOptions: { executablePath: chromiumPath, args: CHROMIUM_ARGS },
        viewport: { width: 1280, height: 800 },
        trace: 'retain-on-failure',
      },
    },
    { name: 'electron', testDir: './electron' },
  ],
});
