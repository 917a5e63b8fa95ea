import { DatabaseSync, type StatementSync } from 'node:sqlite';
import type { CaptureDetail, CapturePage, CaptureSummary, Finding, HeaderPair } from '../../../shared/domain';
import { type CaptureFilter, isEmptyFilter } from '../../../shared/filter';
import { contentEncodingOf } from '../../../shared/headers';
import { decodedOrStored } from '../inspector/body-decode';
import { contentTypeOf, type NewCapture } from './capture-record';
import {
  type CapturedRequest,
  type DetailRow,
  prefixed,
  type RequestRow,
  SUMMARY_COLUMNS,
  type SummaryRow,
  toCapturedRequest,
  toDetail,
  toSummary,
} from './capture-rows';
import { enableWriteAheadLog } from './checkpointer';
import { DECODED_BODY_SQL_FUNCTION, filterToSql } from './filter-sql';
import { checkStoreFile, migrate } from './schema';

export type { CapturedRequest } from './capture-rows';

export const MAX_PAGE_SIZE = 2500;

/**
 * The SQLite capture store (node:sqlite, WAL). Synchronous on purpose: each
 * write is a short transaction on the main thread, batched by CaptureWriter,
 * which is cheaper than hopping to a worker for ~300-byte rows.
 */
export class CaptureStore {
  private readonly db: DatabaseSync;
  private readonly statements: Record<
    | 'insertCapture'
    | 'insertBody'
    | 'page'
    | 'pageBefore'
    | 'detail'
    | 'request'
    | 'requests'
    | 'count'
    | 'deleteOne'
    | 'oldestFirst'
    | 'oldestUnpinned'
    | 'unpinnedBefore',
    StatementSync
  >;
  private total: number;

  constructor(readonly file: string) {
    this.db = new DatabaseSync(file);
    try {
      checkStoreFile(this.db);
      // With large bodies SQLite's default (every 4 MB of log) checkpointed every few dozen
      // captures, inside their commits; CaptureWriter's Checkpointer does it in the background.
      enableWriteAheadLog(this.db);
      this.db.exec('PRAGMA foreign_keys = ON');
      this.db.exec('PRAGMA busy_timeout = 5000');
      migrate(this.db);
      // Searching reads a body as its sender meant it; the SQL calls this only for encoded ones.
      this.db.function(DECODED_BODY_SQL_FUNCTION, { deterministic: true }, (body, encoding) =>
        body instanceof Uint8Array
          ? decodedOrStored(body, typeof encoding === 'string' ? encoding : null)
          : body,
      );
      this.statements = this.prepareStatements();
      this.total = (this.statements.count.get() as { n: number }).n;
    } catch (error) {
      // A file that is not a store must not stay open (and locked) while the caller moves it aside.
      this.db.close();
      throw error;
    }
  }

  private prepareStatements() {
    return {
      insertCapture: this.db.prepare(
        `INSERT INTO captures (received_at, method, path, http_version, headers, content_type, body_size,
           declared_body_size, truncated, remote_address, remote_port, status, response_headers,
           kind, valid, findings, rule_id, rule_name, fault, response_error, bucket, pinned, note)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      insertBody: this.db.prepare(
        'INSERT INTO capture_bodies (capture_id, request, response, encoding) VALUES (?, ?, ?, ?)',
      ),
      page: this.db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM captures ORDER BY id DESC LIMIT ?`),
      pageBefore: this.db.prepare(
        `SELECT ${SUMMARY_COLUMNS} FROM captures WHERE id < ? ORDER BY id DESC LIMIT ?`,
      ),
      detail: this.db.prepare(
        `SELECT c.*, b.request, b.response FROM captures c
         LEFT JOIN capture_bodies b ON b.capture_id = c.id WHERE c.id = ?`,
      ),
      request: this.db.prepare(
        `SELECT c.method, c.path, c.headers, b.request AS body FROM captures c
         JOIN capture_bodies b ON b.capture_id = c.id WHERE c.id = ?`,
      ),
      requests: this.db.prepare(
        `SELECT c.id, c.method, c.path, c.headers, b.request AS body FROM captures c
         JOIN capture_bodies b ON b.capture_id = c.id WHERE c.id IN (SELECT value FROM json_each(?))`,
      ),
      count: this.db.prepare('SELECT count(*) AS n FROM captures'),
      deleteOne: this.db.prepare('DELETE FROM captures WHERE id = ?'),
      oldestFirst: this.db.prepare(
        `SELECT c.*, b.request, b.response FROM captures c
         LEFT JOIN capture_bodies b ON b.capture_id = c.id WHERE c.id > ? ORDER BY c.id LIMIT ?`,
      ),
      oldestUnpinned: this.db.prepare('SELECT id FROM captures WHERE pinned = 0 ORDER BY id LIMIT ?'),
      unpinnedBefore: this.db.prepare(
        'SELECT id FROM captures WHERE pinned = 0 AND received_at < ? ORDER BY received_at LIMIT ?',
      ),
    };
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
          capture.marks?.pinned ? 1 : 0,
          capture.marks?.note || null,
        );
        const id = Number(result.lastInsertRowid);
        this.statements.insertBody.run(
          id,
          capture.body,
          capture.response.body,
          contentEncodingOf(capture.headers),
        );
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
          pinned: capture.marks?.pinned ?? false,
          note: capture.marks?.note || null,
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
    // A first page that has to read bodies counts its matches in the same scan (a window over the
    // whole result), instead of reading every body a second time for the count.
    const countInline = sql.joinsBody && beforeId === undefined;
    const before = beforeId === undefined ? '' : ' AND c.id < ?';
    const rows = this.db
      .prepare(
        `SELECT ${prefixed(SUMMARY_COLUMNS)}${countInline ? ', count(*) OVER () AS matched_count' : ''}
         FROM ${from} WHERE ${sql.where}${before} ORDER BY c.id DESC LIMIT ?`,
      )
      .all(
        ...sql.params,
        ...(beforeId === undefined ? [] : [beforeId]),
        limit + 1,
      ) as unknown as (SummaryRow & {
      matched_count?: number;
    })[];
    const matched = countInline
      ? (rows[0]?.matched_count ?? 0)
      : (
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

  /** Adds a finding learnt after the capture was stored (e.g. how forwarding it went). */
  addFinding(id: number, finding: Finding): CaptureSummary | null {
    this.db
      .prepare("UPDATE captures SET findings = json_insert(findings, '$[#]', json(?)) WHERE id = ?")
      .run(JSON.stringify(finding), id);
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

  /** Request bodies (with the headers that say how they are encoded) of captures of one kind, oldest first, read in pages. */
  *bodiesOfKind(
    kind: string,
    pageSize = 500,
  ): Generator<{ id: number; receivedAt: number; headers: HeaderPair[]; body: Uint8Array }> {
    let after = 0;
    const statement = this.db.prepare(
      `SELECT c.id AS id, c.received_at AS receivedAt, c.headers AS headers, b.request AS body FROM captures c
       JOIN capture_bodies b ON b.capture_id = c.id WHERE c.kind = ? AND c.id > ? ORDER BY c.id LIMIT ?`,
    );
    for (;;) {
      const rows = statement.all(kind, after, pageSize) as {
        id: number;
        receivedAt: number;
        headers: string;
        body: Uint8Array;
      }[];
      if (rows.length === 0) return;
      for (const row of rows) yield { ...row, headers: JSON.parse(row.headers) as HeaderPair[] };
      after = (rows[rows.length - 1] as { id: number }).id;
    }
  }

  get(id: number): CaptureDetail | null {
    const row = this.statements.detail.get(id) as DetailRow | undefined;
    return row ? toDetail(row) : null;
  }

  /** What a capture's request was, as bytes: all a replay reads of it. */
  request(id: number): CapturedRequest | null {
    const row = this.statements.request.get(id) as RequestRow | undefined;
    return row ? toCapturedRequest(row) : null;
  }

  /**
   * Several captures' requests in one read, by id (ids that no longer exist are absent): a bulk
   * replay reads ahead in pages, as one statement costs about what a single-row read does.
   */
  requests(ids: readonly number[]): Map<number, CapturedRequest> {
    const rows = this.statements.requests.all(JSON.stringify(ids)) as unknown as (RequestRow & {
      id: number;
    })[];
    return new Map(rows.map((row) => [row.id, toCapturedRequest(row)]));
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

  /** Ids of the oldest captures that are not pinned (retention), optionally only those received before a time. */
  oldestUnpinned(limit: number, receivedBefore?: number): number[] {
    const rows = (
      receivedBefore === undefined
        ? this.statements.oldestUnpinned.all(limit)
        : this.statements.unpinnedBefore.all(receivedBefore, limit)
    ) as { id: number }[];
    return rows.map((row) => row.id);
  }

  /** Bytes of the file in use (freed pages are reused by later writes, so this is what retention bounds). */
  usedBytes(): number {
    const read = (pragma: string) => Object.values(this.db.prepare(`PRAGMA ${pragma}`).get() ?? {})[0];
    return (Number(read('page_count')) - Number(read('freelist_count'))) * Number(read('page_size'));
  }

  /**
   * Fault injection for tests: sets one PRAGMA on the store's connection, e.g.
   * `max_page_count` to make the next write fail as on a full disk.
   */
  setPragmaForTest(name: 'max_page_count' | 'query_only', value: number): void {
    this.db.exec(`PRAGMA ${name} = ${Math.trunc(value)}`);
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
