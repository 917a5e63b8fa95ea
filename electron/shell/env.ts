/**
 * Environment overrides, so tests and side-by-side runs never touch the
 * user's real data folder or fight over the user's receiver port.
 *   HOOKBENCH_DATA_DIR       — data folder (capture store, settings, Chromium profile)
 *   HOOKBENCH_RECEIVER_PORT  — receiver port for this run only (not saved to settings)
 */
import path from 'node:path';

export interface EnvOverrides {
  dataDir?: string;
  receiverPort?: number;
}

export function readEnvOverrides(env: Readonly<Record<string, string | undefined>>): EnvOverrides {
  const overrides: EnvOverrides = {};
  const dataDir = env.HOOKBENCH_DATA_DIR?.trim();
  if (dataDir) overrides.dataDir = path.resolve(dataDir);
  const port = env.HOOKBENCH_RECEIVER_PORT?.trim();
  if (port) {
    // Fail loudly: silently falling back to the saved port could capture into the wrong run.
    if (!/^\d+$/.test(port) || Number(port) > 65_535) {
      throw new Error(`HOOKBENCH_RECEIVER_PORT must be a port number (0-65535), got "${port}"`);
    }
    overrides.receiverPort = Number(port);
  }
  return overrides;
}
