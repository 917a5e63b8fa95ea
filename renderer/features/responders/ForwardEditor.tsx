import { useId } from 'react';
import type { ForwardTarget } from '../../../shared/rules';
import { Labeled, NumberInput } from './formControls';

interface ForwardEditorProps {
  forward: ForwardTarget | null;
  onChange: (forward: ForwardTarget | null) => void;
}

const NEW_FORWARD: ForwardTarget = {
  url: 'http://127.0.0.1:3000',
  rebase: true,
  passthrough: false,
  timeoutMs: 10_000,
};

/** Forwarding: every request this rule matches is also sent to another server (like `stripe listen --forward-to`). */
export function ForwardEditor({ forward, onChange }: ForwardEditorProps) {
  const titleId = useId();
  return (
    <section className="rule-section" aria-labelledby={titleId}>
      <h3 id={titleId} className="rule-section-title">
        Forwarding
      </h3>
      <label className="check">
        <input
          type="checkbox"
          checked={forward !== null}
          onChange={(event) => onChange(event.target.checked ? NEW_FORWARD : null)}
          data-testid="forward-toggle"
        />
        Also send every matching request to another server
      </label>
      {forward && (
        <>
          <div className="rule-grid">
            <Labeled
              label="Target URL"
              hint="With the path appended, /hook?x=1 goes to <target>/hook?x=1."
              field="forward.url"
            >
              {(id, describedBy, invalid) => (
                <input
                  id={id}
                  className="input"
                  aria-describedby={describedBy}
                  aria-invalid={invalid || undefined}
                  value={forward.url}
                  spellCheck={false}
                  onChange={(event) => onChange({ ...forward, url: event.target.value })}
                  data-testid="forward-url-input"
                />
              )}
            </Labeled>
            <Labeled label="Timeout (ms)" field="forward.timeoutMs">
              {(id, describedBy, invalid) => (
                <NumberInput
                  id={id}
                  aria-describedby={describedBy}
                  invalid={invalid}
                  value={forward.timeoutMs}
                  onChange={(timeoutMs) => onChange({ ...forward, timeoutMs })}
                />
              )}
            </Labeled>
          </div>
          <label className="check">
            <input
              type="checkbox"
              checked={forward.rebase}
              onChange={(event) => onChange({ ...forward, rebase: event.target.checked })}
            />
            Append the request's path and query to the target URL
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={forward.passthrough}
              onChange={(event) => onChange({ ...forward, passthrough: event.target.checked })}
              data-testid="forward-passthrough"
            />
            Pass the target's answer back to the caller (otherwise the caller gets this rule's answer)
          </label>
          <p className="muted">How each forward went is written on the capture, under Findings.</p>
        </>
      )}
    </section>
  );
}
