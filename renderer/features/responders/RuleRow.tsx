import { ArrowDown, ArrowUp, GripVertical } from 'lucide-react';
import type { DragEvent } from 'react';
import type { Rule } from '../../../shared/rules';
import { matchSummary, RESPONDER_KIND_LABELS } from './ruleFormat';

export type DropSide = 'before' | 'after';

interface RuleRowProps {
  rule: Rule;
  position: number;
  count: number;
  hits: number;
  selected: boolean;
  /** Where a dragged rule would land relative to this one, while a drag hovers it. */
  dropSide: DropSide | null;
  dragging: boolean;
  onSelect: (id: string) => void;
  onToggle: (id: string, enabled: boolean) => void;
  onMove: (id: string, step: -1 | 1) => void;
  onDragStart: (event: DragEvent<HTMLLIElement>, id: string) => void;
  onDragOver: (event: DragEvent<HTMLLIElement>, id: string) => void;
  onDrop: (event: DragEvent<HTMLLIElement>, id: string) => void;
  onDragEnd: () => void;
}

function hitsLabel(hits: number): string {
  return `${hits} ${hits === 1 ? 'request' : 'requests'} answered`;
}

/** One rule in the ordered list: switch, name, match summary, kind, hits and reorder controls. */
export function RuleRow({
  rule,
  position,
  count,
  hits,
  selected,
  dropSide,
  dragging,
  onSelect,
  onToggle,
  onMove,
  onDragStart,
  onDragOver,
  onDrop,
  onDragEnd,
}: RuleRowProps) {
  const classes = ['rule-item'];
  if (selected) classes.push('rule-item-selected');
  if (!rule.enabled) classes.push('rule-item-disabled');
  if (dragging) classes.push('rule-item-dragging');
  if (dropSide) classes.push(`rule-item-drop-${dropSide}`);
  const name = rule.name.trim() === '' ? 'Unnamed rule' : rule.name;

  return (
    <li
      className={classes.join(' ')}
      data-testid="rule-row"
      data-rule-id={rule.id}
      draggable
      onDragStart={(event) => onDragStart(event, rule.id)}
      onDragOver={(event) => onDragOver(event, rule.id)}
      onDrop={(event) => onDrop(event, rule.id)}
      onDragEnd={onDragEnd}
    >
      <span className="rule-grip" title="Drag to reorder" aria-hidden>
        <GripVertical size={14} />
      </span>
      <input
        type="checkbox"
        className="switch"
        checked={rule.enabled}
        aria-label={`${name}: enabled`}
        title={rule.enabled ? 'Enabled' : 'Disabled: skipped when matching'}
        onChange={(event) => onToggle(rule.id, event.target.checked)}
        data-testid="rule-enabled"
      />
      <button
        type="button"
        className="rule-select"
        aria-current={selected ? 'true' : undefined}
        onClick={() => onSelect(rule.id)}
        data-testid="rule-select"
      >
        <span className="rule-line">
          <span className="rule-position" aria-hidden>
            {position}
          </span>
          <span className="rule-name" data-testid="rule-name">
            {name}
          </span>
        </span>
        <span className="rule-line rule-line-meta">
          <span className="rule-summary" data-testid="rule-summary">
            {matchSummary(rule.match)}
          </span>
          <span className={`rule-kind rule-kind-${rule.responder.kind}`} data-testid="rule-kind">
            {RESPONDER_KIND_LABELS[rule.responder.kind]}
          </span>
        </span>
      </button>
      <span className="rule-hits" title={hitsLabel(hits)}>
        <span data-testid="rule-hits">{hits}</span>
        <span className="visually-hidden"> {hits === 1 ? 'request' : 'requests'} answered</span>
      </span>
      <span className="rule-move">
        <button
          type="button"
          className="button button-quiet button-small rule-move-up"
          aria-label={`Move ${name} up`}
          title="Move up"
          disabled={position === 1}
          onClick={() => onMove(rule.id, -1)}
          data-testid="rule-move-up"
        >
          <ArrowUp size={13} aria-hidden />
        </button>
        <button
          type="button"
          className="button button-quiet button-small rule-move-down"
          aria-label={`Move ${name} down`}
          title="Move down"
          disabled={position === count}
          onClick={() => onMove(rule.id, 1)}
          data-testid="rule-move-down"
        >
          <ArrowDown size={13} aria-hidden />
        </button>
      </span>
    </li>
  );
}
