import { DatabaseSync, type StatementSync } from 'node:sqlite';
import type { HttpExchange } from '../../../shared/composer';
import type { ReplayRecord, ReplaySummary } from '../../../shared/replay';
import { Checkpointer, enableWriteAheadLog } from '../store/checkpointer';
import { GroupCommit } from '../store/group-commit';

/** A result to store, before it has an id. */
interface NewReplay {
  captureId: number;
  batchId: string | null;
  edited: boolean;
  exchange: HttpExchange;
}

interface Row {
  id: number;
  capture_id: number;
  batch_id: string | null;
  edited: number;
  exchange: string;
}

/**
 * Replay results, linked to their source capture, in their own SQLite file
 * beside the capture store, so replays never touch what was captured.
 */
export class ReplayStore {
  private readonly db: DatabaseSync;
  private readonly insert: StatementSync;
  private readonly checkpointer: Checkpointer;
  private readonly commits: GroupCommit<NewReplay, ReplayRecord>;

  constructor(
    readonly file: string,
    warn: (message: string) => void = () => {},
  ) {
    this.db = new DatabaseSync(file);
    // Each result holds both bodies: a bulk run writes megabytes a second. The log is folded back
    // by a background thread; SQLite's own checkpoint, inside a commit, is only the upper bound.
    enableWriteAheadLog(this.db);
    this.checkpointer = new Checkpointer(file, warn);
    const version = (this.db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version;
    if (version === 0) {
      this.db.exec(`CREATE TABLE replays (
        id INTEGER PRIMARY KEY,
        capture_id INTEGER NOT NULL,
        batch_id TEXT,
        edited INTEGER NOT NULL,
        started_at TEXT NOT NULL,
        method TEXT NOT NULL,
        url TEXT NOT NULL,
        status INTEGER,
        error TEXT,
        total_ms REAL NOT NULL,
        exchange TEXT NOT NULL
      );
      CREATE INDEX replays_capture ON replays (capture_id, id);
      CREATE INDEX replays_batch ON replays (batch_id, id);
      PRAGMA user_version = 1;`);
    } else if (version > 1) {
      throw new Error(`${file} was written by a newer Hookbench (schema ${version}).`);
    }
    this.commits = new GroupCommit((replays) => this.insertAll(replays));
    this.insert = this.db.prepare(
      `INSERT INTO replays (capture_id, batch_id, edited, started_at, method, url, status, error, total_ms, exchange)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
  }

  /**
   * Stores a result; results that arrive in the same turn of the event loop share one
   * transaction (a bulk replay at concurrency 50 otherwise spends a third of its time committing).
   */
  add(
    captureId: number,
    batchId: string | null,
    edited: boolean,
    exchange: HttpExchange,
  ): Promise<ReplayRecord> {
    return this.commits.add({ captureId, batchId, edited, exchange });
  }

  private insertAll(replays: NewReplay[]): ReplayRecord[] {
    if (!this.db.isOpen) throw new Error('The replay store is closed.');
    this.db.exec('BEGIN');
    try {
      let bytes = 0;
      const records = replays.map((replay) => {
        const { record, size } = this.insertOne(replay);
        bytes += size;
        return record;
      });
      this.db.exec('COMMIT');
      this.checkpointer.wrote(bytes);
      return records;
    } catch (error) {
      try {
        this.db.exec('ROLLBACK');
      } catch {
        // Already rolled back by SQLite.
      }
      throw error;
    }
  }

  private insertOne({ captureId, batchId, edited, exchange }: NewReplay): {
    record: ReplayRecord;
    size: number;
  } {
    const json = JSON.stringify(exchange);
    const result = this.insert.run(
      captureId,
      batchId,
      edited ? 1 : 0,
      exchange.startedAt,
      exchange.request.method,
      exchange.request.url,
      exchange.response?.status ?? null,
      exchange.error?.message ?? null,
      exchange.timings.totalMs,
      json,
    );
    return {
      record: { id: Number(result.lastInsertRowid), captureId, batchId, edited, exchange },
      size: json.length,
    };
  }

  get(id: number): ReplayRecord | null {
    const row = this.db
      .prepare('SELECT id, capture_id, batch_id, edited, exchange FROM replays WHERE id = ?')
      .get(id) as Row | undefined;
    return row ? toRecord(row) : null;
  }

  /** Newest first. */
  list(filter: { captureId?: number; batchId?: string }, limit = 200): ReplaySummary[] {
    const where =
      filter.captureId !== undefined ? 'capture_id = ?' : filter.batchId !== undefined ? 'batch_id = ?' : '1';
    const params =
      filter.captureId !== undefined
        ? [filter.captureId]
        : filter.batchId !== undefined
          ? [filter.batchId]
          : [];
    const rows = this.db
      .prepare(
        `SELECT id, capture_id, batch_id, started_at, method, url, status, error, total_ms FROM replays WHERE ${where} ORDER BY id DESC LIMIT ?`,
      )
      .all(...params, limit) as {
      id: number;
      capture_id: number;
      batch_id: string | null;
      started_at: string;
      method: string;
      url: string;
      status: number | null;
      error: string | null;
      total_ms: number;
    }[];
    return rows.map((r) => ({
      id: r.id,
      captureId: r.capture_id,
      batchId: r.batch_id,
      startedAt: r.started_at,
      method: r.method,
      url: r.url,
      status: r.status,
      error: r.error,
      totalMs: r.total_ms,
    }));
  }

  /** Stores what is queued, ends the checkpoint thread, then closes the file. */
  async close(): Promise<void> {
    this.commits.flush();
    await this.checkpointer.close();
    if (this.db.isOpen) this.db.close();
  }
}

function toRecord(row: Row): ReplayRecord {
  return {
    id: row.id,
    captureId: row.capture_id,
    batchId: row.batch_id,
    edited: row.edited === 1,
    exchange: JSON.parse(row.exchange) as HttpExchange,
  };
}
