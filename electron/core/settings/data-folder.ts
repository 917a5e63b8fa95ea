import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { DataFolderInfo } from '../../../shared/domain';

/** A file of the data folder as the Settings screen names it. */
export interface DataFile {
  name: string;
  holds: string;
  /** An SQLite store: its write-ahead log (`-wal`) is counted with it, as it is part of it. */
  sqlite?: boolean;
}

/** The data folder and each of its files' size now; a file not created yet has no size. */
export function describeDataFolder(dataDir: string, files: readonly DataFile[]): DataFolderInfo {
  return {
    path: dataDir,
    files: files.map(({ name, holds, sqlite }) => {
      const main = sizeOf(join(dataDir, name));
      const log = sqlite ? sizeOf(join(dataDir, `${name}-wal`)) : null;
      return { name, holds, bytes: main === null ? null : main + (log ?? 0) };
    }),
  };
}

function sizeOf(file: string): number | null {
  return statSync(file, { throwIfNoEntry: false })?.size ?? null;
}
