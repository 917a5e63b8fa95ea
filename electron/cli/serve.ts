import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { receiverHostProblem } from '../../shared/host';
import { HostListenError, startHeadlessHost } from '../host/headless-host';
import { dataFolder, openCore, stderrLogger } from './data-folder';
import { defaultDataDir, parsePort } from './options';
import { print } from './output';
import { CliError, EXIT_OK, EXIT_USAGE } from './usage-error';

export const SERVE_USAGE = `hookbench serve [--port 7700] [--host 127.0.0.1] [--ui-port 7701] [--data DIR]

Starts the receiver (where webhook senders post) and the UI (open its address in a browser).
  --port N      receiver port (default: the saved setting, 7700; 0 picks a free port)
  --host ADDR   receiver address (default 127.0.0.1; 0.0.0.0 lets other machines send)
  --ui-port N   UI port, always on 127.0.0.1 and guarded by a token (default 7701)
  --data DIR    data folder (default: the desktop app's)`;

/** What to do about a receiver that could not listen, fitting why it could not. */
function listenAdvice(error: string): string {
  if (/not an address of this machine/.test(error))
    return 'Give --host an address of this machine: 127.0.0.1 (this machine only) or 0.0.0.0 (every network).';
  if (/port/i.test(error)) return 'Choose another with --port N.';
  return 'Check --host and --port.';
}

/** Built CLI lives in dist/cli; the UI it serves in dist/renderer. */
function rendererDir(): string {
  return resolve(import.meta.dirname, '../renderer');
}

export async function serve(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'ui-port': { type: 'string' },
      data: { type: 'string' },
    },
    strict: true,
  });
  const uiDir = rendererDir();
  if (!existsSync(join(uiDir, 'index.html'))) {
    throw new CliError(`The UI is not built (no ${uiDir}/index.html). Run \`npm run build\` first.`);
  }
  const dataDir = dataFolder(values.data ?? defaultDataDir());
  const receiverOverrides: { port?: number; host?: string } = {};
  if (values.port !== undefined) receiverOverrides.port = parsePort(values.port, '--port', 7700);
  if (values.host !== undefined) {
    const problem = receiverHostProblem(values.host);
    if (problem !== null) throw new CliError(`--host: ${problem}`);
    receiverOverrides.host = values.host;
  }
  const uiPort = parsePort(values['ui-port'], '--ui-port', 7701);
  if (receiverOverrides.port !== undefined) refuseSharedPort(receiverOverrides.port, uiPort);

  const core = await openCore({ dataDir, receiver: receiverOverrides });
  await core.start();
  const status = await core.handlers.getReceiverStatus(undefined);
  if (status.state !== 'listening') {
    await core.close();
    const error = status.error ?? 'The receiver could not start.';
    throw new CliError(`${error} ${listenAdvice(error)}`, EXIT_USAGE);
  }
  try {
    // The saved receiver port may be the UI port, too.
    refuseSharedPort(status.port, uiPort);
  } catch (error) {
    await core.close();
    throw error;
  }
  let host: Awaited<ReturnType<typeof startHeadlessHost>>;
  try {
    host = await startHeadlessHost({ core, rendererDir: uiDir, host: '127.0.0.1', port: uiPort });
  } catch (error) {
    await core.close();
    if (error instanceof HostListenError)
      throw new CliError(`${error.message} Choose another with --ui-port N.`);
    throw error;
  }
  if (status.host !== '127.0.0.1' && status.host !== 'localhost' && status.host !== '::1') {
    stderrLogger.warn(
      `the receiver listens on ${status.host}: other machines on the network can send it requests.`,
    );
  }

  print(
    [
      'Hookbench is running.',
      `  Receiver: ${status.url}`,
      `  UI:       ${host.url}`,
      `  Data:     ${dataDir}`,
      'Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );

  return new Promise<number>((resolveExit) => {
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) return;
      stopping = true;
      process.stderr.write(`Stopping (${signal}); saving what was captured…\n`);
      void host
        .close()
        .then(() => core.close())
        .then(() => resolveExit(EXIT_OK));
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
}

/**
 * Webhook senders reach the receiver's port; the UI (the app's control surface) must
 * never be on it, so a configuration putting both on one port is refused outright.
 */
function refuseSharedPort(receiverPort: number, uiPort: number): void {
  if (receiverPort === 0 || receiverPort !== uiPort) return;
  throw new CliError(
    `The receiver and the UI cannot share port ${uiPort}: webhook senders must never reach the UI. Choose another with --ui-port N.`,
    EXIT_USAGE,
  );
}
