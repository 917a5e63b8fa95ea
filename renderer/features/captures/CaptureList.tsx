import { useVirtualizer } from '@tanstack/react-virtual';
import { LoaderCircle } from 'lucide-react';
import { type KeyboardEvent, type MouseEvent, useCallback, useEffect, useRef } from 'react';
import { indexOfId } from '../../state/captureList';
import { useCaptures } from '../../state/StoresContext';
import { CaptureRow, captureRowId, ROW_HEIGHT } from './CaptureRow';
import './capture-list.css';

const estimateRowSize = () => ROW_HEIGHT;

/**
 * Start fetching the next page this many rows before the end comes into view: a fast scroll
 * (a dragged scrollbar passes ~70 rows a frame) then finds the page already there.
 */
const LOAD_AHEAD_ROWS = 400;
/** Rows rendered beyond each edge: they hide the gap a fast wheel leaves before the next render. */
const OVERSCAN_ROWS = 6;
/**
 * While a scroll moves more than half the viewport at a time (a dragged scrollbar), hardly a row
 * is reused from one frame to the next and rows beyond the edges are replaced before anyone sees
 * them: they would only add work to every frame.
 */
const OVERSCAN_ROWS_LEAPING = 1;
const FOOTER_KEY = 'footer';

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

export function CaptureList() {
  const items = useCaptures((s) => s.items);
  const hasMore = useCaptures((s) => s.hasMore);
  const loadingOlder = useCaptures((s) => s.loadingOlder);
  const olderError = useCaptures((s) => s.olderError);
  const selectedId = useCaptures((s) => s.selectedId);
  const selectedIds = useCaptures((s) => s.selectedIds);
  const filter = useCaptures((s) => s.filter);
  const listStatus = useCaptures((s) => s.listStatus);
  const select = useCaptures((s) => s.select);
  const clickRow = useCaptures((s) => s.clickRow);
  const loadOlder = useCaptures((s) => s.loadOlder);
  const retryOlder = useCaptures((s) => s.retryOlder);

  const scrollRef = useRef<HTMLDivElement>(null);
  // At the very top the list follows new arrivals; anywhere else the rows under
  // the reader stay put while captures stream in above them.
  const atTopRef = useRef(true);
  const lastOffsetRef = useRef(0);
  const leapingRef = useRef(false);

  const showFooter = hasMore || olderError !== null;
  // Stable between renders: the virtualizer re-measures every row whenever these functions change,
  // which at 100,000 rows cost a visible share of each scroll frame.
  const getItemKey = useCallback((index: number) => items[index]?.id ?? FOOTER_KEY, [items]);
  const virtualizer = useVirtualizer({
    count: items.length + (showFooter ? 1 : 0),
    getScrollElement: () => scrollRef.current,
    estimateSize: estimateRowSize,
    getItemKey,
    overscan: leapingRef.current ? OVERSCAN_ROWS_LEAPING : OVERSCAN_ROWS,
    anchorTo: atTopRef.current ? 'start' : 'end',
    useFlushSync: false,
    onChange: (instance) => {
      const offset = instance.scrollOffset ?? 0;
      atTopRef.current = offset < 1;
      // Settled (the virtualizer reports the end of a scroll ~150 ms after the last event): full overscan again.
      leapingRef.current =
        instance.isScrolling &&
        Math.abs(offset - lastOffsetRef.current) > (instance.scrollRect?.height ?? Infinity) / 2;
      lastOffsetRef.current = offset;
    },
  });

  const virtualItems = virtualizer.getVirtualItems();
  // While leaping, rows are keyed by their place on screen, so React refills the same elements
  // instead of building every row anew each frame; at rest (and at a slow scroll) each row keeps
  // its capture's key, so the element under a click is always that capture's.
  const leaping = leapingRef.current;
  const firstIndex = virtualItems[0]?.index ?? 0;
  const lastVisibleIndex = virtualItems[virtualItems.length - 1]?.index ?? -1;
  const selectedIndex = selectedId === null ? -1 : indexOfId(items, selectedId);

  useEffect(() => {
    if (hasMore && !loadingOlder && lastVisibleIndex >= items.length - LOAD_AHEAD_ROWS) void loadOlder();
  }, [hasMore, loadingOlder, lastVisibleIndex, items.length, loadOlder]);

  const selectIndex = (index: number) => {
    const target = items[index];
    if (!target) return;
    select(target.id);
    virtualizer.scrollToIndex(index, { align: 'auto' });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (items.length === 0) return;
    const pageRows = Math.max(
      1,
      Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT) / ROW_HEIGHT) - 1,
    );
    const from = selectedIndex;
    let next: number;
    switch (event.key) {
      case 'ArrowDown':
        next = from < 0 ? 0 : from + 1;
        break;
      case 'ArrowUp':
        next = from < 0 ? 0 : from - 1;
        break;
      case 'PageDown':
        next = from + pageRows;
        break;
      case 'PageUp':
        next = from - pageRows;
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = items.length - 1;
        break;
      default:
        return;
    }
    event.preventDefault();
    selectIndex(clamp(next, 0, items.length - 1));
  };

  // One delegated handler instead of one per row: rows mount and unmount constantly while scrolling.
  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    if (!(event.target instanceof Element)) return;
    const row = event.target.closest<HTMLElement>('.capture-row');
    const id = Number(row?.dataset.id);
    if (!row || !Number.isInteger(id)) return;
    // Ctrl (Cmd on macOS) toggles a row in the selection, Shift selects a range, as in a file manager.
    clickRow(id, { toggle: event.ctrlKey || event.metaKey, range: event.shiftKey });
    // Keep focus on the listbox: a focused row would lose it as soon as it scrolls out and unmounts.
    scrollRef.current?.focus({ preventScroll: true });
  };

  // Shift-click would otherwise also select the text between the two rows.
  const onMouseDown = (event: MouseEvent<HTMLDivElement>) => {
    if (event.shiftKey) event.preventDefault();
  };

  return (
    <div className="capture-list-frame">
      <div className="capture-list-header" aria-hidden>
        <span className="cell cell-method">Method</span>
        <span className="cell cell-path">Path</span>
        <span className="cell cell-status">Status</span>
        <span className="cell cell-time">Time</span>
        <span className="cell cell-size">Size</span>
      </div>
      <div
        ref={scrollRef}
        className="capture-list"
        data-testid="capture-list"
        role="listbox"
        aria-label="Captured requests"
        aria-multiselectable
        tabIndex={0}
        aria-activedescendant={
          selectedId !== null && selectedIndex >= 0 ? captureRowId(selectedId) : undefined
        }
        onKeyDown={onKeyDown}
        onClick={onClick}
        onMouseDown={onMouseDown}
      >
        {items.length === 0 && listStatus !== 'loading' && (
          <p className="capture-list-empty" data-testid="list-empty">
            {filter === '' ? 'No captures.' : 'No captures match this filter.'}
          </p>
        )}
        <div className="capture-list-canvas" style={{ height: virtualizer.getTotalSize() }}>
          {virtualItems.map((virtualRow) => {
            const capture = items[virtualRow.index];
            if (!capture) {
              return (
                <div
                  key={FOOTER_KEY}
                  className="capture-list-footer"
                  style={{ transform: `translateY(${virtualRow.start}px)` }}
                >
                  {olderError !== null ? (
                    <>
                      <span>{olderError}</span>
                      <button type="button" className="button button-small" onClick={() => void retryOlder()}>
                        Retry
                      </button>
                    </>
                  ) : (
                    <>
                      <LoaderCircle size={14} className="spin" aria-hidden />
                      <span>Loading older captures…</span>
                    </>
                  )}
                </div>
              );
            }
            return (
              <CaptureRow
                key={leaping ? `slot-${virtualRow.index - firstIndex}` : virtualRow.key.toString()}
                capture={capture}
                selected={capture.id === selectedId || selectedIds.has(capture.id)}
                current={capture.id === selectedId}
                top={virtualRow.start}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}
