import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CoreError, createHookbench } from '../core/index';
import { CliError, EXIT_OK } from './usage-error';

export const IMPORT_USAGE = `hookbench import FILE.har --data DIR

Adds every entry of a HAR file (from Hookbench, a browser, HTTP Toolkit or webhook.site)
to the data folder's captures, with its headers and exact body bytes.`;

export async function importCaptures(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { data: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) throw new CliError('import needs exactly one FILE.har.');
  if (!values.data) throw new CliError('import needs --data DIR, the data folder to add the captures to.');
  let text: string;
  try {
    text = await readFile(resolve(file), 'utf8');
  } catch (error) {
    throw new CliError(
      `Cannot read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}.`,
    );
  }
  const core = await createHookbench({ dataDir: values.data });
  try {
    const { imported } = await core.handlers.importHar({ text });
    process.stdout.write(
      `Imported ${imported} capture${imported === 1 ? '' : 's'} into ${resolve(values.data)}.\n`,
    );
    return EXIT_OK;
  } catch (error) {
    if (error instanceof CoreError) throw new CliError(error.message);
    throw error;
  } finally {
    await core.close();
  }
}
