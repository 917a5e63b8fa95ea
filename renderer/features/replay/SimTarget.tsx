import { useReceiver } from '../../state/StoresContext';
import { urlProblem } from './drafts';
import { Field } from './fields';

interface SimTargetProps {
  value: string;
  onChange: (value: string) => void;
  testId: string;
  /** The receiver path the starter rules answer for this sender, e.g. `sms/status`. */
  receiverPath: string;
  hint: string;
}

/** A simulator's target URL, with a shortcut to Hookbench's own receiver (handy to try the responders). */
export function SimTarget({ value, onChange, testId, receiverPath, hint }: SimTargetProps) {
  const receiverUrl = useReceiver((s) => s.status?.url ?? null);
  const own = receiverUrl ? new URL(receiverPath, receiverUrl).href : null;
  const problem = value.trim() === '' ? null : urlProblem(value, 'The target');
  return (
    <Field label="Target URL" hint={problem ?? hint}>
      {(id, hintId) => (
        <div className="replay-target-row">
          <input
            id={id}
            className="input input-mono"
            value={value}
            placeholder="http://127.0.0.1:3000/webhook"
            spellCheck={false}
            autoComplete="off"
            aria-describedby={hintId}
            aria-invalid={problem ? true : undefined}
            data-testid={testId}
            onChange={(event) => onChange(event.target.value)}
          />
          {own && (
            <button
              type="button"
              className="button"
              title={own}
              data-testid={`${testId}-receiver`}
              onClick={() => onChange(own)}
            >
              Hookbench’s receiver
            </button>
          )}
        </div>
      )}
    </Field>
  );
}
