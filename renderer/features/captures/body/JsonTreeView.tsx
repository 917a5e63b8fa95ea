import { useVirtualizer } from '@tanstack/react-virtual';
import { ChevronDown, ChevronRight } from 'lucide-react';
import { useMemo, useRef, useState } from 'react';
import type { JsonTreeRow } from '../../../lib/jsonTree';

const ROW_HEIGHT = 22;

/** Rows left visible when some containers are collapsed: a collapsed container skips to its `end`. */
function visibleRows(rows: readonly JsonTreeRow[], collapsed: ReadonlySet<number>): number[] {
  const visible: number[] = [];
  for (let i = 0; i < rows.length; ) {
    visible.push(i);
    const row = rows[i] as JsonTreeRow;
    i = collapsed.has(i) && row.end > i ? row.end : i + 1;
  }
  return visible;
}

function summary(row: JsonTreeRow): string {
  if (row.type === 'object') return `{…} ${row.size} ${row.size === 1 ? 'key' : 'keys'}`;
  if (row.type === 'array') return `[…] ${row.size} ${row.size === 1 ? 'item' : 'items'}`;
  return row.text;
}

/** A collapsible tree of the document's first rows; scalars exactly as sent. Virtualised: it may hold 100,000 rows. */
export function JsonTreeView({ rows, testId }: { rows: readonly JsonTreeRow[]; testId: string }) {
  const [collapsed, setCollapsed] = useState<ReadonlySet<number>>(() => new Set());
  const visible = useMemo(() => visibleRows(rows, collapsed), [rows, collapsed]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: visible.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 20,
    useFlushSync: false,
  });

  const toggle = (index: number) =>
    setCollapsed((current) => {
      const next = new Set(current);
      if (next.has(index)) next.delete(index);
      else next.add(index);
      return next;
    });

  return (
    <div
      ref={scrollRef}
      className="json-tree"
      data-testid={testId}
      data-view="tree"
      role="tree"
      aria-label="JSON tree"
    >
      <div className="json-tree-canvas" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const index = visible[item.index] as number;
          const row = rows[index] as JsonTreeRow;
          const container = row.type === 'object' || row.type === 'array';
          const open = container && !collapsed.has(index);
          return (
            <div
              key={index}
              className="json-tree-row"
              data-testid="tree-row"
              style={{ transform: `translateY(${item.start}px)`, paddingLeft: row.depth * 16 + 4 }}
            >
              {container ? (
                <button
                  type="button"
                  className="json-tree-toggle"
                  aria-label={open ? 'Collapse' : 'Expand'}
                  aria-expanded={open}
                  onClick={() => toggle(index)}
                >
                  {open ? <ChevronDown size={12} aria-hidden /> : <ChevronRight size={12} aria-hidden />}
                </button>
              ) : (
                <span className="json-tree-spacer" />
              )}
              {row.key !== null && (
                <span className={row.keyKind === 'index' ? 'json-tree-index' : 'json-tree-key'}>
                  {row.key}:
                </span>
              )}
              <span className={`json-tree-value json-${row.type}`}>
                {container && open
                  ? row.type === 'object'
                    ? `{ ${row.size} }`
                    : `[ ${row.size} ]`
                  : summary(row)}
              </span>
            </div>
          );
        })}
      </div>
    </div>
  );
}
