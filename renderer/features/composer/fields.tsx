import { useId } from 'react';
import { createFields } from '../../ui/fields';

export const { Field, Check } = createFields({
  field: 'composer-field',
  label: 'composer-label',
  hint: 'composer-hint',
  check: 'composer-check',
});

export interface Choice<T extends string> {
  value: T;
  label: string;
  /** One line under the label, saying what the choice does. */
  description: string;
}

interface SegmentedProps<T extends string> {
  legend: string;
  name: string;
  value: T;
  choices: readonly Choice<T>[];
  onChange: (value: T) => void;
  testId: string;
}

/** Radio buttons drawn as a segmented switch, each choice explained under its label. */
export function Segmented<T extends string>({
  legend,
  name,
  value,
  choices,
  onChange,
  testId,
}: SegmentedProps<T>) {
  const id = useId();
  return (
    <fieldset className="composer-segmented" data-testid={testId} data-value={value}>
      <legend className="composer-label">{legend}</legend>
      <div className="composer-segments">
        {choices.map((choice) => (
          <label
            key={choice.value}
            className={choice.value === value ? 'composer-segment composer-segment-on' : 'composer-segment'}
          >
            <input
              type="radio"
              className="visually-hidden"
              name={`${id}-${name}`}
              value={choice.value}
              checked={choice.value === value}
              aria-describedby={`${id}-${choice.value}`}
              data-testid={`${testId}-${choice.value}`}
              onChange={() => onChange(choice.value)}
            />
            <span className="composer-segment-label">{choice.label}</span>
            <span id={`${id}-${choice.value}`} className="composer-segment-text">
              {choice.description}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
