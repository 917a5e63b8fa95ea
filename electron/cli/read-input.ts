import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { CliError, fileErrorReason } from './usage-error';

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
    const reason = fileErrorReason(error);
    const name = source === '-' ? 'standard input' : source;
    throw new CliError(`Cannot read ${label ? `${label} ` : ''}${name}: ${reason}.`);
  }
}
