import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CoreError } from '../core/index';
import { openCore } from './data-folder';
import { print } from './output';
import { readInput } from './read-input';
import { CliError, EXIT_OK } from './usage-error';

export const IMPORT_USAGE = `hookbench import FILE --data DIR

Adds the captures of FILE to the data folder's captures, with their headers and exact body
bytes: every entry of a HAR file (from Hookbench, a browser, HTTP Toolkit or webhook.site), or
every line of Hookbench's NDJSON export (pins and notes too).`;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The file's JSON text. Bytes that are not text are refused here, so no message ever echoes
 * them back to the terminal (a leading byte order mark is the core's to drop).
 */
function jsonText(bytes: Buffer, file: string): string {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new CliError(`${file} is not a HAR or NDJSON file: it is not UTF-8 text.`);
  }
  if (hasBinary(text))
    throw new CliError(`${file} is not a HAR or NDJSON file: it holds binary data, not JSON text.`);
  return text;
}

/** Control characters other than tab and line breaks never occur in JSON text. */
function hasBinary(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f) return true;
  }
  return false;
}

export async function importCaptures(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { data: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) throw new CliError('import needs exactly one FILE (.har or .ndjson).');
  if (!values.data) throw new CliError('import needs --data DIR, the data folder to add the captures to.');
  const text = jsonText(await readInput(file), file);
  const core = await openCore({ dataDir: values.data });
  try {
    const { imported } = await core.handlers.importCaptures({ text });
    print(`Imported ${imported} capture${imported === 1 ? '' : 's'} into ${resolve(values.data)}.\n`);
    return EXIT_OK;
  } catch (error) {
    if (error instanceof CoreError) throw new CliError(error.message);
    throw error;
  } finally {
    await core.close();
  }
}
