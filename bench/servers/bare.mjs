/**
 * The limit: a bare node:http server that reads the whole body and answers {"ok":true}.
 * Nothing is parsed or stored. Started by the bench with an IPC channel; prints nothing.
 */
import { createServer } from 'node:http';

const OK = Buffer.from('{"ok":true}');

const server = createServer((req, res) => {
  // Every byte is read (and dropped) before answering, as any receiver must.
  req.on('data', () => {});
  req.on('end', () => {
    res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': OK.length });
    res.end(OK);
  });
});
// Same keep-alive window as Hookbench's receiver, so neither side drops connections the other keeps.
server.keepAliveTimeout = 10_000;

server.listen(0, '127.0.0.1', () => {
  process.send?.({ ready: { url: `http://127.0.0.1:${server.address().port}` } });
});

process.on('message', (message) => {
  if (!message?.stop) return;
  server.closeAllConnections();
  server.close(() => {
    process.send?.({ stopped: {} }, () => process.exit(0));
  });
});
process.on('disconnect', () => process.exit(0));
