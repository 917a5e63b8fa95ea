import {
  createContext,
  type InputHTMLAttributes,
  type ReactNode,
  useContext,
  useEffect,
  useId,
  useState,
} from 'react';

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'id'>;

const FieldProblemsContext = createContext<ReadonlyMap<string, string>>(new Map());

/** The problems to mark in the form below, by field (`responder.percentage`; see ruleChecks). */
export function FieldProblems({
  value,
  children,
}: {
  value: ReadonlyMap<string, string>;
  children: ReactNode;
}) {
  return <FieldProblemsContext value={value}>{children}</FieldProblemsContext>;
}

/** The problem of each marked field, for controls that are not one Labeled field (condition rows). */
export function useFieldProblems(): ReadonlyMap<string, string> {
  return useContext(FieldProblemsContext);
}

interface LabeledProps {
  label: string;
  hint?: ReactNode;
  className?: string;
  /** The field's path in the rule: its problem, if any, is shown under it and marks it. */
  field?: string;
  /**
   * Renders the control with the id the label points at, the ids of the problem and hint that
   * describe it, and whether it is marked as invalid.
   */
  children: (id: string, describedBy: string | undefined, invalid: boolean) => ReactNode;
}

/** A label, a control, its problem and an optional hint under it, tied together for assistive technology. */
export function Labeled({ label, hint, className, field, children }: LabeledProps) {
  const id = useId();
  const problems = useFieldProblems();
  const problem = field === undefined ? undefined : problems.get(field);
  const hintId = hint ? `${id}-hint` : undefined;
  const problemId = problem ? `${id}-problem` : undefined;
  const describedBy = [problemId, hintId].filter((part) => part !== undefined).join(' ') || undefined;
  let classes = className ? `rule-field ${className}` : 'rule-field';
  if (problem) classes += ' rule-field-invalid';
  return (
    <div className={classes}>
      <label htmlFor={id} className="rule-field-label">
        {label}
      </label>
      {children(id, describedBy, problem !== undefined)}
      {problem && (
        <p id={problemId} className="rule-field-problem" data-testid="field-problem" data-field={field}>
          {problem}
        </p>
      )}
      {hint && (
        <p id={hintId} className="rule-field-hint">
          {hint}
        </p>
      )}
    </div>
  );
}

interface NumberInputProps extends InputProps {
  value: number;
  /** NaN while the text is not a number of the kind asked for: the editor's checks then mark the field. */
  onChange: (value: number) => void;
  id?: string;
  /** Marked from outside (out of range); a text that is not such a number is marked anyway. */
  invalid?: boolean;
  /** Takes decimals too ("12.5"), for the fields the rule format keeps as any number. */
  decimals?: boolean;
}

const WHOLE = /^\s*-?\d+\s*$/;
// "12." and ".5" are on the way to a number while typing, and Number() reads them as such.
const DECIMAL = /^\s*-?(\d+\.?\d*|\.\d+)\s*$/;

function parseNumber(text: string, decimals: boolean): number {
  return (decimals ? DECIMAL : WHOLE).test(text) ? Number(text) : Number.NaN;
}

/**
 * A number input that keeps what the user typed (even "" or "2" on the way
 * to "201") instead of snapping it to a number on every keystroke. Whole
 * numbers only unless `decimals`.
 */
export function NumberInput({
  value,
  onChange,
  id,
  className,
  invalid,
  decimals = false,
  ...inputProps
}: NumberInputProps) {
  const [text, setText] = useState(() => (Number.isFinite(value) ? String(value) : ''));

  // Follow changes from outside (revert, another window) that the text does not already say.
  useEffect(() => {
    setText((current) => {
      const parsed = parseNumber(current, decimals);
      if (parsed === value || (Number.isNaN(parsed) && Number.isNaN(value))) return current;
      return Number.isFinite(value) ? String(value) : '';
    });
  }, [value, decimals]);

  const notNumber = Number.isNaN(parseNumber(text, decimals));
  return (
    <input
      {...inputProps}
      id={id}
      className={className ? `input ${className}` : 'input'}
      inputMode={decimals ? 'decimal' : 'numeric'}
      autoComplete="off"
      value={text}
      aria-invalid={invalid || notNumber ? true : undefined}
      onChange={(event) => {
        setText(event.target.value);
        onChange(parseNumber(event.target.value, decimals));
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
