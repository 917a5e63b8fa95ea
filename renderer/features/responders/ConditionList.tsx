import { Plus, X } from 'lucide-react';
import { Fragment, useId } from 'react';
import type { ValueTest } from '../../../shared/rules';
import { useFieldProblems } from './formControls';

/** The common shape of query, header and body JSON conditions: a target, a test, a value. */
export interface Condition {
  target: string;
  test: ValueTest;
  value: string;
}

const TESTS: readonly { test: ValueTest; label: string }[] = [
  { test: 'present', label: 'is present' },
  { test: 'equals', label: 'equals' },
  { test: 'contains', label: 'contains' },
  { test: 'regex', label: 'matches regex' },
];

interface ConditionListProps {
  /** Legend of the group: "Query parameters". */
  label: string;
  /** What the target is called in a row: "Parameter", "Header", "JSON path". */
  targetLabel: string;
  targetPlaceholder: string;
  addLabel: string;
  conditions: readonly Condition[];
  onChange: (conditions: Condition[]) => void;
  hint?: string;
  testId: string;
  /**
   * Where the rows are in the rule and what their target is called there (`match.bodyJson`,
   * `path`): a problem with `match.bodyJson.1.path` marks the second row's target.
   */
  field: string;
  targetKey: string;
}

/** Rows of "target test value" conditions; every row must pass for the rule to match. */
export function ConditionList({
  label,
  targetLabel,
  targetPlaceholder,
  addLabel,
  conditions,
  onChange,
  hint,
  testId,
  field,
  targetKey,
}: ConditionListProps) {
  const id = useId();
  const problems = useFieldProblems();
  const edit = (index: number, patch: Partial<Condition>) =>
    onChange(conditions.map((condition, i) => (i === index ? { ...condition, ...patch } : condition)));

  return (
    <fieldset className="rule-rows" data-testid={testId}>
      <legend className="rule-rows-legend">{label}</legend>
      {hint && <p className="rule-field-hint">{hint}</p>}
      {conditions.map((condition, index) => {
        const marks = [`${field}.${index}.${targetKey}`, `${field}.${index}.value`].map((at, part) => {
          const message = problems.get(at);
          return message === undefined ? null : { at, message, id: `${id}-${index}-${part}` };
        });
        const [targetMark, valueMark] = marks;
        return (
          // Conditions have no identity but their place in the list.
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place and only removed by index
          <Fragment key={index}>
            <div className="rule-row-inputs rule-row-inputs-condition">
              <input
                className="input input-mono"
                value={condition.target}
                placeholder={targetPlaceholder}
                aria-label={`${label}: ${targetLabel.toLowerCase()} ${index + 1}`}
                aria-invalid={targetMark ? true : undefined}
                aria-describedby={targetMark?.id}
                spellCheck={false}
                autoComplete="off"
                onChange={(event) => edit(index, { target: event.target.value })}
              />
              <select
                className="input"
                value={condition.test}
                aria-label={`${label}: test ${index + 1}`}
                onChange={(event) => edit(index, { test: event.target.value as ValueTest })}
              >
                {TESTS.map(({ test, label: testLabel }) => (
                  <option key={test} value={test}>
                    {testLabel}
                  </option>
                ))}
              </select>
              <input
                className="input input-mono"
                value={condition.test === 'present' ? '' : condition.value}
                placeholder={
                  condition.test === 'regex' ? 'Pattern' : condition.test === 'present' ? '' : 'Value'
                }
                disabled={condition.test === 'present'}
                aria-label={`${label}: value ${index + 1}`}
                aria-invalid={valueMark ? true : undefined}
                aria-describedby={valueMark?.id}
                spellCheck={false}
                autoComplete="off"
                onChange={(event) => edit(index, { value: event.target.value })}
              />
              <button
                type="button"
                className="button button-quiet button-small"
                aria-label={`Remove ${targetLabel.toLowerCase()} condition ${index + 1}`}
                title="Remove"
                onClick={() => onChange(conditions.filter((_, i) => i !== index))}
              >
                <X size={14} aria-hidden />
              </button>
            </div>
            {marks.map(
              (mark) =>
                mark && (
                  <p
                    key={mark.at}
                    id={mark.id}
                    className="rule-field-problem"
                    data-testid="field-problem"
                    data-field={mark.at}
                  >
                    {mark.message}
                  </p>
                ),
            )}
          </Fragment>
        );
      })}
      <button
        type="button"
        className="button button-small rule-rows-add"
        onClick={() => onChange([...conditions, { target: '', test: 'present', value: '' }])}
      >
        <Plus size={14} aria-hidden />
        {addLabel}
      </button>
    </fieldset>
  );
}
