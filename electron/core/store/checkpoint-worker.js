/**
 * The capture store's checkpointer thread. Checkpointer runs this file's text with `eval`
 * (no file of its own at run time, inside an asar, a bundle or the test runner alike); it
 * imports nothing but Node's built-ins.
 *
 * On each 'checkpoint' message it copies what the write-ahead log holds back into the
 * database file (PASSIVE: it never blocks the writer, and a commit that lands meanwhile
 * waits for the next pass), so the thread serving HTTP is not the one copying tens of
 * megabytes and syncing them to disk.
 */
const { parentPort, workerData } = process.getBuiltinModule('node:worker_threads');
const { DatabaseSync } = process.getBuiltinModule('node:sqlite');

const db = new DatabaseSync(workerData.file);
db.exec('PRAGMA synchronous = NORMAL');

parentPort.on('message', (message) => {
  if (message === 'close') {
    db.close();
    parentPort.close();
    return;
  }
  try {
    db.exec('PRAGMA wal_checkpoint(PASSIVE)');
  } catch (error) {
    // The writer's own automatic checkpoints remain; say why this pass failed and carry on.
    parentPort.postMessage({ failed: String(error?.message ?? error) });
  }
});
