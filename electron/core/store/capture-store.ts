import { DatabaseSync, type StatementSync } from 'node:sqlite';
import type { CaptureDetail, CapturePage, CaptureSummary, Finding, HeaderPair } from '../../../shared/domain';
import { type CaptureFilter, isEmptyFilter } from '../../../shared/filter';
import type { Fault, PayloadKind } from '../../../shared/rules';
import { contentTypeOf, type NewCapture } from './capture-record';
import { filterToSql } from './filter-sql';
import { migrate } from './schema';

const SUMMARY_COLUMNS =
  'id, received_at, method, path, status, body_size, content_type, truncated, kind, valid, rule_name, fault, pinned, note, bucket';

interface SummaryRow {
  id: number;
  received_at: number;
  method: string;
  path: string;
  status: number;
  body_size: number;
  content_type: string | null;
  truncated: number;
  kind: PayloadKind | null;
  valid: number | null;
  rule_name: string | null;
  fault: Fault['kind'] | null;
  pinned: number;
  note: string | null;
  bucket: string | null;
}

interface DetailRow extends SummaryRow {
  http_version: string;
  headers: string;
  declared_body_size: number | null;
  remote_address: string;
  remote_port: number;
  response_headers: string;
  findings: string;
  rule_id: string | null;
  response_error: string | null;
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
           declared_body_size, truncated, remote_address, remote_port, status, response_headers,
           kind, valid, findings, rule_id, rule_name, fault, response_error, bucket)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
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
          capture.kind,
          capture.valid === null ? null : capture.valid ? 1 : 0,
          JSON.stringify(capture.findings),
          capture.origin.ruleId,
          capture.origin.ruleName,
          capture.origin.fault,
          capture.origin.error,
          capture.bucket,
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
          kind: capture.kind,
          valid: capture.valid,
          ruleName: capture.origin.ruleName,
          fault: capture.origin.fault,
          pinned: false,
          note: null,
          bucket: capture.bucket,
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

  page(options: { beforeId?: number; limit: number; filter?: CaptureFilter }): CapturePage {
    const limit = Math.min(Math.max(1, options.limit), MAX_PAGE_SIZE);
    if (options.filter && !isEmptyFilter(options.filter))
      return this.filteredPage(options.filter, options.beforeId, limit);
    // Ask for one extra row to learn whether an older page exists.
    const rows = (options.beforeId === undefined
      ? this.statements.page.all(limit + 1)
      : this.statements.pageBefore.all(options.beforeId, limit + 1)) as unknown as SummaryRow[];
    const hasMore = rows.length > limit;
    return { items: rows.slice(0, limit).map(toSummary), total: this.total, matched: this.total, hasMore };
  }

  private filteredPage(filter: CaptureFilter, beforeId: number | undefined, limit: number): CapturePage {
    const sql = filterToSql(filter);
    const from = `captures c${sql.joinsBody ? ' JOIN capture_bodies b ON b.capture_id = c.id' : ''}`;
    const before = beforeId === undefined ? '' : ' AND c.id < ?';
    const rows = this.db
      .prepare(
        `SELECT ${prefixed(SUMMARY_COLUMNS)} FROM ${from} WHERE ${sql.where}${before} ORDER BY c.id DESC LIMIT ?`,
      )
      .all(
        ...sql.params,
        ...(beforeId === undefined ? [] : [beforeId]),
        limit + 1,
      ) as unknown as SummaryRow[];
    const matched = (
      this.db.prepare(`SELECT count(*) AS n FROM ${from} WHERE ${sql.where}`).get(...sql.params) as {
        n: number;
      }
    ).n;
    return {
      items: rows.slice(0, limit).map(toSummary),
      total: this.total,
      matched,
      hasMore: rows.length > limit,
    };
  }

  /** Ids of every capture matching a filter, oldest first (exports, replays). */
  idsMatching(filter: CaptureFilter): number[] {
    const sql = filterToSql(filter);
    const from = `captures c${sql.joinsBody ? ' JOIN capture_bodies b ON b.capture_id = c.id' : ''}`;
    const rows = this.db
      .prepare(`SELECT c.id AS id FROM ${from} WHERE ${sql.where} ORDER BY c.id`)
      .all(...sql.params) as {
      id: number;
    }[];
    return rows.map((row) => row.id);
  }

  setMeta(id: number, patch: { pinned?: boolean; note?: string | null }): CaptureSummary | null {
    if (patch.pinned !== undefined)
      this.db.prepare('UPDATE captures SET pinned = ? WHERE id = ?').run(patch.pinned ? 1 : 0, id);
    if (patch.note !== undefined)
      this.db.prepare('UPDATE captures SET note = ? WHERE id = ?').run(patch.note, id);
    const row = this.db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM captures WHERE id = ?`).get(id) as
      | SummaryRow
      | undefined;
    return row ? toSummary(row) : null;
  }

  buckets(): { name: string; count: number; last: number }[] {
    return this.db
      .prepare(
        'SELECT bucket AS name, count(*) AS count, max(received_at) AS last FROM captures WHERE bucket IS NOT NULL GROUP BY bucket ORDER BY last DESC',
      )
      .all() as { name: string; count: number; last: number }[];
  }

  /** The newest captures of a bucket, whole, newest first. */
  bucketCaptures(bucket: string, limit: number): CaptureDetail[] {
    const rows = this.db
      .prepare(
        `SELECT c.*, b.request, b.response FROM captures c LEFT JOIN capture_bodies b ON b.capture_id = c.id
         WHERE c.bucket = ? ORDER BY c.id DESC LIMIT ?`,
      )
      .all(bucket, limit) as unknown as DetailRow[];
    return rows.map(toDetail);
  }

  /** Request bodies of captures of one kind, oldest first, read in pages. */
  *bodiesOfKind(
    kind: string,
    pageSize = 500,
  ): Generator<{ id: number; receivedAt: number; body: Uint8Array }> {
    let after = 0;
    const statement = this.db.prepare(
      `SELECT c.id AS id, c.received_at AS receivedAt, b.request AS body FROM captures c
       JOIN capture_bodies b ON b.capture_id = c.id WHERE c.kind = ? AND c.id > ? ORDER BY c.id LIMIT ?`,
    );
    for (;;) {
      const rows = statement.all(kind, after, pageSize) as {
        id: number;
        receivedAt: number;
        body: Uint8Array;
      }[];
      if (rows.length === 0) return;
      yield* rows;
      after = (rows[rows.length - 1] as { id: number }).id;
    }
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

function prefixed(columns: string): string {
  return columns
    .split(',')
    .map((column) => `c.${column.trim()}`)
    .join(', ');
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
    kind: row.kind,
    valid: row.valid === null ? null : row.valid === 1,
    ruleName: row.rule_name,
    fault: row.fault,
    pinned: row.pinned === 1,
    note: row.note,
    bucket: row.bucket,
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
    origin: { ruleId: row.rule_id, ruleName: row.rule_name, fault: row.fault, error: row.response_error },
    note: row.note,
    findings: JSON.parse(row.findings) as Finding[],
  };
}
