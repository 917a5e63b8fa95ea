import { homedir } from 'node:os';
import { join } from 'node:path';
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
