/**
 * Peer: mockttp (HTTP Toolkit's mock server) with one rule answering POST /bench with 200
 * {"ok":true}. Like Mockoon it keeps what it saw in memory; nothing is written to disk.
 */
import { getLocal } from 'mockttp';
import { answerCpuQueries } from './cpu-usage.mjs';

try {
  const server = getLocal();
  // Without a port mockttp picks the first free one from 8000 up.
  await server.start();
  // With headers given, mockttp sends exactly these: without a Content-Length the answer would be
  // close-delimited and keep-alive impossible, which is not how anyone would run it under load.
  await server.forPost('/bench').thenReply(200, '{"ok":true}', {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': '11',
  });
  process.send?.({ ready: { url: `http://127.0.0.1:${server.port}` } });
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await server.stop();
    process.send?.({ stopped: {} }, () => process.exit(0));
  };
  answerCpuQueries();
  process.on('message', (message) => {
    if (message?.stop) void stop();
  });
  process.on('disconnect', () => void stop());
} catch (error) {
  process.send?.({ failed: `could not start: ${error?.message ?? error}` });
  process.exitCode = 1;
}
