import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/** Flags for Debian's Chromium on a closed network: no background calls, no sandbox as root. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * The Chromium to drive: $CHROMIUM_PATH, then the system's, then Playwright's
 * own download if someone installed it. Null when there is none.
 */
export function findChromium(): string | null {
  const candidates = [
    process.env.CHROMIUM_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    safePlaywrightPath(),
  ];
  return (
    candidates.find((path): path is string => typeof path === 'string' && path !== '' && existsSync(path)) ??
    null
  );
}

function safePlaywrightPath(): string | undefined {
  try {
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}

export const NO_CHROMIUM_MESSAGE =
  'No Chromium found for the browser tests: install one with `apt-get install -y chromium` (Debian) or set CHROMIUM_PATH.';
