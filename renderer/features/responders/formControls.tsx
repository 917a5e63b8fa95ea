import { type InputHTMLAttributes, type ReactNode, useEffect, useId, useState } from 'react';

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'id'>;

interface LabeledProps {
  label: string;
  hint?: ReactNode;
  className?: string;
  /** Renders the control with the id the label points at and the id of the hint. */
  children: (id: string, hintId: string | undefined) => ReactNode;
}

/** A label, a control and an optional hint under it, tied together for assistive technology. */
export function Labeled({ label, hint, className, children }: LabeledProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className={className ? `rule-field ${className}` : 'rule-field'}>
      <label htmlFor={id} className="rule-field-label">
        {label}
      </label>
      {children(id, hintId)}
      {hint && (
        <p id={hintId} className="rule-field-hint">
          {hint}
        </p>
      )}
    </div>
  );
}

interface IntegerInputProps extends InputProps {
  value: number;
  /** NaN while the text is not a whole number: saving then fails with the core's message naming the field. */
  onChange: (value: number) => void;
  id?: string;
}

function parseInteger(text: string): number {
  return /^\s*-?\d+\s*$/.test(text) ? Number.parseInt(text, 10) : Number.NaN;
}

/**
 * A whole-number input that keeps what the user typed (even "" or "2" on the way
 * to "201") instead of snapping it to a number on every keystroke.
 */
export function IntegerInput({ value, onChange, id, className, ...inputProps }: IntegerInputProps) {
  const [text, setText] = useState(() => (Number.isFinite(value) ? String(value) : ''));

  // Follow changes from outside (revert, another window) that the text does not already say.
  useEffect(() => {
    setText((current) => {
      const parsed = parseInteger(current);
      if (parsed === value || (Number.isNaN(parsed) && Number.isNaN(value))) return current;
      return Number.isFinite(value) ? String(value) : '';
    });
  }, [value]);

  const invalid = Number.isNaN(parseInteger(text));
  return (
    <input
      {...inputProps}
      id={id}
      className={className ? `input ${className}` : 'input'}
      inputMode="numeric"
      autoComplete="off"
      value={text}
      aria-invalid={invalid ? true : undefined}
      onChange={(event) => {
        setText(event.target.value);
        onChange(parseInteger(event.target.value));
      }}
    />
  );
}

interface ListInputProps extends InputProps {
  value: readonly string[];
  onChange: (value: string[]) => void;
  parse: (text: string) => string[];
  format: (value: readonly string[]) => string;
  id?: string;
  multiline?: boolean;
  testId?: string;
}

function sameItems(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}

/**
 * A list typed as text ("POST, GET"). The text is kept as typed, so a trailing
 * comma or space survives until the next item is typed.
 */
export function ListInput({
  value,
  onChange,
  parse,
  format,
  id,
  className,
  multiline = false,
  testId,
  ...inputProps
}: ListInputProps) {
  const [text, setText] = useState(() => format(value));

  useEffect(() => {
    setText((current) => (sameItems(parse(current), value) ? current : format(value)));
  }, [value, parse, format]);

  const edit = (next: string) => {
    setText(next);
    onChange(parse(next));
  };

  if (multiline) {
    return (
      <textarea
        id={id}
        className={className ? `input textarea ${className}` : 'input textarea'}
        value={text}
        spellCheck={false}
        rows={3}
        placeholder={inputProps.placeholder}
        aria-describedby={inputProps['aria-describedby']}
        data-testid={testId}
        onChange={(event) => edit(event.target.value)}
      />
    );
  }
  return (
    <input
      {...inputProps}
      id={id}
      className={className ? `input ${className}` : 'input'}
      autoComplete="off"
      spellCheck={false}
      data-testid={testId}
      value={text}
      onChange={(event) => edit(event.target.value)}
    />
  );
}
