import { existsSync, readFileSync, renameSync } from 'node:fs';

/**
 * Damaged data files (a settings file that is not JSON, a store that is not
 * SQLite) are never overwritten: they are renamed next to where they were, so
 * the user can send or repair them, and the app starts with a fresh file.
 */

/** `2026-11-21T20-20-05-123Z`: sortable, and valid in file names on every platform. */
function stamp(): string {
  return new Date().toISOString().replace(/[:.]/g, '-');
}

/**
 * Renames `file` to `<file>.damaged-<timestamp>` and each companion (`<file><suffix>`,
 * e.g. SQLite's `-wal`) alongside it; returns the new name of `file`.
 */
export function moveAside(
  file: string,
  companionSuffixes: readonly string[] = [],
  label = 'damaged',
): string {
  let target = `${file}.${label}-${stamp()}`;
  for (let n = 2; existsSync(target); n++) target = `${file}.${label}-${stamp()}-${n}`;
  renameSync(file, target);
  for (const suffix of companionSuffixes) {
    if (existsSync(file + suffix)) renameSync(file + suffix, target + suffix);
  }
  return target;
}

/** Why a JSON data file cannot be used, or null when it is fine or absent. */
export function jsonFileProblem(file: string): string | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new Error(`Hookbench cannot read ${file}: ${(error as Error).message}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return text.trim() === '' ? 'it is empty' : `it is not valid JSON (${(error as Error).message})`;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return 'it does not hold a JSON object';
  return null;
}

/**
 * Checks a JSON data file before the settings backend reads it (conf throws on invalid
 * JSON, and would otherwise overwrite it); moves a damaged one aside and says so.
 */
export function setAsideDamagedJson(file: string, what: string, warn: (message: string) => void): void {
  const problem = jsonFileProblem(file);
  if (problem === null) return;
  const moved = moveAside(file);
  warn(
    `The ${what} file ${file} is damaged (${problem}). It was moved to ${moved} and Hookbench started with a fresh one.`,
  );
}
