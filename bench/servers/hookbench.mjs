/**
 * Hookbench's receiver as the app runs it: the real core (createHookbench) on a fresh data
 * folder, durable SQLite store, starter rules. `--template` adds a rule answering
 * POST /bench/template with a rendered Handlebars body. Usage: hookbench.mjs DATA_DIR [--template]
 */
import { createHookbench } from '../.build/core.mjs';
import { emptyMatch, plainResponder } from '../.build/presets.mjs';
import { answerCpuQueries } from './cpu-usage.mjs';

// The space before the last brace matters: `{{…}}}` is ambiguous in Handlebars and Hookbench rejects it.
const TEMPLATE_BODY = '{"echo":"{{request.body.campaign_name}}","n":{{request.body.time}} }';

const [dataDir, ...flags] = process.argv.slice(2);
if (!dataDir) {
  process.send?.({ failed: 'usage: hookbench.mjs DATA_DIR [--template]' });
  process.exit(2);
}

try {
  const core = await createHookbench({ dataDir, receiver: { host: '127.0.0.1', port: 0 } });
  if (flags.includes('--template')) {
    await core.handlers.saveRule({
      id: 'bench-template',
      name: 'Bench: templated answer',
      enabled: true,
      delay: null,
      cors: false,
      match: emptyMatch({ kind: 'exact', value: '/bench/template' }, ['POST']),
      responder: plainResponder(200, TEMPLATE_BODY),
    });
  }
  await core.start();
  const status = await core.handlers.getReceiverStatus(undefined);
  if (status.state !== 'listening') throw new Error(status.error ?? `receiver is ${status.state}`);
  process.send?.({ ready: { url: status.url.replace(/\/$/, '') } });

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    const page = await core.handlers.listCaptures({ limit: 1 });
    await core.close();
    process.send?.({ stopped: { stored: page.total } }, () => process.exit(0));
  };
  answerCpuQueries();
  process.on('message', (message) => {
    if (message?.stop) void stop();
  });
  process.on('SIGTERM', () => void stop());
  process.on('disconnect', () => void stop());
} catch (error) {
  process.send?.({ failed: `could not start: ${error?.message ?? error}` });
  process.exitCode = 1;
}
