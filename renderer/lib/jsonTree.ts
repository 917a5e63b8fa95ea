/**
 * JSON text flattened into tree rows without JSON.parse, so every scalar keeps
 * its exact spelling (big ids, `1.0`, escapes) and duplicate keys all show.
 * The whole document is scanned (sizes are exact), but only the first `maxRows`
 * rows are kept: a 20 MB body has millions of nodes and the view pages through them.
 */
import { scanScalar, scanString } from './jsonFormat';

export type JsonNodeType = 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null';

export interface JsonTreeRow {
  depth: number;
  /** The property name as sent (a JSON string literal), the array index, or null for the root. */
  key: string | null;
  keyKind: 'property' | 'index' | 'root';
  type: JsonNodeType;
  /** Scalars: the token exactly as sent, clipped when very long. */
  text: string;
  /** True when `text` was clipped. */
  clipped: boolean;
  /** Containers: number of direct children. */
  size: number;
  /** Containers: index of the first row after this container's stored descendants. */
  end: number;
}

export interface JsonTree {
  rows: JsonTreeRow[];
  /** Every node in the document, stored or not. */
  totalNodes: number;
}

/** Longer scalars are clipped in a tree row; the pretty and raw views show them whole. */
export const MAX_SCALAR_CHARS = 2000;

interface Frame {
  row: JsonTreeRow | null;
  kind: '{' | '[';
  count: number;
}

function scalarType(first: string): JsonNodeType {
  if (first === '"') return 'string';
  if (first === 't' || first === 'f') return 'boolean';
  if (first === 'n') return 'null';
  return 'number';
}

function skipSpace(text: string, i: number): number {
  let j = i;
  while (j < text.length) {
    const code = text.charCodeAt(j);
    if (code !== 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) break;
    j += 1;
  }
  return j;
}

/** The tree of a JSON document, or null when the text is not exactly one JSON value. */
export function buildJsonTree(text: string, maxRows: number): JsonTree | null {
  const rows: JsonTreeRow[] = [];
  const stack: Frame[] = [];
  let totalNodes = 0;
  let i = skipSpace(text, text.charCodeAt(0) === 0xfeff ? 1 : 0);

  const addRow = (type: JsonNodeType, rowText: string, key: string | null): JsonTreeRow | null => {
    totalNodes += 1;
    const parent = stack[stack.length - 1];
    if (parent) parent.count += 1;
    if (rows.length >= maxRows) return null;
    const clipped = rowText.length > MAX_SCALAR_CHARS;
    const row: JsonTreeRow = {
      depth: stack.length,
      key: parent ? (parent.kind === '[' ? String(parent.count - 1) : key) : null,
      keyKind: parent ? (parent.kind === '[' ? 'index' : 'property') : 'root',
      type,
      text: clipped ? `${rowText.slice(0, MAX_SCALAR_CHARS)}…` : rowText,
      clipped,
      size: 0,
      end: 0,
    };
    rows.push(row);
    return row;
  };

  /** After a member: a comma and another member, or the container's closer. */
  const afterValue = (): boolean => {
    i = skipSpace(text, i);
    const parent = stack[stack.length - 1] as Frame;
    if (text[i] === ',') {
      i += 1;
      const after = skipSpace(text, i);
      return text[after] !== '}' && text[after] !== ']';
    }
    return text[i] === (parent.kind === '{' ? '}' : ']');
  };

  // One value per loop turn: an object's key is read together with its value.
  for (;;) {
    const top = stack[stack.length - 1];
    let key: string | null = null;
    if (top) {
      i = skipSpace(text, i);
      const closer = top.kind === '{' ? '}' : ']';
      if (text[i] === closer) {
        stack.pop();
        if (top.row) {
          top.row.size = top.count;
          top.row.end = rows.length;
        }
        i += 1;
        if (stack.length === 0) break;
        if (!afterValue()) return null;
        continue;
      }
      if (top.kind === '{') {
        if (text[i] !== '"') return null;
        const keyEnd = scanString(text, i);
        if (keyEnd < 0) return null;
        key = text.slice(i, keyEnd);
        i = skipSpace(text, keyEnd);
        if (text[i] !== ':') return null;
        i = skipSpace(text, i + 1);
      }
    }
    const ch = text[i];
    if (ch === undefined) return null;
    if (ch === '{' || ch === '[') {
      const row = addRow(ch === '{' ? 'object' : 'array', '', key);
      stack.push({ row, kind: ch, count: 0 });
      i += 1;
      continue;
    }
    const end = scanScalar(text, i);
    if (end < 0) return null;
    addRow(scalarType(ch), text.slice(i, end), key);
    i = end;
    if (stack.length === 0) break;
    if (!afterValue()) return null;
  }
  if (skipSpace(text, i) !== text.length) return null;
  return { rows, totalNodes };
}
