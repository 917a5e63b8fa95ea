import { type ReactNode, useId } from 'react';

/** The class names one screen draws its fields with: the markup is shared, the look is the screen's own. */
export interface FieldClassNames {
  field: string;
  label: string;
  hint: string;
  check: string;
}

export interface FieldProps {
  label: string;
  hint?: ReactNode;
  className?: string;
  /** Renders the control with the id the label points at and the id of the hint. */
  children: (id: string, hintId: string | undefined) => ReactNode;
}

export interface CheckProps {
  checked: boolean;
  onChange: (checked: boolean) => void;
  children: ReactNode;
  testId?: string;
  disabled?: boolean;
}

/** A labelled field and a checkbox drawn with one screen's class names. */
export function createFields(names: FieldClassNames) {
  /** A label, a control and an optional hint, tied together for assistive technology. */
  function Field({ label, hint, className, children }: FieldProps) {
    const id = useId();
    const hintId = hint ? `${id}-hint` : undefined;
    return (
      <div className={className ? `${names.field} ${className}` : names.field}>
        <label htmlFor={id} className={names.label}>
          {label}
        </label>
        {children(id, hintId)}
        {hint && (
          <p id={hintId} className={names.hint}>
            {hint}
          </p>
        )}
      </div>
    );
  }

  function Check({ checked, onChange, children, testId, disabled }: CheckProps) {
    return (
      <label className={names.check}>
        <input
          type="checkbox"
          checked={checked}
          disabled={disabled}
          data-testid={testId}
          onChange={(event) => onChange(event.target.checked)}
        />
        <span>{children}</span>
      </label>
    );
  }

  return { Field, Check };
}
