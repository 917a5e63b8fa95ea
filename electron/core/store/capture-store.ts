import { DatabaseSync, type StatementSync } from 'node:sqlite';
import type { CaptureDetail, CapturePage, CaptureSummary, HeaderPair } from '../../../shared/domain';
import { contentTypeOf, type NewCapture } from './capture-record';
import { migrate } from './schema';

const SUMMARY_COLUMNS = 'id, received_at, method, path, status, body_size, content_type, truncated';

interface SummaryRow {
  id: number;
  received_at: number;
  method: string;
  path: string;
  status: number;
  body_size: number;
  content_type: string | null;
  truncated: number;
}

interface DetailRow extends SummaryRow {
  http_version: string;
  headers: string;
  declared_body_size: number | null;
  remote_address: string;
  remote_port: number;
  response_headers: string;
  request: Uint8Array | null;
  response: Uint8Array | null;
}

export const MAX_PAGE_SIZE = 1000;

/**
 * The SQLite capture store (node:sqlite, WAL). Synchronous on purpose: each
 * write is a short transaction on the main thread, batched by CaptureWriter,
 * which is cheaper than hopping to a worker for ~300-byte rows.
 */
export class CaptureStore {
  private readonly db: DatabaseSync;
  private readonly statements: {
    insertCapture: StatementSync;
    insertBody: StatementSync;
    page: StatementSync;
    pageBefore: StatementSync;
    detail: StatementSync;
    count: StatementSync;
    deleteOne: StatementSync;
    oldestFirst: StatementSync;
  };
  private total: number;

  constructor(readonly file: string) {
    this.db = new DatabaseSync(file);
    // WAL keeps readers and the writer apart; synchronous=NORMAL makes a commit
    // durable against a process crash (the kill test) without an fsync per batch.
    this.db.exec('PRAGMA journal_mode = WAL');
    this.db.exec('PRAGMA synchronous = NORMAL');
    this.db.exec('PRAGMA foreign_keys = ON');
    this.db.exec('PRAGMA busy_timeout = 5000');
    migrate(this.db);
    this.statements = {
      insertCapture: this.db.prepare(
        `INSERT INTO captures (received_at, method, path, http_version, headers, content_type, body_size,
           declared_body_size, truncated, remote_address, remote_port, status, response_headers)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      insertBody: this.db.prepare(
        'INSERT INTO capture_bodies (capture_id, request, response) VALUES (?, ?, ?)',
      ),
      page: this.db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM captures ORDER BY id DESC LIMIT ?`),
      pageBefore: this.db.prepare(
        `SELECT ${SUMMARY_COLUMNS} FROM captures WHERE id < ? ORDER BY id DESC LIMIT ?`,
      ),
      detail: this.db.prepare(
        `SELECT c.*, b.request, b.response FROM captures c
         LEFT JOIN capture_bodies b ON b.capture_id = c.id WHERE c.id = ?`,
      ),
      count: this.db.prepare('SELECT count(*) AS n FROM captures'),
      deleteOne: this.db.prepare('DELETE FROM captures WHERE id = ?'),
      oldestFirst: this.db.prepare(
        `SELECT c.*, b.request, b.response FROM captures c
         LEFT JOIN capture_bodies b ON b.capture_id = c.id WHERE c.id > ? ORDER BY c.id LIMIT ?`,
      ),
    };
    this.total = (this.statements.count.get() as { n: number }).n;
  }

  get count(): number {
    return this.total;
  }

  /** Inserts captures in one transaction; all or none are stored. */
  insertMany(captures: readonly NewCapture[]): CaptureSummary[] {
    const summaries: CaptureSummary[] = [];
    this.db.exec('BEGIN IMMEDIATE');
    try {
      for (const capture of captures) {
        const contentType = contentTypeOf(capture.headers);
        const result = this.statements.insertCapture.run(
          capture.receivedAt,
          capture.method,
          capture.path,
          capture.httpVersion,
          JSON.stringify(capture.headers),
          contentType,
          capture.body.byteLength,
          capture.declaredBodySize,
          capture.truncated ? 1 : 0,
          capture.remoteAddress,
          capture.remotePort,
          capture.response.status,
          JSON.stringify(capture.response.headers),
        );
        const id = Number(result.lastInsertRowid);
        this.statements.insertBody.run(id, capture.body, capture.response.body);
        summaries.push({
          id,
          receivedAt: new Date(capture.receivedAt).toISOString(),
          method: capture.method,
          path: capture.path,
          status: capture.response.status,
          bodySize: capture.body.byteLength,
          contentType,
          truncated: capture.truncated,
        });
      }
      this.db.exec('COMMIT');
    } catch (error) {
      this.rollbackQuietly();
      throw error;
    }
    this.total += summaries.length;
    return summaries;
  }

  page(options: { beforeId?: number; limit: number }): CapturePage {
    const limit = Math.min(Math.max(1, options.limit), MAX_PAGE_SIZE);
    // Ask for one extra row to learn whether an older page exists.
    const rows = (options.beforeId === undefined
      ? this.statements.page.all(limit + 1)
      : this.statements.pageBefore.all(options.beforeId, limit + 1)) as unknown as SummaryRow[];
    const hasMore = rows.length > limit;
    return { items: rows.slice(0, limit).map(toSummary), total: this.total, hasMore };
  }

  get(id: number): CaptureDetail | null {
    const row = this.statements.detail.get(id) as DetailRow | undefined;
    return row ? toDetail(row) : null;
  }

  /** Every capture, oldest first, read in pages so memory stays flat for large stores. */
  *iterateOldestFirst(pageSize = 500): Generator<CaptureDetail> {
    let after = 0;
    for (;;) {
      const rows = this.statements.oldestFirst.all(after, pageSize) as unknown as DetailRow[];
      if (rows.length === 0) return;
      for (const row of rows) yield toDetail(row);
      after = (rows[rows.length - 1] as DetailRow).id;
    }
  }

  delete(ids: readonly number[]): number {
    let deleted = 0;
    this.db.exec('BEGIN IMMEDIATE');
    try {
      for (const id of ids) deleted += Number(this.statements.deleteOne.run(id).changes);
      this.db.exec('COMMIT');
    } catch (error) {
      this.rollbackQuietly();
      throw error;
    }
    this.total -= deleted;
    return deleted;
  }

  clear(): number {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      this.db.exec('DELETE FROM capture_bodies');
      this.db.exec('DELETE FROM captures');
      this.db.exec('COMMIT');
    } catch (error) {
      this.rollbackQuietly();
      throw error;
    }
    const deleted = this.total;
    this.total = 0;
    return deleted;
  }

  close(): void {
    if (!this.db.isOpen) return;
    // Fold the WAL back so the data folder is a single self-contained file at rest.
    try {
      this.db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    } finally {
      this.db.close();
    }
  }

  private rollbackQuietly(): void {
    try {
      this.db.exec('ROLLBACK');
    } catch {
      // The transaction may already be gone (e.g. SQLITE_FULL rolls back itself).
    }
  }
}

function toSummary(row: SummaryRow): CaptureSummary {
  return {
    id: row.id,
    receivedAt: new Date(row.received_at).toISOString(),
    method: row.method,
    path: row.path,
    status: row.status,
    bodySize: row.body_size,
    contentType: row.content_type,
    truncated: row.truncated === 1,
  };
}

function toDetail(row: DetailRow): CaptureDetail {
  return {
    ...toSummary(row),
    httpVersion: row.http_version,
    headers: JSON.parse(row.headers) as HeaderPair[],
    bodyBase64: Buffer.from(row.request ?? new Uint8Array()).toString('base64'),
    declaredBodySize: row.declared_body_size,
    remoteAddress: row.remote_address,
    remotePort: row.remote_port,
    response: {
      status: row.status,
      headers: JSON.parse(row.response_headers) as HeaderPair[],
      bodyBase64: Buffer.from(row.response ?? new Uint8Array()).toString('base64'),
    },
  };
}
