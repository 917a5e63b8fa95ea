import type { DatabaseSync } from 'node:sqlite';

/**
 * Ordered migrations; `PRAGMA user_version` records how many have run.
 * Bodies live in their own table so that listing and filtering scan small rows.
 */
const MIGRATIONS: readonly (string | ((db: DatabaseSync) => void))[] = [
  `CREATE TABLE captures (
     id INTEGER PRIMARY KEY,
     received_at INTEGER NOT NULL,
     method TEXT NOT NULL,
     path TEXT NOT NULL,
     http_version TEXT NOT NULL,
     headers TEXT NOT NULL,
     content_type TEXT,
     body_size INTEGER NOT NULL,
     declared_body_size INTEGER,
     truncated INTEGER NOT NULL DEFAULT 0,
     remote_address TEXT NOT NULL,
     remote_port INTEGER NOT NULL,
     status INTEGER NOT NULL,
     response_headers TEXT NOT NULL
   );
   CREATE TABLE capture_bodies (
     capture_id INTEGER PRIMARY KEY REFERENCES captures(id) ON DELETE CASCADE,
     request BLOB NOT NULL,
     response BLOB NOT NULL
   );`,
  // 2: what recognition and the responder rules said about each capture.
  `ALTER TABLE captures ADD COLUMN kind TEXT;
   ALTER TABLE captures ADD COLUMN valid INTEGER;
   ALTER TABLE captures ADD COLUMN findings TEXT NOT NULL DEFAULT '[]';
   ALTER TABLE captures ADD COLUMN rule_id TEXT;
   ALTER TABLE captures ADD COLUMN rule_name TEXT;
   ALTER TABLE captures ADD COLUMN fault TEXT;
   ALTER TABLE captures ADD COLUMN response_error TEXT;`,
  // 3: the user's own marks, echo buckets, and indexes for the filters used most.
  `ALTER TABLE captures ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0;
   ALTER TABLE captures ADD COLUMN note TEXT;
   ALTER TABLE captures ADD COLUMN bucket TEXT;
   CREATE INDEX captures_bucket ON captures (bucket, id) WHERE bucket IS NOT NULL;
   CREATE INDEX captures_kind ON captures (kind, id);
   CREATE INDEX captures_pinned ON captures (id) WHERE pinned = 1;`,
  // 4: retention by age finds the oldest captures without scanning the table.
  `CREATE INDEX captures_received_at ON captures (received_at) WHERE pinned = 0;`,
  // 5: the Content-Encoding of each request body (null for none), beside the body: body search
  // reads gzip bodies decoded, and a search that touches only bodies still scans captures by index.
  `ALTER TABLE capture_bodies ADD COLUMN encoding TEXT;
   UPDATE capture_bodies SET encoding = (
     SELECT lower(trim(json_extract(h.value, '$[1]'))) FROM captures c, json_each(c.headers) h
     WHERE c.id = capture_bodies.capture_id AND lower(json_extract(h.value, '$[0]')) = 'content-encoding'
     LIMIT 1)
   WHERE capture_id IN (
     SELECT id FROM captures WHERE headers LIKE '%content-encoding%' AND json_valid(headers));
   UPDATE capture_bodies SET encoding = NULL WHERE encoding IN ('', 'identity');`,
  // 6: a development build kept that encoding in captures.content_encoding at schema 5: moved over.
  (db) => {
    const has = (table: string, column: string) =>
      db.prepare(`SELECT 1 FROM pragma_table_info('${table}') WHERE name = ?`).get(column) !== undefined;
    if (!has('captures', 'content_encoding')) return;
    if (!has('capture_bodies', 'encoding')) {
      db.exec(`ALTER TABLE capture_bodies ADD COLUMN encoding TEXT;
        UPDATE capture_bodies SET encoding = (SELECT content_encoding FROM captures WHERE id = capture_id);`);
    }
    db.exec('ALTER TABLE captures DROP COLUMN content_encoding');
  },
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/**
 * Reads the schema version before anything is written (even the journal mode), so a
 * file that is not a Hookbench store is left exactly as it was: another program's
 * database throws ForeignStoreError, a corrupt one SQLite's own error.
 */
export function checkStoreFile(db: DatabaseSync): number {
  const row = db.prepare('PRAGMA user_version').get() as { user_version: number } | undefined;
  const current = row?.user_version ?? 0;
  if (current === 0 && hasTables(db)) {
    // Tables but no version: another program's database, not an empty one to set up.
    throw new ForeignStoreError(
      'it is an SQLite database of another program (it has tables but no Hookbench schema)',
    );
  }
  if (current > SCHEMA_VERSION) {
    throw new Error(
      `The capture store was written by a newer Hookbench (schema ${current}, this version knows ${SCHEMA_VERSION}).`,
    );
  }
  return current;
}

export function migrate(db: DatabaseSync): void {
  const current = checkStoreFile(db);
  for (let version = current; version < SCHEMA_VERSION; version++) {
    db.exec('BEGIN');
    try {
      const step = MIGRATIONS[version];
      if (typeof step === 'function') step(db);
      else db.exec(step as string);
      db.exec(`PRAGMA user_version = ${version + 1}`);
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  }
}

/** The file is a database, but not a Hookbench capture store. */
export class ForeignStoreError extends Error {}

function hasTables(db: DatabaseSync): boolean {
  const row = db
    .prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .get() as { n: number };
  return row.n > 0;
}
