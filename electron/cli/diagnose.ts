import { parseArgs } from 'node:util';
import { diagnose as diagnoseBody, formatDiagnosis } from '../core/doctor/index';
import { print } from './output';
import { readInput } from './read-input';
import { CliError, EXIT_FAILED, EXIT_OK } from './usage-error';

export const DIAGNOSE_USAGE = `hookbench diagnose FILE|- [--content-type TYPE] [--content-length N] [--json]

Tells exactly why a body is not valid JSON: where the first error is (line, column, byte),
the likely causes (an unescaped quote, a trailing comma, a cut-off body, a placeholder left
unrendered…) and how to fix each. Reads FILE, or standard input with -, as raw bytes.
  --content-type TYPE   the request's Content-Type (default application/json)
  --content-length N    the declared Content-Length, to tell a body cut in transit
  --json                print the diagnosis as JSON instead of words
Exits 0 when the body is valid JSON (or not JSON at all), 1 when it is not valid.`;

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
  const body = await readInput(positionals[0] as string);
  const diagnosis = diagnoseBody({
    body,
    contentType: values['content-type'] ?? 'application/json',
    contentLength: parseLength(values['content-length']),
  });
  const output = values.json ? JSON.stringify(diagnosis, null, 2) : formatDiagnosis(diagnosis);
  print(`${output}\n`);
  return diagnosis.valid ? EXIT_OK : EXIT_FAILED;
}
