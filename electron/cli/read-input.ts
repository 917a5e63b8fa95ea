import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { CliError } from './usage-error';

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * The exact bytes of a file, or of standard input for `-`; a CliError (exit 2) in words
 * naming what could not be read and why. `label` says what the file is for ("the template").
 */
export async function readInput(source: string, label?: string): Promise<Buffer> {
  try {
    return source === '-' ? await readStdin() : await readFile(resolve(source));
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const reason =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'it is a folder'
          : code === 'EACCES' || code === 'EPERM'
            ? 'permission denied'
            : (error as Error).message;
    const name = source === '-' ? 'standard input' : source;
    throw new CliError(`Cannot read ${label ? `${label} ` : ''}${name}: ${reason}.`);
  }
}
