import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { COMPOSER_FILE_NAME } from '../core/composer/composer-store';
import { HISTORY_FILE_NAME } from '../core/composer/history';
import { createHookbench, type HookbenchCore, type HookbenchOptions, STORE_FILE_NAME } from '../core/index';
import { jsonFileProblem } from '../core/settings/damaged-files';
import { CaptureStore } from '../core/store/capture-store';
import type { Logger } from '../core/types';
import { CliError, fileErrorReason } from './usage-error';

/** The core's diagnostics (a damaged file moved aside, a store trimmed) on standard error. */
export const stderrLogger: Logger = {
  info: (message) => process.stderr.write(`${message}\n`),
  warn: (message) => process.stderr.write(`warning: ${message}\n`),
  error: (message) => process.stderr.write(`error: ${message}\n`),
};

/** The --data folder, resolved; a missing one is fine (the core creates it), a file is refused. */
export function dataFolder(value: string): string {
  const dir = resolve(value);
  try {
    if (statSync(dir).isDirectory()) return dir;
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return dir;
    throw new CliError(`Cannot use the data folder ${dir}: ${fileErrorReason(error)}.`);
  }
  throw new CliError(
    `--data ${value} is a file, not a folder: give the folder that holds ${STORE_FILE_NAME}.`,
  );
}

/** Opens the capture store of an existing data folder to read it; exit 2 in words when it cannot. */
export function openStoreToRead(dir: string): CaptureStore {
  const file = join(dir, STORE_FILE_NAME);
  if (!existsSync(file)) throw new CliError(`No capture store in ${dir} (expected ${STORE_FILE_NAME}).`);
  try {
    return new CaptureStore(file);
  } catch (error) {
    throw new CliError(`Cannot read the capture store ${file}: ${(error as Error).message}.`);
  }
}

/**
 * The core moves a damaged settings or workspace file aside and says so, but a damaged composer
 * file makes it fail after it already moved those: checked first, so a refusal changes nothing.
 */
function refuseDamagedComposer(dir: string): void {
  for (const name of [COMPOSER_FILE_NAME, HISTORY_FILE_NAME]) {
    const file = join(dir, `${name}.json`);
    let problem: string | null;
    try {
      problem = jsonFileProblem(file);
    } catch (error) {
      throw new CliError((error as Error).message);
    }
    if (problem !== null)
      throw new CliError(
        `The composer file ${file} is damaged (${problem}). Nothing was changed: repair it, or move it out of ${dir} (Hookbench then starts a new one), and run again.`,
      );
  }
}

/** The whole core for a data folder, its warnings on standard error; exit 2 in words when it cannot open. */
export async function openCore(options: HookbenchOptions): Promise<HookbenchCore> {
  const dir = dataFolder(options.dataDir);
  refuseDamagedComposer(dir);
  try {
    return await createHookbench({ logger: stderrLogger, ...options, dataDir: dir });
  } catch (error) {
    // System errors (no permission…) get words; the core's own errors already carry them.
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code))
      throw new CliError(`Cannot open the data folder ${dir}: ${fileErrorReason(error)}.`);
    throw error;
  }
}
