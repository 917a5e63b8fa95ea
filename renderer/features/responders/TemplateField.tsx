import type { TemplateMode } from '../../../shared/rules';
import { CodeEditor } from '../../ui/editor/CodeEditor';
import { ProblemList } from '../../ui/editor/ProblemList';
import { TemplateHelp } from '../../ui/editor/TemplateHelp';
import { useDebouncedCheck } from '../../ui/editor/useDebouncedCheck';
import { REQUEST_VARIABLES, useTemplateSupport } from './useTemplateSupport';

const MODE_HELP: Record<TemplateMode, string> = {
  'json-safe':
    'JSON-safe: a value inside a JSON string is escaped as string content; outside strings it becomes a JSON value, so the body stays valid JSON. Nothing is HTML-escaped.',
  raw: 'Raw: values are inserted exactly as they are, without any escaping — a quote in a name breaks the JSON, as it would in production.',
};

/** How long typing must pause before the template is checked. */
const CHECK_DELAY_MS = 250;

interface TemplateFieldProps {
  label: string;
  value: string;
  mode: TemplateMode;
  onChange: (value: string) => void;
  editorTestId: string;
  problemsTestId: string;
}

/** A response body template: the editor, its problems (underlined and listed) and the help. */
export function TemplateField({
  label,
  value,
  mode,
  onChange,
  editorTestId,
  problemsTestId,
}: TemplateFieldProps) {
  const { check, helpers, completions } = useTemplateSupport(mode);
  const { problems, error } = useDebouncedCheck(value, check, CHECK_DELAY_MS);
  // Listed problems must describe the text on screen, not the text before the last keystrokes.
  const current = problems !== null && problems.source === value ? problems.items : null;
  const hasErrors = current?.some((problem) => problem.severity === 'error') ?? false;

  return (
    <div className="template-field">
      <div className="template-field-head">
        <span className="rule-field-label">{label}</span>
        <TemplateHelp helpers={helpers} variables={REQUEST_VARIABLES} intro={MODE_HELP[mode]} />
      </div>
      <CodeEditor
        value={value}
        onChange={onChange}
        ariaLabel={label}
        language="json"
        handlebars
        problems={problems}
        completions={completions}
        testId={editorTestId}
        invalid={hasErrors}
      />
      {current && <ProblemList problems={current} label={`${label}: problems`} testId={problemsTestId} />}
      {error && <p className="rule-field-hint">Could not check the template: {error}</p>}
    </div>
  );
}
