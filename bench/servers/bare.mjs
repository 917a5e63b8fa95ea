/**
 * The limit: a bare node:http server that reads the whole body and answers {"ok":true}.
 * Nothing is parsed or stored. Started by the bench with an IPC channel; prints nothing.
 *
 * `bare.mjs --append FILE`: the floor for storing, as the issue measures it: each body is written
 * after the last in FILE (one write, no fsync, as SQLite's WAL commits at synchronous=NORMAL)
 * before the answer. The file is a ring of 256 MiB, so a 100 KB run does not fill the disk.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { createServer } from 'node:http';
import { answerCpuQueries } from './cpu-usage.mjs';

const OK = Buffer.from('{"ok":true}');
const appendTo = process.argv[2] === '--append' ? process.argv[3] : undefined;
const fd = appendTo ? openSync(appendTo, 'w') : null;
const RING_BYTES = 256 * 1024 * 1024;
let position = 0;

const answer = (res) => {
  res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': OK.length });
  res.end(OK);
};

const server = createServer(
  fd === null
    ? (req, res) => {
        // Every byte is read (and dropped) before answering, as any receiver must.
        req.on('data', () => {});
        req.on('end', () => answer(res));
      }
    : (req, res) => {
        const chunks = [];
        req.on('data', (chunk) => chunks.push(chunk));
        req.on('end', () => {
          const body = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
          if (position + body.length > RING_BYTES) position = 0;
          position += writeSync(fd, body, 0, body.length, position);
          answer(res);
        });
      },
);
// Same keep-alive window as Hookbench's receiver, so neither side drops connections the other keeps.
server.keepAliveTimeout = 10_000;

server.listen(0, '127.0.0.1', () => {
  process.send?.({ ready: { url: `http://127.0.0.1:${server.address().port}` } });
});

answerCpuQueries();
process.on('message', (message) => {
  if (!message?.stop) return;
  server.closeAllConnections();
  server.close(() => {
    if (fd !== null) closeSync(fd);
    process.send?.({ stopped: {} }, () => process.exit(0));
  });
});
process.on('disconnect', () => process.exit(0));
