import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { diagnose as diagnoseBody, formatDiagnosis } from '../core/doctor/index';
import { CliError, EXIT_FAILED, EXIT_OK } from './usage-error';

export const DIAGNOSE_USAGE = `hookbench diagnose FILE|- [--content-type TYPE] [--content-length N] [--json]

Tells exactly why a body is not valid JSON: where the first error is (line, column, byte),
the likely causes (an unescaped quote, a trailing comma, a cut-off body, a placeholder left
unrendered…) and how to fix each. Reads FILE, or standard input with -, as raw bytes.
  --content-type TYPE   the request's Content-Type (default application/json)
  --content-length N    the declared Content-Length, to tell a body cut in transit
  --json                print the diagnosis as JSON instead of words
Exits 0 when the body is valid JSON (or not JSON at all), 1 when it is not valid.`;

async function readStdin(): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Uint8Array);
  const body = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0));
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.byteLength;
  }
  return body;
}

async function readBody(source: string): Promise<Uint8Array> {
  try {
    if (source === '-') return await readStdin();
    const data = readFileSync(resolve(source));
    return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const name = source === '-' ? 'standard input' : source;
    const reason =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'it is a folder'
          : code === 'EACCES' || code === 'EPERM'
            ? 'permission denied'
            : (error as Error).message;
    throw new CliError(`Cannot read ${name}: ${reason}.`);
  }
}

function parseLength(value: string | undefined): number | null {
  if (value === undefined) return null;
  if (!/^\d+$/.test(value)) throw new CliError(`--content-length needs a number of bytes, got "${value}".`);
  return Number(value);
}

export async function diagnose(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      'content-type': { type: 'string' },
      'content-length': { type: 'string' },
      json: { type: 'boolean' },
    },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length === 0) throw new CliError('diagnose needs a FILE to read, or - for standard input.');
  if (positionals.length > 1)
    throw new CliError(`diagnose reads one body at a time; got ${positionals.length} files.`);
  const body = await readBody(positionals[0] as string);
  const diagnosis = diagnoseBody({
    body,
    contentType: values['content-type'] ?? 'application/json',
    contentLength: parseLength(values['content-length']),
  });
  const output = values.json ? JSON.stringify(diagnosis, null, 2) : formatDiagnosis(diagnosis);
  process.stdout.write(`${output}\n`);
  return diagnosis.valid ? EXIT_OK : EXIT_FAILED;
}
