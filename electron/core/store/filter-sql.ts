import type { SQLInputValue } from 'node:sqlite';
import type { CaptureFilter, JsonPathFilter } from '../../../shared/filter';
import { JsonPathError, type PathStep, parseJsonPath } from '../../../shared/json-path';
import { CoreError } from '../errors';

export interface FilterSql {
  /** A boolean SQL expression over `c` (captures) and, when `joinsBody`, `b` (capture_bodies). */
  where: string;
  params: SQLInputValue[];
  joinsBody: boolean;
}

/** The SQL function (registered by CaptureStore) giving a stored body undone from its Content-Encoding. */
export const DECODED_BODY_SQL_FUNCTION = 'hookbench_decoded_body';

/**
 * A condition on the request body as its sender meant it: a gzip (deflate, br) body decoded,
 * any other as stored. The condition is written twice, so a plain body is tested exactly as
 * before the encodings were known, and only the rare encoded one leaves SQLite for JavaScript
 * (once per use of the body in the condition).
 */
function onRequestBody(condition: (body: string) => SqlPart): SqlPart {
  const plain = condition('b.request');
  const decoded = condition(`${DECODED_BODY_SQL_FUNCTION}(b.request, b.encoding)`);
  return {
    sql: `(CASE WHEN b.encoding IS NULL THEN ${plain.sql} ELSE ${decoded.sql} END)`,
    params: [...plain.params, ...decoded.params],
  };
}

/**
 * Translates a filter into one SQL condition, so searching runs inside SQLite
 * and loads no plain bodies into JavaScript. Body text uses instr() on the
 * bytes (exact, case-sensitive); JSON paths use SQLite's json functions,
 * guarded by json_valid so a malformed body simply does not match.
 */
export function filterToSql(filter: CaptureFilter): FilterSql {
  const clauses: string[] = [];
  const params: SQLInputValue[] = [];
  let joinsBody = false;
  const any = (parts: string[]) => (parts.length === 1 ? (parts[0] as string) : `(${parts.join(' OR ')})`);

  if (filter.methods?.length) {
    clauses.push(`c.method IN (${filter.methods.map(() => '?').join(', ')})`);
    params.push(...filter.methods);
  }
  const pathHolds = (text: string): SqlPart => {
    const forms = [text, ...percentEncoded(text)];
    return { sql: any(forms.map(() => 'instr(c.path, ?) > 0')), params: forms };
  };
  for (const text of filter.pathContains ?? []) {
    const inPath = pathHolds(text);
    clauses.push(inPath.sql);
    params.push(...inPath.params);
  }
  if (filter.status?.length) {
    clauses.push(any(filter.status.map(() => 'c.status BETWEEN ? AND ?')));
    for (const range of filter.status) params.push(range.min, range.max);
  }
  for (const header of filter.headers ?? []) {
    const valueTest =
      header.valueContains === undefined ? '' : ` AND instr(json_extract(h.value, '$[1]'), ?) > 0`;
    clauses.push(
      `EXISTS (SELECT 1 FROM json_each(c.headers) h WHERE lower(json_extract(h.value, '$[0]')) = ?${valueTest})`,
    );
    params.push(header.name.toLowerCase());
    if (header.valueContains !== undefined) params.push(header.valueContains);
  }
  const bodyHolds = (text: string) =>
    onRequestBody((body) => {
      const forms = [...new Set([text, ...jsonEscaped(text), ...percentEncoded(text)])];
      return {
        sql: any(forms.map(() => `instr(${body}, ?) > 0`)),
        params: forms.map((form) => Buffer.from(form, 'utf8')),
      };
    });
  for (const text of filter.bodyContains ?? []) {
    joinsBody = true;
    const inBody = bodyHolds(text);
    clauses.push(inBody.sql);
    params.push(...inBody.params);
  }
  for (const text of filter.text ?? []) {
    joinsBody = true;
    const inPath = pathHolds(text);
    const inBody = bodyHolds(text);
    clauses.push(`(${inPath.sql} OR ${inBody.sql})`);
    params.push(...inPath.params, ...inBody.params);
  }
  if (filter.kinds?.length) {
    const named = filter.kinds.filter((kind) => kind !== 'none');
    const parts = named.length ? [`c.kind IN (${named.map(() => '?').join(', ')})`] : [];
    if (filter.kinds.includes('none')) parts.push('c.kind IS NULL');
    clauses.push(any(parts));
    params.push(...named);
  }
  if (filter.valid !== undefined) {
    clauses.push('c.valid = ?');
    params.push(filter.valid ? 1 : 0);
  }
  if (filter.after !== undefined) {
    clauses.push('c.received_at >= ?');
    params.push(filter.after);
  }
  if (filter.before !== undefined) {
    clauses.push('c.received_at < ?');
    params.push(filter.before);
  }
  if (filter.bucket !== undefined) {
    clauses.push('c.bucket = ?');
    params.push(filter.bucket);
  }
  if (filter.pinned) clauses.push('c.pinned = 1');
  if (filter.truncated) clauses.push('c.truncated = 1');
  for (const condition of filter.json ?? []) {
    joinsBody = true;
    const sql = onRequestBody((body) => jsonCondition(condition, `CAST(${body} AS TEXT)`));
    clauses.push(sql.sql);
    params.push(...sql.params);
  }
  return { where: clauses.length ? clauses.join(' AND ') : '1', params, joinsBody };
}

/**
 * Text as senders often write it: JSON with non-ASCII escaped (PHP's json_encode, Python's
 * json.dumps: "\u0417", lower- or upper-case hex), so "Здравствуйте" finds it too.
 */
function jsonEscaped(text: string): string[] {
  if (!/[\u0080-\uffff]/.test(text)) return [];
  let escaped = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    escaped += code > 0x7f ? `\\u${code.toString(16).padStart(4, '0')}` : text[i];
  }
  return [escaped, escaped.replace(/\\u([0-9a-f]{4})/g, (_m, hex: string) => `\\u${hex.toUpperCase()}`)];
}

/** Text percent-encoded as in a query string or a form body (%20, or + for a space), when that differs. */
function percentEncoded(text: string): string[] {
  const encoded = encodeURIComponent(text);
  if (encoded === text) return [];
  return [...new Set([encoded, encoded.replaceAll('%20', '+')])];
}

/** A JSON path condition on `body`, an SQL text expression. */
function jsonCondition(condition: JsonPathFilter, body: string): SqlPart {
  let steps: PathStep[];
  try {
    steps = parseJsonPath(condition.path);
  } catch (error) {
    if (error instanceof JsonPathError) throw new CoreError('bad_request', error.message);
    throw error;
  }
  const wildcards = steps.filter((step) => step.kind === 'wildcard').length;
  if (wildcards > 1) {
    throw new CoreError(
      'bad_request',
      `Searching supports one [*] per JSON path; "${condition.path}" has ${wildcards}.`,
    );
  }
  if (wildcards === 0) {
    const path = toSqlitePath(steps);
    const test = valueTest(
      condition,
      { sql: `json_extract(${body}, ?)`, params: [path] },
      { sql: `json_type(${body}, ?)`, params: [path] },
      { sql: `(${body} -> ?)`, params: [path] },
    );
    return { sql: `(CASE WHEN json_valid(${body}) THEN ${test.sql} ELSE 0 END)`, params: test.params };
  }
  const at = steps.findIndex((step) => step.kind === 'wildcard');
  const outer = toSqlitePath(steps.slice(0, at));
  const rest = steps.slice(at + 1);
  // Each element of the array (or object) the wildcard stands for is j; the rest of the path applies to it.
  const container = "j.type IN ('object', 'array')";
  const inner = toSqlitePath(rest);
  const test =
    rest.length === 0
      ? valueTest(
          condition,
          { sql: 'j.value', params: [] },
          { sql: jsonTypeOfEach, params: [] },
          { sql: `(${body} -> j.fullkey)`, params: [] },
        )
      : valueTest(
          condition,
          { sql: `(CASE WHEN ${container} THEN json_extract(j.value, ?) END)`, params: [inner] },
          { sql: `(CASE WHEN ${container} THEN json_type(j.value, ?) END)`, params: [inner] },
          { sql: `(CASE WHEN ${container} THEN (j.value -> ?) END)`, params: [inner] },
        );
  return {
    sql: `(CASE WHEN json_valid(${body}) THEN EXISTS (SELECT 1 FROM json_each(${body}, ?) j WHERE ${test.sql}) ELSE 0 END)`,
    params: [outer, ...test.params],
  };
}

/** json_each's `type` says 'integer'/'real'/'text'… like json_type, but 'true'/'false' for booleans too. */
const jsonTypeOfEach = 'j.type';

interface SqlPart {
  sql: string;
  params: SQLInputValue[];
}

/**
 * The comparison on the selected value `v` and its JSON type `t`. Each use of
 * v or t repeats its SQL and its parameters, in the order they appear.
 */
function valueTest(condition: JsonPathFilter, v: SqlPart, t: SqlPart, raw: SqlPart): SqlPart {
  const parts: (string | SqlPart)[] = (() => {
    switch (condition.op) {
      case 'exists':
        return [t, ' IS NOT NULL'];
      case '~':
        return ['instr(CAST(', v, ' AS TEXT), ', literal(String(condition.value ?? '')), ') > 0'];
      case '=':
      case '!=': {
        const negate = condition.op === '!=';
        const value = condition.value ?? null;
        if (value === null) return negate ? [t, ' IS NOT NULL AND ', t, " != 'null'"] : [t, " = 'null'"];
        if (typeof value === 'boolean')
          return [t, negate ? ' != ' : ' = ', literal(value ? 'true' : 'false')];
        if (typeof value === 'number' && condition.digits !== undefined) {
          // Past 2^53 a double rounds: the JSON text of the number (SQLite's ->) is compared instead.
          const digits = literal(condition.digits);
          const eq = ['(', raw, ' = ', digits, ' OR (', t, " = 'text' AND ", v, ' = ', digits, '))'];
          return negate ? [t, ' IS NOT NULL AND NOT ', ...eq] : eq;
        }
        if (typeof value === 'number') {
          // A number matches a JSON number, or a string holding the same digits (ids often travel as strings).
          const eq = [
            '(',
            v,
            ' = ',
            literal(value),
            ' OR (',
            t,
            " = 'text' AND ",
            v,
            ' = ',
            literal(String(value)),
            '))',
          ];
          return negate ? [t, ' IS NOT NULL AND NOT ', ...eq] : eq;
        }
        return negate
          ? [t, ' IS NOT NULL AND ', v, ' IS NOT ', literal(value)]
          : [t, " = 'text' AND ", v, ' = ', literal(value)];
      }
    }
  })();
  let sql = '';
  const params: SQLInputValue[] = [];
  for (const part of parts) {
    if (typeof part === 'string') sql += part;
    else {
      sql += part.sql;
      params.push(...part.params);
    }
  }
  return { sql: `(${sql})`, params };
}

function literal(value: SQLInputValue): SqlPart {
  return { sql: '?', params: [value] };
}

function toSqlitePath(steps: readonly PathStep[]): string {
  let path = '$';
  for (const step of steps) {
    if (step.kind === 'index') path += `[${step.index}]`;
    else if (step.kind === 'key')
      path += /^[A-Za-z_][\w]*$/.test(step.key) ? `.${step.key}` : `."${step.key.replaceAll('"', '\\"')}"`;
  }
  return path;
}
