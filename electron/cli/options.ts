import { homedir } from 'node:os';
import { join } from 'node:path';
import { MAX_TIMEOUT_MS } from '../core/composer/validate';
import { CliError } from './usage-error';

export function parsePort(value: string | undefined, flag: string, fallback: number): number {
  if (value === undefined) return fallback;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) {
    throw new CliError(`${flag} needs a port number from 0 to 65535, got "${value}".`);
  }
  return port;
}

/**
 * The desktop app's data folder (Electron's userData for an app named Hookbench),
 * so `hookbench serve` without --data sees the same captures as the app.
 */
export function defaultDataDir(): string {
  const env = process.env;
  switch (process.platform) {
    case 'darwin':
      return join(homedir(), 'Library', 'Application Support', 'Hookbench');
    case 'win32':
      return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Hookbench');
    default:
      return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Hookbench');
  }
}

type Range = { min: number; max: number };

/**
 * A numeric flag from `min` to `max`, or `fallback` when absent. Checked here rather than in the
 * core so the message names the flag the user typed, with the range it allows.
 */
function numberFlag(
  value: string | undefined,
  flag: string,
  range: Range,
  fallback: number,
  { pattern, what }: { pattern: RegExp; what: string },
): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!pattern.test(value) || n < range.min || n > range.max)
    throw new CliError(`${flag} needs ${what} from ${range.min} to ${range.max}, got "${value}".`);
  return n;
}

const WHOLE = { pattern: /^\d+$/, what: 'a whole number' };
const DECIMAL = { pattern: /^(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/, what: 'a number' };

/** A whole-number flag (5, 600000). */
export function wholeNumber(value: string | undefined, flag: string, range: Range, fallback: number): number {
  return numberFlag(value, flag, range, fallback, WHOLE);
}

/** A decimal flag (0.5, 20). */
export function decimal(value: string | undefined, flag: string, range: Range, fallback: number): number {
  return numberFlag(value, flag, range, fallback, DECIMAL);
}

export { RATE_RANGE } from '../../shared/replay';
/** Calls in one run: each is planned up front, so a count must stay far below an array's limit. */
export const COUNT_RANGE = { min: 1, max: 1_000_000 };
/** The composer's own limit for one request. */
export const TIMEOUT_RANGE = { min: 1, max: MAX_TIMEOUT_MS };
