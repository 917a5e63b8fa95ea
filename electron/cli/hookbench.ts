#!/usr/bin/env node
import { DIAGNOSE_USAGE, diagnose } from './diagnose';
import { EXPORT_USAGE, exportCaptures } from './export';
import { IMPORT_USAGE, importCaptures } from './import';
import { guardOutput, stdoutClosed, stdoutFailure } from './output';
import { RENDER_USAGE, render } from './render';
import { REPLAY_USAGE, replay } from './replay';
import { SEND_USAGE, send } from './send';
import { SERVE_USAGE, serve } from './serve';
import { SIMULATE_USAGE, simulate } from './simulate';
import { CliError, EXIT_FAILED, EXIT_OK, EXIT_USAGE } from './usage-error';

const COMMANDS: Record<string, { run: (argv: string[]) => Promise<number>; usage: string }> = {
  serve: { run: serve, usage: SERVE_USAGE },
  export: { run: exportCaptures, usage: EXPORT_USAGE },
  import: { run: importCaptures, usage: IMPORT_USAGE },
  diagnose: { run: diagnose, usage: DIAGNOSE_USAGE },
  render: { run: render, usage: RENDER_USAGE },
  send: { run: send, usage: SEND_USAGE },
  replay: { run: replay, usage: REPLAY_USAGE },
  simulate: { run: simulate, usage: SIMULATE_USAGE },
};

const USAGE = `Hookbench — a workbench for webhooks.

Usage: hookbench <command> [options]

Commands:
  serve    start the receiver and the browser UI
  export   write captured requests to a file (NDJSON or HAR)
  import   add the captures of a HAR file or an NDJSON export
  diagnose tell exactly why a JSON body is broken, and how to fix it
  render   render a body template against sample state/event data
  send     render a body template and send it to a URL
  replay   send captured requests again to a target URL
  simulate play a sender (SMS gateway, CRM platform, messaging SDK) against a URL

Run \`hookbench <command> --help\` for a command's options.`;

/** The command being run, for a usage error's pointer to its --help. */
let commandName: string | null = null;

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  const command = COMMANDS[name];
  if (!command)
    throw new CliError(`Unknown command "${name}". Commands: ${Object.keys(COMMANDS).join(', ')}.`);
  commandName = name;
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`${command.usage}\n`);
    return EXIT_OK;
  }
  return command.run(rest);
}

guardOutput();
// Past a file size limit (ulimit -f) the kernel would kill the process mid-write, leaving a partial
// export file behind; ignored, the write fails with EFBIG instead and the export cleans up after itself.
if (process.platform !== 'win32') process.on('SIGXFSZ', () => {});
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // A write that failed because the reader left (`| head`) is the reader's choice, not an error.
    if (stdoutClosed() && stdoutFailure() === null && (error as { code?: unknown }).code === 'EPIPE') {
      process.exitCode = EXIT_OK;
      return;
    }
    // Plain words, never a stack trace: parseArgs and our own errors both carry readable messages.
    const message = isUsageError(error)
      ? flagWords(error as Error)
      : error instanceof Error
        ? error.message
        : String(error);
    process.stderr.write(`hookbench: ${message}\n`);
    process.exitCode =
      error instanceof CliError ? error.exitCode : isUsageError(error) ? EXIT_USAGE : EXIT_FAILED;
  },
);

function isUsageError(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}

/**
 * parseArgs' own words, made ours: its advice on positional arguments (with an unclosed quote)
 * and on option values that start with a dash is replaced by one line and the way to --help.
 */
function flagWords(error: Error): string {
  const first = (error.message.split('\n')[0] ?? '').split('. To specify')[0]?.replace(/\.$/, '') ?? '';
  const help = `see hookbench ${commandName ?? '<command>'} --help`;
  const flag = /'(--?[\w-]+)'/.exec(first)?.[1];
  if (flag && /ambiguous/.test(first))
    return `${flag} needs a value; one that starts with a dash is written ${flag}=-1 (${help}).`;
  return `${first} (${help}).`;
}
