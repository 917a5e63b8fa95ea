import { type DragEvent, useRef, useState } from 'react';
import type { Rule, RuleHits } from '../../../shared/rules';
import { describeError } from '../../client';
import { useRules } from '../../state/StoresContext';
import { Notice } from '../../ui/Notice';
import { type DropSide, RuleRow } from './RuleRow';
import { moveBeside, moveByOne } from './ruleFormat';

interface RuleListProps {
  rules: readonly Rule[];
  hits: RuleHits;
  selectedId: string | null;
  onSelect: (id: string) => void;
}

const DRAG_TYPE = 'application/x-hookbench-rule';

/**
 * The rules in answering order. Reordering works by drag and drop and, for the
 * keyboard, by the Move up / Move down buttons; both announce the new place.
 */
export function RuleList({ rules, hits, selectedId, onSelect }: RuleListProps) {
  const reorder = useRules((s) => s.reorder);
  const setEnabled = useRules((s) => s.setEnabled);
  const [dragId, setDragId] = useState<string | null>(null);
  const [drop, setDrop] = useState<{ id: string; side: DropSide } | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [error, setError] = useState<string | null>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const ids = rules.map((rule) => rule.id);

  const applyOrder = (next: string[], movedId: string) => {
    const moved = rules.find((rule) => rule.id === movedId);
    setError(null);
    setAnnouncement(
      `Moved ${moved?.name || 'the rule'} to position ${next.indexOf(movedId) + 1} of ${next.length}.`,
    );
    reorder(next).catch((cause: unknown) => setError(describeError(cause, 'Could not reorder the rules.')));
  };

  const move = (id: string, step: -1 | 1) => {
    const next = moveByOne(ids, id, step);
    if (!next) return;
    applyOrder(next, id);
    // Moving a row re-inserts its element, which drops focus: put it back on the same button,
    // or on the other one when the rule reached an end and this one became disabled.
    requestAnimationFrame(() => {
      const row = listRef.current?.querySelector<HTMLElement>(`[data-rule-id="${CSS.escape(id)}"]`);
      const index = next.indexOf(id);
      const atEnd = step === -1 ? index === 0 : index === next.length - 1;
      const wanted = (step === -1) !== atEnd ? '.rule-move-up' : '.rule-move-down';
      row?.querySelector<HTMLButtonElement>(wanted)?.focus();
    });
  };

  const toggle = (id: string, enabled: boolean) => {
    setError(null);
    setEnabled(id, enabled).catch((cause: unknown) =>
      setError(describeError(cause, 'Could not switch the rule.')),
    );
  };

  const onDragStart = (event: DragEvent<HTMLLIElement>, id: string) => {
    event.dataTransfer.effectAllowed = 'move';
    event.dataTransfer.setData(DRAG_TYPE, id);
    event.dataTransfer.setData('text/plain', rules.find((rule) => rule.id === id)?.name ?? id);
    setDragId(id);
  };

  const onDragOver = (event: DragEvent<HTMLLIElement>, id: string) => {
    // Only our own rows are accepted: files or text dragged in from outside are not rules.
    if (dragId === null || !event.dataTransfer.types.includes(DRAG_TYPE)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    const box = event.currentTarget.getBoundingClientRect();
    const side: DropSide = event.clientY < box.top + box.height / 2 ? 'before' : 'after';
    if (drop?.id !== id || drop.side !== side) setDrop({ id, side });
  };

  const onDrop = (event: DragEvent<HTMLLIElement>, targetId: string) => {
    if (dragId === null) return;
    event.preventDefault();
    const box = event.currentTarget.getBoundingClientRect();
    const after = event.clientY >= box.top + box.height / 2;
    const next = moveBeside(ids, dragId, targetId, after);
    if (next.some((id, index) => id !== ids[index])) applyOrder(next, dragId);
    setDragId(null);
    setDrop(null);
  };

  const onDragEnd = () => {
    setDragId(null);
    setDrop(null);
  };

  return (
    <>
      {error && <Notice onDismiss={() => setError(null)}>{error}</Notice>}
      <ol ref={listRef} className="rule-list" aria-label="Rules, first match answers" data-testid="rule-list">
        {rules.map((rule, index) => (
          <RuleRow
            key={rule.id}
            rule={rule}
            position={index + 1}
            count={rules.length}
            hits={hits[rule.id] ?? 0}
            selected={rule.id === selectedId}
            dropSide={drop?.id === rule.id && dragId !== rule.id ? drop.side : null}
            dragging={dragId === rule.id}
            onSelect={onSelect}
            onToggle={toggle}
            onMove={move}
            onDragStart={onDragStart}
            onDragOver={onDragOver}
            onDrop={onDrop}
            onDragEnd={onDragEnd}
          />
        ))}
      </ol>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </>
  );
}
