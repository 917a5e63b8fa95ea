import { type ReactNode, useId } from 'react';

interface FieldProps {
  label: string;
  hint?: ReactNode;
  className?: string;
  /** Renders the control with the id the label points at and the id of the hint. */
  children: (id: string, hintId: string | undefined) => ReactNode;
}

/** A label, a control and an optional hint, tied together for assistive technology. */
export function Field({ label, hint, className, children }: FieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className={className ? `composer-field ${className}` : 'composer-field'}>
      <label htmlFor={id} className="composer-label">
        {label}
      </label>
      {children(id, hintId)}
      {hint && (
        <p id={hintId} className="composer-hint">
          {hint}
        </p>
      )}
    </div>
  );
}

interface CheckProps {
  checked: boolean;
  onChange: (checked: boolean) => void;
  children: ReactNode;
  testId?: string;
}

export function Check({ checked, onChange, children, testId }: CheckProps) {
  return (
    <label className="composer-check">
      <input
        type="checkbox"
        checked={checked}
        data-testid={testId}
        onChange={(event) => onChange(event.target.checked)}
      />
      <span>{children}</span>
    </label>
  );
}

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
